import type { InvalidHexError } from '@ferry/protocol'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { toBase64 } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type { BytesInput } from '../../types.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type DeliverParameters = EndpointExecuteParameters & {
  message: BytesInput
  proof: BytesInput
}
export type DeliverReturnType = EndpointExecuteReturnType
export type DeliverErrorType = EndpointError | MissingSenderError | InvalidHexError

/**
 * Delivers a message with its proof (PROTOCOL §7); anyone may call. The `messageDelivered` event
 * tells whether the recipient Executed or Failed, or the message TimedOut.
 *
 * @example
 * ```ts
 * await deliver(executor, { contract: endpoint, message, proof })
 * ```
 */
export async function deliver(
  executor: CosmWasmExecutor,
  parameters: DeliverParameters,
): Promise<DeliverReturnType> {
  return executeEndpoint(executor, parameters, {
    deliver: {
      message: toBase64(parameters.message, 'message'),
      proof: toBase64(parameters.proof, 'proof'),
    },
  })
}

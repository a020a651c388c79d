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

export type TimeoutParameters = EndpointExecuteParameters & {
  message: BytesInput
}
export type TimeoutReturnType = EndpointExecuteReturnType
export type TimeoutErrorType = EndpointError | MissingSenderError | InvalidHexError

/**
 * Makes a Failed message whose deadline has passed TimedOut (and sends its ack, if requested);
 * anyone may call.
 *
 * @example
 * ```ts
 * await timeout(executor, { contract: endpoint, message })
 * ```
 */
export async function timeout(
  executor: CosmWasmExecutor,
  parameters: TimeoutParameters,
): Promise<TimeoutReturnType> {
  return executeEndpoint(executor, parameters, {
    timeout: { message: toBase64(parameters.message, 'message') },
  })
}

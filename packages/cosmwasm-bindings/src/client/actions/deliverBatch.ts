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

export type DeliverBatchParameters = EndpointExecuteParameters & {
  messages: readonly BytesInput[]
  proofs: readonly BytesInput[]
}
export type DeliverBatchReturnType = EndpointExecuteReturnType
export type DeliverBatchErrorType = EndpointError | MissingSenderError | InvalidHexError

/**
 * Delivers several messages in one transaction, each as `deliver`; the signatures of a
 * checkpoint are checked once for all the proofs that share it (a proof after the first may
 * carry none).
 *
 * @example
 * ```ts
 * await deliverBatch(executor, { contract: endpoint, messages: [first, second], proofs: [signed, unsigned] })
 * ```
 */
export async function deliverBatch(
  executor: CosmWasmExecutor,
  parameters: DeliverBatchParameters,
): Promise<DeliverBatchReturnType> {
  return executeEndpoint(executor, parameters, {
    deliver_batch: {
      messages: parameters.messages.map((message, i) => toBase64(message, `messages[${i}]`)),
      proofs: parameters.proofs.map((proof, i) => toBase64(proof, `proofs[${i}]`)),
    },
  })
}

import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type PauseParameters = EndpointExecuteParameters
export type PauseReturnType = EndpointExecuteReturnType
export type PauseErrorType = EndpointError | MissingSenderError

/**
 * Pauses send, deliver, deliver_batch, retry and timeout (owner only).
 *
 * @example
 * ```ts
 * await pause(executor, { contract: endpoint })
 * ```
 */
export async function pause(
  executor: CosmWasmExecutor,
  parameters: PauseParameters,
): Promise<PauseReturnType> {
  return executeEndpoint(executor, parameters, { pause: {} })
}

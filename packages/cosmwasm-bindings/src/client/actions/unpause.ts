import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type UnpauseParameters = EndpointExecuteParameters
export type UnpauseReturnType = EndpointExecuteReturnType
export type UnpauseErrorType = EndpointError | MissingSenderError

/**
 * Lifts a pause (owner only).
 *
 * @example
 * ```ts
 * await unpause(executor, { contract: endpoint })
 * ```
 */
export async function unpause(
  executor: CosmWasmExecutor,
  parameters: UnpauseParameters,
): Promise<UnpauseReturnType> {
  return executeEndpoint(executor, parameters, { unpause: {} })
}

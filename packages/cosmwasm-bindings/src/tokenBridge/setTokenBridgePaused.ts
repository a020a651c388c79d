import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../client/types.js'
import type { MissingSenderError } from '../errors/client.js'
import type { EndpointError } from '../errors/endpointError.js'
import { executeEndpoint } from '../internal/executeEndpoint.js'

export type SetTokenBridgePausedParameters = EndpointExecuteParameters & { paused: boolean }
export type SetTokenBridgePausedReturnType = EndpointExecuteReturnType
export type SetTokenBridgePausedErrorType = EndpointError | MissingSenderError

/**
 * Pauses the bridge (`pause`: transfers out refused, deliveries Failed and retryable) or lets it
 * run again (`unpause`); the guardian or the owner (`token_bridge_not_guardian`).
 *
 * @example
 * ```ts
 * await setTokenBridgePaused(executor, { contract: bridge, sender: guardian, paused: true })
 * ```
 */
export function setTokenBridgePaused(
  executor: CosmWasmExecutor,
  parameters: SetTokenBridgePausedParameters,
): Promise<SetTokenBridgePausedReturnType> {
  return executeEndpoint(executor, parameters, parameters.paused ? { pause: {} } : { unpause: {} })
}

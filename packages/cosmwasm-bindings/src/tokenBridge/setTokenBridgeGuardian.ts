import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../client/types.js'
import type { MissingSenderError } from '../errors/client.js'
import type { EndpointError } from '../errors/endpointError.js'
import { executeEndpoint } from '../internal/executeEndpoint.js'

export type SetTokenBridgeGuardianParameters = EndpointExecuteParameters & {
  /** Who may pause and unpause besides the owner; null: nobody. */
  guardian: string | null
}
export type SetTokenBridgeGuardianReturnType = EndpointExecuteReturnType
export type SetTokenBridgeGuardianErrorType = EndpointError | MissingSenderError

/**
 * Names the bridge's guardian (owner only).
 *
 * @example
 * ```ts
 * await setTokenBridgeGuardian(executor, { contract: bridge, guardian: 'wasm1…' })
 * ```
 */
export function setTokenBridgeGuardian(
  executor: CosmWasmExecutor,
  parameters: SetTokenBridgeGuardianParameters,
): Promise<SetTokenBridgeGuardianReturnType> {
  return executeEndpoint(executor, parameters, { set_guardian: { guardian: parameters.guardian } })
}

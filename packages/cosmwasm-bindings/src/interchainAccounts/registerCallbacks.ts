import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../client/types.js'
import type { MissingSenderError } from '../errors/client.js'
import type { EndpointError } from '../errors/endpointError.js'
import { executeEndpoint } from '../internal/executeEndpoint.js'

export type RegisterCallbacksParameters = EndpointExecuteParameters & { enabled: boolean }
export type RegisterCallbacksReturnType = EndpointExecuteReturnType
export type RegisterCallbacksErrorType = EndpointError | MissingSenderError

/**
 * Makes the router call the sender (a contract) back with each remote call's results:
 * `{"ferry_remote_result":{"id","ok","results"}}`, run so that its failure never fails the ack.
 *
 * @example
 * ```ts
 * await registerCallbacks(executor, { contract: router, sender: myContract, enabled: true })
 * ```
 */
export function registerCallbacks(
  executor: CosmWasmExecutor,
  parameters: RegisterCallbacksParameters,
): Promise<RegisterCallbacksReturnType> {
  return executeEndpoint(executor, parameters, {
    register_callbacks: { enabled: parameters.enabled },
  })
}

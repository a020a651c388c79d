import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type AcceptOwnershipParameters = EndpointExecuteParameters
export type AcceptOwnershipReturnType = EndpointExecuteReturnType
export type AcceptOwnershipErrorType = EndpointError | MissingSenderError

/**
 * Makes the pending owner the owner; executed as the pending owner.
 *
 * @example
 * ```ts
 * await acceptOwnership(executor, { contract: endpoint, sender: multisig })
 * ```
 */
export async function acceptOwnership(
  executor: CosmWasmExecutor,
  parameters: AcceptOwnershipParameters,
): Promise<AcceptOwnershipReturnType> {
  return executeEndpoint(executor, parameters, { accept_ownership: {} })
}

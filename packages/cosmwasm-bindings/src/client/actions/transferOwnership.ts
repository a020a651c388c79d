import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type TransferOwnershipParameters = EndpointExecuteParameters & {
  newOwner: string
}
export type TransferOwnershipReturnType = EndpointExecuteReturnType
export type TransferOwnershipErrorType = EndpointError | MissingSenderError

/**
 * Names a pending owner, who becomes the owner by `acceptOwnership` (owner only).
 *
 * @example
 * ```ts
 * await transferOwnership(executor, { contract: endpoint, newOwner: multisig })
 * ```
 */
export async function transferOwnership(
  executor: CosmWasmExecutor,
  parameters: TransferOwnershipParameters,
): Promise<TransferOwnershipReturnType> {
  return executeEndpoint(executor, parameters, {
    transfer_ownership: { new_owner: parameters.newOwner },
  })
}

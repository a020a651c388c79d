import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type SetFeeManagerParameters = EndpointExecuteParameters & {
  address: string
}
export type SetFeeManagerReturnType = EndpointExecuteReturnType
export type SetFeeManagerErrorType = EndpointError | MissingSenderError

/**
 * Hands the fee-manager role to an address (owner only).
 *
 * @example
 * ```ts
 * await setFeeManager(executor, { contract: endpoint, address: feeManager })
 * ```
 */
export async function setFeeManager(
  executor: CosmWasmExecutor,
  parameters: SetFeeManagerParameters,
): Promise<SetFeeManagerReturnType> {
  return executeEndpoint(executor, parameters, { set_fee_manager: { address: parameters.address } })
}

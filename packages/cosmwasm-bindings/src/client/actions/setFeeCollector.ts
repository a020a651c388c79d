import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type SetFeeCollectorParameters = EndpointExecuteParameters & {
  address: string
}
export type SetFeeCollectorReturnType = EndpointExecuteReturnType
export type SetFeeCollectorErrorType = EndpointError | MissingSenderError

/**
 * Hands the fee-collector role to an address (owner only).
 *
 * @example
 * ```ts
 * await setFeeCollector(executor, { contract: endpoint, address: treasury })
 * ```
 */
export async function setFeeCollector(
  executor: CosmWasmExecutor,
  parameters: SetFeeCollectorParameters,
): Promise<SetFeeCollectorReturnType> {
  return executeEndpoint(executor, parameters, {
    set_fee_collector: { address: parameters.address },
  })
}

import type { EndpointError } from '../../errors/endpointError.js'
import { queryEndpoint } from '../../internal/executeEndpoint.js'
import type { EndpointConfig } from '../../types.js'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../types.js'

export type ConfigParameters = EndpointQueryParameters
export type ConfigReturnType = EndpointConfig
export type ConfigErrorType = EndpointError

type Answer = {
  local_domain: number
  denom: string
  owner: string
  pending_owner: string | null
  fee_manager: string
  fee_collector: string
  paused: boolean
}

/**
 * The endpoint’s domain, fee denom, roles and pause state.
 *
 * @example
 * ```ts
 * await config(executor, { contract: endpoint }
 * // { localDomain: 7001, denom: 'ustake', owner: 'wasm1…', pendingOwner: null, … })
 * ```
 */
export async function config(
  executor: CosmWasmExecutor,
  parameters: ConfigParameters,
): Promise<ConfigReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, { config: {} })
  return {
    localDomain: answer.local_domain,
    denom: answer.denom,
    owner: answer.owner,
    pendingOwner: answer.pending_owner,
    feeManager: answer.fee_manager,
    feeCollector: answer.fee_collector,
    paused: answer.paused,
  }
}

import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { MissingSenderError } from '../../errors/client.js'
import type { EndpointError } from '../../errors/endpointError.js'
import { MAX_U128, toDecimal } from '../../internal/bytes.js'
import { executeEndpoint } from '../../internal/executeEndpoint.js'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../types.js'

export type WithdrawFeesParameters = EndpointExecuteParameters & {
  /** Bech32 address receiving the fees. */
  to: string
  /** Amount in the endpoint’s denom. */
  amount: bigint
}
export type WithdrawFeesReturnType = EndpointExecuteReturnType
export type WithdrawFeesErrorType = EndpointError | MissingSenderError | FieldOutOfRangeError

/**
 * Sends accrued fees to an address (fee collector only).
 *
 * @example
 * ```ts
 * await withdrawFees(executor, { contract: endpoint, to: treasury, amount: 1_000_000n })
 * ```
 */
export async function withdrawFees(
  executor: CosmWasmExecutor,
  parameters: WithdrawFeesParameters,
): Promise<WithdrawFeesReturnType> {
  return executeEndpoint(executor, parameters, {
    withdraw_fees: { to: parameters.to, amount: toDecimal(parameters.amount, MAX_U128, 'amount') },
  })
}

import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

export type Cw20BalanceParameters = EndpointQueryParameters & { address: string }
export type Cw20BalanceReturnType = bigint
export type Cw20BalanceErrorType = EndpointError

/**
 * `address`'s balance of a CW20 token (CW20's `balance` query): a synthetic token bridge, which
 * is its own CW20-compatible token, or any CW20 contract.
 *
 * @example
 * ```ts
 * const balance = await cw20Balance(executor, { contract: bridge, address: 'wasm1…' })
 * ```
 */
export async function cw20Balance(
  executor: CosmWasmExecutor,
  parameters: Cw20BalanceParameters,
): Promise<Cw20BalanceReturnType> {
  const answer = await queryEndpoint<{ balance: string }>(executor, parameters.contract, {
    balance: { address: parameters.address },
  })
  return BigInt(answer.balance)
}

import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

export type Cw20TokenInfoParameters = EndpointQueryParameters
export type Cw20TokenInfoReturnType = {
  name: string
  symbol: string
  decimals: number
  totalSupply: bigint
}
export type Cw20TokenInfoErrorType = EndpointError

/**
 * A CW20 token's `token_info`: a synthetic token bridge's representation, or any CW20 contract.
 *
 * @example
 * ```ts
 * const { symbol, totalSupply } = await cw20TokenInfo(executor, { contract: bridge })
 * ```
 */
export async function cw20TokenInfo(
  executor: CosmWasmExecutor,
  parameters: Cw20TokenInfoParameters,
): Promise<Cw20TokenInfoReturnType> {
  const answer = await queryEndpoint<{
    name: string
    symbol: string
    decimals: number
    total_supply: string
  }>(executor, parameters.contract, { token_info: {} })
  const { name, symbol, decimals, total_supply } = answer
  return { name, symbol, decimals, totalSupply: BigInt(total_supply) }
}

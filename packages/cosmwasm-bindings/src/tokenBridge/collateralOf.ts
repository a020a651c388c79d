import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { MAX_U32, toUint } from '../internal/bytes.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

export type CollateralOfParameters = EndpointQueryParameters & { domain: number }
export type CollateralOfReturnType = bigint
export type CollateralOfErrorType = EndpointError | FieldOutOfRangeError

/**
 * A route's collateral (TOKEN §4), in the bridge's token's units: for a native bridge what it
 * locked for `domain`; for a synthetic one what `domain` locked for the tokens minted here.
 *
 * @example
 * ```ts
 * const locked = await collateralOf(executor, { contract: bridge, domain: 31337 })
 * ```
 */
export async function collateralOf(
  executor: CosmWasmExecutor,
  parameters: CollateralOfParameters,
): Promise<CollateralOfReturnType> {
  const answer = await queryEndpoint<{ collateral: string }>(executor, parameters.contract, {
    collateral_of: { domain: toUint(parameters.domain, MAX_U32, 'domain') },
  })
  return BigInt(answer.collateral)
}

import type { FieldOutOfRangeError } from '@ferry/protocol'
import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { MAX_U32, toUint } from '../internal/bytes.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

/** A route's rate limit in one direction, in the bridge's token's units. */
export type TokenBridgeBucket = { capacity: bigint; refillPerSecond: bigint; available: bigint }

export type TokenBridgeRouteParameters = EndpointQueryParameters & { domain: number }
export type TokenBridgeRouteReturnType = {
  enabled: boolean
  remoteDecimals: number
  /** Handler gas of a transfer's message to the remote bridge. */
  gasLimit: number
  outbound: TokenBridgeBucket
  inbound: TokenBridgeBucket
}
export type TokenBridgeRouteErrorType = EndpointError | FieldOutOfRangeError

type Bucket = { capacity: string; refill_per_second: string; available: string }
type Answer = {
  enabled: boolean
  remote_decimals: number
  gas_limit: number
  outbound: Bucket
  inbound: Bucket
}

const bucket = (b: Bucket): TokenBridgeBucket => ({
  capacity: BigInt(b.capacity),
  refillPerSecond: BigInt(b.refill_per_second),
  available: BigInt(b.available),
})

/**
 * The route to and from `domain` (a disabled, zero route when never set): the remote decimals,
 * the handler gas and both rate limits with what each lets pass now.
 *
 * @example
 * ```ts
 * const { inbound } = await tokenBridgeRoute(executor, { contract: bridge, domain: 31337 })
 * ```
 */
export async function tokenBridgeRoute(
  executor: CosmWasmExecutor,
  parameters: TokenBridgeRouteParameters,
): Promise<TokenBridgeRouteReturnType> {
  const answer = await queryEndpoint<Answer>(executor, parameters.contract, {
    route: { domain: toUint(parameters.domain, MAX_U32, 'domain') },
  })
  return {
    enabled: answer.enabled,
    remoteDecimals: answer.remote_decimals,
    gasLimit: answer.gas_limit,
    outbound: bucket(answer.outbound),
    inbound: bucket(answer.inbound),
  }
}

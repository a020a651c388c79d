import type { FieldOutOfRangeError } from '@ferry/protocol'
import type {
  CosmWasmExecutor,
  EndpointExecuteParameters,
  EndpointExecuteReturnType,
} from '../client/types.js'
import type { MissingSenderError } from '../errors/client.js'
import type { EndpointError } from '../errors/endpointError.js'
import { MAX_U8, MAX_U32, MAX_U128, toDecimal, toUint } from '../internal/bytes.js'
import { executeEndpoint } from '../internal/executeEndpoint.js'

/** A rate limit in one direction, in the bridge's token's units. */
export type TokenBridgeLimits = { capacity: bigint; refillPerSecond: bigint }

export type SetTokenBridgeRouteParameters = EndpointExecuteParameters & {
  domain: number
  /** Default true; false closes the route both ways. */
  enabled?: boolean | undefined
  /** The remote token's decimals (at most 36 from this token's). */
  remoteDecimals: number
  /** Handler gas of a transfer's message to the remote bridge. */
  gasLimit: number
  outbound: TokenBridgeLimits
  inbound: TokenBridgeLimits
}
export type SetTokenBridgeRouteReturnType = EndpointExecuteReturnType
export type SetTokenBridgeRouteErrorType = EndpointError | MissingSenderError | FieldOutOfRangeError

const limits = ({ capacity, refillPerSecond }: TokenBridgeLimits, field: string) => ({
  capacity: toDecimal(capacity, MAX_U128, `${field}.capacity`),
  refill_per_second: toDecimal(refillPerSecond, MAX_U128, `${field}.refillPerSecond`),
})

/**
 * Configures the route to `domain` and refills both its buckets (owner only; the peer is the
 * base's `set_peer`). Operators set a route's outbound limit at most the destination's inbound
 * limit, so that the origin refuses first (TOKEN §5).
 *
 * @example
 * ```ts
 * await setTokenBridgeRoute(executor, {
 *   contract: bridge,
 *   domain: 31337,
 *   remoteDecimals: 18,
 *   gasLimit: 200_000,
 *   outbound: { capacity: 1_000_000_000n, refillPerSecond: 10_000n },
 *   inbound: { capacity: 1_000_000_000n, refillPerSecond: 10_000n },
 * })
 * ```
 */
export function setTokenBridgeRoute(
  executor: CosmWasmExecutor,
  parameters: SetTokenBridgeRouteParameters,
): Promise<SetTokenBridgeRouteReturnType> {
  return executeEndpoint(executor, parameters, {
    set_route: {
      domain: toUint(parameters.domain, MAX_U32, 'domain'),
      enabled: parameters.enabled ?? true,
      remote_decimals: toUint(parameters.remoteDecimals, MAX_U8, 'remoteDecimals'),
      gas_limit: toUint(parameters.gasLimit, MAX_U32, 'gasLimit'),
      outbound: limits(parameters.outbound, 'outbound'),
      inbound: limits(parameters.inbound, 'inbound'),
    },
  })
}

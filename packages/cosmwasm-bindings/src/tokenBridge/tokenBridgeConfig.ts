import type { CosmWasmExecutor, EndpointQueryParameters } from '../client/types.js'
import type { EndpointError } from '../errors/endpointError.js'
import { queryEndpoint } from '../internal/executeEndpoint.js'

export type TokenBridgeConfigParameters = EndpointQueryParameters
export type TokenBridgeConfigReturnType = {
  /** `native`: locks the bank denom `denom`; `synthetic`: the bridge is a CW20-compatible token. */
  mode: 'native' | 'synthetic'
  /** The bank denom a native bridge locks; null in synthetic mode. */
  denom: string | null
  decimals: number
  guardian: string | null
  paused: boolean
}
export type TokenBridgeConfigErrorType = EndpointError

/**
 * The bridge's token (mode, denom, decimals), guardian and pause.
 *
 * @example
 * ```ts
 * const { mode, denom, decimals } = await tokenBridgeConfig(executor, { contract: bridge })
 * ```
 */
export function tokenBridgeConfig(
  executor: CosmWasmExecutor,
  parameters: TokenBridgeConfigParameters,
): Promise<TokenBridgeConfigReturnType> {
  return queryEndpoint<TokenBridgeConfigReturnType>(executor, parameters.contract, { config: {} })
}

import type { Hex } from 'viem'
import type { CosmWasmExecutor } from '../client/types.js'
import { setTokenBridgeRoute, type TokenBridgeLimits } from '../tokenBridge/setTokenBridgeRoute.js'

export type ConnectTokenBridgesParameters = {
  /** The local bridge. */
  bridge: string
  /** Its owner, who sets routes and peers. */
  owner: string
  remote: {
    domain: number
    /** The remote bridge as 32 bytes (PROTOCOL §2): `evmAddressToBytes32`, `bech32ToBytes32`. */
    bridge: Hex
    /** The remote token's decimals. */
    decimals: number
  }
  /** Handler gas of a transfer's message; default 200,000. */
  gasLimit?: number | undefined
  /** Default: no practical limit (2^128 − 1, refilled as fast). */
  outbound?: TokenBridgeLimits | undefined
  inbound?: TokenBridgeLimits | undefined
}

const UNLIMITED: TokenBridgeLimits = { capacity: 2n ** 128n - 1n, refillPerSecond: 2n ** 128n - 1n }

/**
 * Opens the route from `bridge` to the bridge on `remote.domain`: its decimals, gas and rate
 * limits (`set_route`), and the peer (`set_peer`). Do it on both chains (EVM: `@ferry/evm-contracts/testing`'s
 * `connectTokenBridges`); the endpoints must be connected too ({@link connectOrigin}).
 *
 * @example
 * ```ts
 * await connectTokenBridges(chain, { bridge, owner, remote: { domain: 31337, bridge: evmAddressToBytes32(evmBridge), decimals: 18 } })
 * ```
 */
export async function connectTokenBridges(
  executor: CosmWasmExecutor,
  {
    bridge,
    owner,
    remote,
    gasLimit = 200_000,
    outbound = UNLIMITED,
    inbound = UNLIMITED,
  }: ConnectTokenBridgesParameters,
): Promise<void> {
  await setTokenBridgeRoute(executor, {
    contract: bridge,
    sender: owner,
    domain: remote.domain,
    remoteDecimals: remote.decimals,
    gasLimit,
    outbound,
    inbound,
  })
  await executor.execute(owner, bridge, {
    set_peer: { domain: remote.domain, peer: remote.bridge },
  })
}

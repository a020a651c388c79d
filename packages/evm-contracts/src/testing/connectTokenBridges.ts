import { evmAddressToBytes32 } from '@ferry/protocol'
import { type Address, type Hex, size } from 'viem'
import { collateralTokenBridgeAbi } from '../generated/collateralTokenBridge.js'
import { accountOf, type FerryChainClients, write } from './internal/transactions.js'

/** Outbound and inbound limits of a route, in the local token's units. */
export type TokenBridgeLimits = {
  capacity: bigint
  refillPerSecond: bigint
}

export type ConnectTokenBridgesParameters = {
  /** The local bridge (either kind; the wallet's account owns it). */
  bridge: Address
  remote: {
    domain: number
    /** The remote bridge: an EVM address, or bytes32 for any chain's (`bech32ToBytes32`). */
    bridge: Hex
    /** The remote token's decimals. */
    decimals: number
  }
  /** Handler gas of a transfer's message; default 200,000. */
  gasLimit?: number
  /** Default: no practical limit (2^128 − 1, refilled as fast). */
  outbound?: TokenBridgeLimits
  inbound?: TokenBridgeLimits
}

const UNLIMITED: TokenBridgeLimits = { capacity: 2n ** 128n - 1n, refillPerSecond: 2n ** 128n - 1n }

/**
 * Opens the route from `bridge` to the bridge on `remote.domain`: its decimals, gas and rate
 * limits (`setRoute`), and the peer. Do it on both chains (the endpoints must be connected too:
 * `connectEndpoints`). Throws `SetupRevertedError` when a transaction reverts.
 *
 * @example
 * await connectTokenBridges(chainA, { bridge: a.bridge, remote: { domain: 31338, bridge: b.bridge, decimals: 18 } })
 */
export async function connectTokenBridges(
  chain: FerryChainClients,
  {
    bridge,
    remote,
    gasLimit = 200_000,
    outbound = UNLIMITED,
    inbound = UNLIMITED,
  }: ConnectTokenBridgesParameters,
): Promise<void> {
  const { wallet } = chain
  const account = accountOf(wallet)
  const peer = size(remote.bridge) === 20 ? evmAddressToBytes32(remote.bridge) : remote.bridge
  // Both kinds share TokenBridge's configuration functions.
  await write(chain, () =>
    wallet.writeContract({
      address: bridge,
      abi: collateralTokenBridgeAbi,
      functionName: 'setRoute',
      args: [
        remote.domain,
        { enabled: true, remoteDecimals: remote.decimals, gasLimit },
        outbound.capacity,
        outbound.refillPerSecond,
        inbound.capacity,
        inbound.refillPerSecond,
      ],
      account,
      chain: wallet.chain,
    }),
  )
  await write(chain, () =>
    wallet.writeContract({
      address: bridge,
      abi: collateralTokenBridgeAbi,
      functionName: 'setPeer',
      args: [remote.domain, peer],
      account,
      chain: wallet.chain,
    }),
  )
}

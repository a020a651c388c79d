import type { FeeConfig } from '@ferry/cosmwasm-bindings'
import {
  connectInterchainAccounts as connectCosmWasmRouters,
  connectOrigin,
  setFeeConfigs,
} from '@ferry/cosmwasm-bindings/testing'
import { hashedTimelockAbi } from '@ferry/evm-contracts'
import {
  type ConnectEndpointsParameters,
  connectEndpoints,
  connectInterchainAccounts as connectEvmRouters,
  connectGateways,
  connectTokenBridges,
  SetupRevertedError,
} from '@ferry/evm-contracts/testing'
import { addressToBytes32 } from '@ferry/protocol'
import type { Address, Hex } from 'viem'
import { TEST_COSMWASM_ACCOUNTS } from '../keys/testAccounts.js'
import type { TestChain } from './startTestChain.js'
import { testChainEndpoint } from './testChainEndpoint.js'

/** What every EVM endpoint charges (PROTOCOL §9); `connectEndpoints`' defaults where absent. */
export type EvmTestFees = NonNullable<ConnectEndpointsParameters['fee']>

/** What every CosmWasm endpoint charges (PROTOCOL §9), in its denom. */
export type CosmWasmTestFees = FeeConfig

export type ConnectChainParameters = {
  /** The validators of each origin domain (Ethereum addresses, any order). */
  validators: (domain: number) => readonly Address[]
  /** How many of an origin's validators must sign. */
  threshold: number
  fees?: { evm?: EvmTestFees | undefined; cosmwasm?: CosmWasmTestFees | undefined } | undefined
}

/**
 * The fees of messages from a CosmWasm test chain, per unit of gas, in its denom: a base fee,
 * so that a message's fee is never zero, and handler limits up to what an EVM delivery can give
 * one handler under EIP-7825's 2^24 (PROTOCOL §4).
 */
const COSMWASM_FEES: CosmWasmTestFees = {
  baseFee: 1_000n,
  gasPrice: 1n,
  rate: 10n ** 18n,
  gasOverhead: 50_000,
  gasPerByte: 16,
  maxGasLimit: 15_000_000,
}

/**
 * Connects `local` to each of `remotes`, one way: `local`'s endpoint accepts messages from each
 * (trusting its `validators`, `threshold` of which must sign) and quotes fees to each and back
 * to itself (for acks). Any kinds: an EVM endpoint through `connectEndpoints`, a CosmWasm one
 * through `connectOrigin` and `setFeeConfigs`. Where both chains deployed interchain accounts,
 * `local`'s router takes the remote's as its peer; where two EVM chains deployed gateways, they
 * map each other's domain and peer; where both deployed HTLCs, `local`'s names the remote's as
 * its peer; where one deployed a collateral token bridge and the other a
 * synthetic one, the route between them opens. Every transaction is checked: one that
 * reverts fails the call. `connectChains` connects every pair both ways.
 *
 * @example
 * await connectChain(wasm, [evmA, evmB], { validators, threshold: 2 })
 */
export async function connectChain(
  local: TestChain,
  remotes: readonly TestChain[],
  { validators, threshold, fees = {} }: ConnectChainParameters,
): Promise<void> {
  if (local.kind === 'evm') {
    for (const remote of remotes)
      await connectEndpoints(local, {
        local,
        remote: { domain: remote.domain, endpoint: testChainEndpoint(remote) },
        validators: validators(remote.domain),
        threshold,
        ...(fees.evm !== undefined && { fee: fees.evm }),
      })
    const router = local.apps.interchainAccounts?.router
    for (const remote of remotes) {
      const peer = routerOf(remote)
      if (router !== undefined && peer !== undefined)
        await connectEvmRouters(local, { router, remote: { domain: remote.domain, router: peer } })
    }
    const gateway = local.apps.gateway
    for (const remote of remotes)
      if (gateway !== undefined && remote.kind === 'evm' && remote.apps.gateway !== undefined)
        await connectGateways(local, {
          gateway,
          remote: { domain: remote.domain, gateway: remote.apps.gateway },
        })
    const bridge = local.apps.tokenBridge
    for (const remote of remotes) {
      const peer = remote.kind === 'evm' ? remote.apps.tokenBridge : undefined
      // A route joins a lock to a mint: two mint bridges would have no collateral to release.
      if (bridge !== undefined && peer !== undefined && bridge.kind !== peer.kind)
        await connectTokenBridges(local, {
          bridge: bridge.bridge,
          remote: { domain: remote.domain, bridge: peer.bridge, decimals: peer.decimals },
        })
    }
    const htlc = local.apps.htlc
    for (const remote of remotes) {
      const peer = htlcOf(remote)
      if (htlc === undefined || peer === undefined) continue
      const hash = await local.wallet.writeContract({
        address: htlc,
        abi: hashedTimelockAbi,
        functionName: 'setPeer',
        args: [remote.domain, peer],
        account: local.wallet.account ?? null,
        chain: local.wallet.chain,
      })
      const receipt = await local.client.waitForTransactionReceipt({ hash })
      if (receipt.status !== 'success') throw new SetupRevertedError(hash)
    }
    return
  }
  const { owner } = TEST_COSMWASM_ACCOUNTS
  await setFeeConfigs(local.executor, {
    endpoint: local.endpoint,
    feeManager: owner,
    domains: [local.domain, ...remotes.map((remote) => remote.domain)],
    config: fees.cosmwasm ?? COSMWASM_FEES,
  })
  for (const remote of remotes)
    await connectOrigin(local.executor, {
      endpoint: local.endpoint,
      owner,
      origin: remote.domain,
      originEndpoint: testChainEndpoint(remote),
      validators: validators(remote.domain),
      threshold,
    })
  const router = local.apps.interchainAccounts?.router
  for (const remote of remotes) {
    const peer = routerOf(remote)
    if (router !== undefined && peer !== undefined)
      await connectCosmWasmRouters(local.executor, {
        router,
        owner,
        remote: { domain: remote.domain, router: peer },
      })
  }
  const htlc = local.apps.htlc
  for (const remote of remotes) {
    const peer = htlcOf(remote)
    if (htlc !== undefined && peer !== undefined)
      await local.executor.execute(owner, htlc, { set_peer: { domain: remote.domain, peer } })
  }
}

/** A chain's interchain-account router as 32 bytes (PROTOCOL §2), when it deployed one. */
function routerOf(chain: TestChain): Hex | undefined {
  const router = chain.apps.interchainAccounts?.router
  return router === undefined ? undefined : addressToBytes32(router)
}

/** A chain's HTLC as 32 bytes (PROTOCOL §2), when it deployed one. */
function htlcOf(chain: TestChain): Hex | undefined {
  const htlc = chain.apps.htlc
  return htlc === undefined ? undefined : addressToBytes32(htlc)
}

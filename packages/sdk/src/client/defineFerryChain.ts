import type { CosmWasmExecutor } from '@ferry/cosmwasm-bindings'
import type { Address, PublicClient, WalletClient } from 'viem'
import type { CosmWasmReadSource } from '../chains/cosmwasm/source.js'

/** What every Ferry chain has, whatever its kind. */
type FerryChainCommon = {
  /** A short name for logs, errors and the explorer (`'base'`, `'osmosis'`); unique in a client. */
  name: string
  /** The chain's Ferry domain (PROTOCOL §1). */
  domain: number
}

/**
 * An EVM chain with a Ferry endpoint, read through a viem public client (its own, or one over
 * `rpcUrls` with failover) and written with a viem wallet client when an action sends.
 */
export type FerryEvmChain = FerryChainCommon & {
  kind: 'evm'
  /** The Ferry endpoint contract. */
  endpoint: Address
  /** Block the endpoint was deployed at: where self-relay starts rebuilding its tree. Default 0. */
  deploymentBlock?: bigint | undefined
  /** The wallet `send`, `addFee`, `retryMessage`, `timeoutMessage` and `relayMessage` sign with. */
  walletClient?: WalletClient | undefined
  /** The interchain-account router (`callRemote`, `readRemote`, `getInterchainAccount`). */
  interchainAccountRouter?: Address | undefined
  /** The token bridge transfers use when given no `bridge` (`quoteTransfer`, `transferToken`). */
  tokenBridge?: Address | undefined
  /** The hash time-locked contract, `HashedTimelock` (`lockSwap`, `claimSwap`, `refundSwap`). */
  htlc?: Address | undefined
} & (
    | {
        /** JSON-RPC URLs, preferred first. */
        rpcUrls: readonly string[]
        publicClient?: undefined
      }
    | {
        /** A viem public client of your own (a browser wallet's transport, a test client). */
        publicClient: PublicClient
        rpcUrls?: undefined
      }
  )

/**
 * A CosmWasm chain with a Ferry endpoint, read over its nodes' CometBFT RPC (or a source of your
 * own, such as the embedded VM in tests) and written through a `CosmWasmExecutor`
 * (`fromSigningClient(signingCosmWasmClient, address)` from `@ferry/cosmwasm-bindings`).
 */
export type FerryCosmWasmChain = FerryChainCommon & {
  kind: 'cosmwasm'
  /** The Ferry endpoint contract, bech32. */
  endpoint: string
  /** The chain's address prefix (`wasm`, `osmo`): recipients on it are bech32 with it. */
  bech32Prefix: string
  /** The Cosmos chain id the nodes must serve; default: whatever they serve. */
  chainId?: string | undefined
  /** Height the endpoint was instantiated at: where self-relay starts. Default 1. */
  deploymentHeight?: bigint | undefined
  /** What write actions execute through, as its `sender` unless an action names another. */
  executor?: CosmWasmExecutor | undefined
  /** The interchain-account router, bech32 (`callRemote`, `readRemote`, `getInterchainAccount`). */
  interchainAccountRouter?: string | undefined
  /** The token bridge, bech32, transfers use when given no `bridge` (`quoteTransfer`, `transferToken`). */
  tokenBridge?: string | undefined
  /** The HTLC, bech32 (`lockSwap`, `claimSwap`, `refundSwap`). */
  htlc?: string | undefined
} & (
    | {
        /** CometBFT RPC URLs, preferred first. */
        rpcUrls: readonly string[]
        source?: undefined
      }
    | {
        /** A read source of your own (`createCosmWasmEmbeddedSource({ chain })` in tests). */
        source: CosmWasmReadSource
        rpcUrls?: undefined
      }
  )

/** A chain a Ferry client works with: EVM or CosmWasm, told apart by `kind`. */
export type FerryChain = FerryEvmChain | FerryCosmWasmChain

/**
 * Declares a chain for `createFerryClient`, checked by its `kind`: an EVM chain takes viem
 * clients and a 20-byte endpoint, a CosmWasm chain a bech32 endpoint, its prefix and a cosmjs
 * executor; pairing one kind with the other's client does not compile. Returns the chain as
 * given, with its literal types kept (`name`, `domain`), so actions can name chains by either.
 *
 * @example
 * const base = defineFerryChain({
 *   kind: 'evm',
 *   name: 'base',
 *   domain: 8453,
 *   endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
 *   rpcUrls: ['https://mainnet.base.org'],
 * })
 */
export function defineFerryChain<const chain extends FerryChain>(chain: chain): chain {
  return chain
}

import { createEmbeddedChain, type EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { deployEndpoint, instantiateTestRecipient } from '@ferry/cosmwasm-bindings/testing'
import {
  DEVNET_COSMWASM_DENOM,
  DEVNET_COSMWASM_OWNER,
  DEVNET_COSMWASM_USER,
} from './devnetAccounts.js'

/** The devnet's CosmWasm chain: the embedded VM, in this process, with Ferry and test apps. */
export type CosmWasmDevnetChain = {
  kind: 'cosmwasm'
  name: string
  domain: number
  chain: EmbeddedChain
  /** The endpoint, bech32. */
  endpoint: string
  apps: { testRecipient: string }
  /** Stops the block ticker. */
  stop(): void
}

/**
 * Starts the embedded CosmWasm chain (a real CosmWasm VM running the compiled endpoint wasm),
 * deploys the endpoint and a test recipient, and opens a block every `blockTimeMs` so its head
 * and block time move as a real chain's do.
 *
 * @example
 * const wasm = await startCosmWasmDevnetChain({ name: 'wasm', domain: 7001, blockTimeMs: 500 })
 */
export async function startCosmWasmDevnetChain({
  name,
  domain,
  blockTimeMs,
}: {
  name: string
  domain: number
  blockTimeMs: number
}): Promise<CosmWasmDevnetChain> {
  const chain = createEmbeddedChain({
    chainId: `ferry-devnet-${domain}`,
    bech32Prefix: 'wasm',
    accounts: {
      [DEVNET_COSMWASM_USER]: [{ denom: DEVNET_COSMWASM_DENOM, amount: (10n ** 18n).toString() }],
    },
  })
  const endpoint = await deployEndpoint(chain, {
    domain,
    owner: DEVNET_COSMWASM_OWNER,
    denom: DEVNET_COSMWASM_DENOM,
  })
  const testRecipient = await instantiateTestRecipient(chain, { sender: DEVNET_COSMWASM_OWNER })
  const ticker = setInterval(() => chain.advance({ blocks: 1 }), blockTimeMs)
  return {
    kind: 'cosmwasm',
    name,
    domain,
    chain,
    endpoint,
    apps: { testRecipient },
    stop: () => clearInterval(ticker),
  }
}

import { createEmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import {
  DEVNET_COSMWASM_BECH32_PREFIX,
  DEVNET_COSMWASM_DENOM,
  DEVNET_COSMWASM_USER,
} from './devnetAccounts.js'
import type { CosmWasmDevnetNode } from './startCosmWasmDevnetChain.js'

/**
 * The embedded CosmWasm chain for the devnet, in this process: the user funded (the embedded
 * chain charges no gas, so no one else needs funds), and a block opened every `blockTimeMs` so
 * that its head and block time move as a real chain's do.
 *
 * @example
 * const { deployer, stop } = startEmbeddedDevnetNode({ chainId: 'ferry-devnet-7001', blockTimeMs: 500 })
 */
export function startEmbeddedDevnetNode({
  chainId,
  blockTimeMs,
}: {
  chainId: string
  blockTimeMs: number
}): CosmWasmDevnetNode {
  const chain = createEmbeddedChain({
    chainId,
    bech32Prefix: DEVNET_COSMWASM_BECH32_PREFIX,
    accounts: {
      [DEVNET_COSMWASM_USER]: [{ denom: DEVNET_COSMWASM_DENOM, amount: (10n ** 18n).toString() }],
    },
  })
  const ticker = setInterval(() => chain.advance({ blocks: 1 }), blockTimeMs)
  return {
    location: { type: 'embedded', chain },
    deployer: chain,
    stop: async () => clearInterval(ticker),
  }
}

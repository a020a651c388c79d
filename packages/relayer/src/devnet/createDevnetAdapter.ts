import type { Logger } from 'pino'
import { generatePrivateKey } from 'viem/accounts'
import { createCosmWasmChain } from '../chains/cosmwasm/createCosmWasmChain.js'
import { createEvmChain } from '../chains/evm/createEvmChain.js'
import type { ChainAdapter, TransactionJournal } from '../chains/types.js'
import type { DevnetChain } from './connectDevnetChains.js'
import {
  DEVNET_COSMWASM_BECH32_PREFIX,
  DEVNET_COSMWASM_MNEMONIC,
  DEVNET_COSMWASM_RELAYER,
  DEVNET_RELAYER_KEY,
} from './devnetAccounts.js'

export type DevnetAdapter = {
  adapter: ChainAdapter
  /** Releases the adapter's connections. */
  close(): void
}

/**
 * The chain adapter of one devnet chain for the relayer (`relaying`, signing with the devnet
 * relayer's keys) or a validator (which only reads, so it gets a throwaway key, never the
 * relayer's or the validator's own): over the EVM node's RPC, the embedded chain, or the wasmd
 * node's CometBFT RPC.
 *
 * @example
 * const { adapter, close } = await createDevnetAdapter({ chain, journal: store, relaying: true, logger })
 */
export async function createDevnetAdapter({
  chain,
  journal,
  relaying,
  logger,
}: {
  chain: DevnetChain
  journal: TransactionJournal
  relaying: boolean
  logger: Logger
}): Promise<DevnetAdapter> {
  const log = logger.child({ module: 'chain', chain: chain.name })
  const throwaway = generatePrivateKey()
  if (chain.kind === 'evm')
    return {
      adapter: createEvmChain({
        domain: chain.domain,
        rpcUrls: [chain.rpcUrl],
        endpoint: chain.endpoint,
        privateKey: relaying ? DEVNET_RELAYER_KEY : throwaway,
        journal,
        gas: { maxFeePerGas: 10n ** 12n, bumpPercent: 15, stuckAfterMs: 10_000 },
        pollingIntervalMs: 100,
        logger: log,
      }),
      close: () => {},
    }
  const { node } = chain
  const adapter = await createCosmWasmChain({
    domain: chain.domain,
    endpoint: chain.endpoint,
    source:
      node.type === 'embedded'
        ? { type: 'embedded', chain: node.chain, sender: DEVNET_COSMWASM_RELAYER }
        : {
            type: 'rpc',
            rpcUrls: [node.rpcUrl],
            signer: relaying ? DEVNET_COSMWASM_MNEMONIC : throwaway,
            bech32Prefix: DEVNET_COSMWASM_BECH32_PREFIX,
            gasPrice: node.gasPrice,
            chainId: chain.chainId,
            // Blocks come every blockTimeMs (500 ms by default): look for inclusion sooner.
            broadcastPollIntervalMs: 100,
          },
    logger: log,
  })
  return { adapter, close: () => adapter.close() }
}

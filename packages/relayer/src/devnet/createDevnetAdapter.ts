import type { Logger } from 'pino'
import { connectCosmWasmChain } from '../chains/cosmwasm/connectCosmWasmChain.js'
import { createEvmChainSubmitter } from '../chains/evm/createEvmChainSubmitter.js'
import type { ChainSubmitter, TransactionJournal } from '../chains/types.js'
import type { DevnetChain } from './connectDevnetChains.js'
import { createDevnetReader } from './createDevnetReader.js'
import {
  DEVNET_COSMWASM_BECH32_PREFIX,
  DEVNET_COSMWASM_MNEMONIC,
  DEVNET_COSMWASM_RELAYER,
  DEVNET_RELAYER_KEY,
} from './devnetAccounts.js'

export type DevnetAdapter = {
  adapter: ChainSubmitter
  /** Releases the adapter's connections. */
  close(): void
}

/**
 * The relayer's submitter on one devnet chain, signing with the devnet relayer's keys: over the
 * EVM node's RPC, the embedded chain, or the wasmd node's CometBFT RPC.
 *
 * @example
 * const { adapter, close } = await createDevnetAdapter({ chain, journal: store, logger })
 */
export async function createDevnetAdapter({
  chain,
  journal,
  logger,
}: {
  chain: DevnetChain
  journal: TransactionJournal
  logger: Logger
}): Promise<DevnetAdapter> {
  const log = logger.child({ module: 'chain', chain: chain.name })
  if (chain.kind === 'evm') {
    const { reader } = createDevnetReader({ chain, logger })
    if (reader.kind !== 'evm') throw new Error(`${chain.name}: its reader is not EVM`)
    return {
      adapter: createEvmChainSubmitter({
        reader,
        privateKey: DEVNET_RELAYER_KEY,
        journal,
        gas: { maxFeePerGas: 10n ** 12n, bumpPercent: 15, stuckAfterMs: 10_000 },
        logger: log,
      }),
      close: () => {},
    }
  }
  const { node } = chain
  const adapter = await connectCosmWasmChain({
    domain: chain.domain,
    endpoint: chain.endpoint,
    source:
      node.type === 'embedded'
        ? { type: 'embedded', chain: node.chain, sender: DEVNET_COSMWASM_RELAYER }
        : {
            type: 'rpc',
            rpcUrls: [node.rpcUrl],
            signer: DEVNET_COSMWASM_MNEMONIC,
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

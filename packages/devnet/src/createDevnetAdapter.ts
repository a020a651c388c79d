import {
  type ChainAdapter,
  createCosmWasmChain,
  createEvmChain,
  type TransactionJournal,
} from '@ferry/relayer'
import {
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_MNEMONIC,
  TEST_RELAYER_KEYS,
  type TestChain,
} from '@ferry/testkit'
import type { Logger } from 'pino'
import { generatePrivateKey } from 'viem/accounts'

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
  chain: TestChain
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
        privateKey: relaying ? TEST_RELAYER_KEYS[0] : throwaway,
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
        ? { type: 'embedded', chain: node.chain, sender: TEST_COSMWASM_ACCOUNTS.relayer }
        : {
            type: 'rpc',
            rpcUrls: [node.rpcUrl],
            signer: relaying ? TEST_COSMWASM_MNEMONIC : throwaway,
            bech32Prefix: TEST_COSMWASM_BECH32_PREFIX,
            gasPrice: node.gasPrice,
            chainId: chain.chainId,
            // Blocks come every blockTimeMs (500 ms by default): look for inclusion sooner.
            broadcastPollIntervalMs: 100,
          },
    logger: log,
  })
  return { adapter, close: () => adapter.close() }
}

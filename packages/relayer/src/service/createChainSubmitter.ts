import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { createCosmWasmChainReader } from '@ferry/sdk/cosmwasm'
import type { Logger } from 'pino'
import { createCosmWasmChainSubmitter } from '../chains/cosmwasm/createCosmWasmChainSubmitter.js'
import { createCosmWasmEmbeddedWriter } from '../chains/cosmwasm/createCosmWasmEmbeddedWriter.js'
import { createCosmWasmRpcWriter } from '../chains/cosmwasm/createCosmWasmRpcWriter.js'
import { createSigner } from '../chains/cosmwasm/createSigner.js'
import { createEvmChainSubmitter } from '../chains/evm/createEvmChainSubmitter.js'
import type { ChainSubmitter, TransactionJournal } from '../chains/types.js'
import { resolveSigner } from '../config/resolveSigner.js'
import type { ChainConfig } from '../config/schema.js'
import { createChainReader } from './createChainReader.js'
import { createCosmWasmSource } from './createCosmWasmSource.js'

/** Gas cap when the config sets none: no practical limit. */
const UNCAPPED = 2n ** 255n

export type CreateChainSubmitterParameters = {
  chain: ChainConfig
  /** Index of `chain` in the config's `chains`, for errors naming the field. */
  index: number
  journal: TransactionJournal
  env: Readonly<Record<string, string | undefined>>
  configFile?: string | undefined
  /** Chains embedded in this process, by chain id, for `embedded://` entries. */
  embeddedChains?: ReadonlyMap<string, EmbeddedChain> | undefined
  logger: Logger
}

/**
 * The relayer's submitter a config entry describes: its reader (`createChainReader`) wrapped
 * with the entry's key, read here (not at config load) from the signer's environment variable
 * or file, and for EVM the journal and gas policy. On an embedded chain (which checks no
 * signatures) the relayer writes as the key's first account.
 *
 * @example
 * const submitter = await createChainSubmitter({ chain: config.chains[0], index: 0, journal: store, env, logger })
 */
export async function createChainSubmitter({
  chain,
  index,
  journal,
  env,
  configFile,
  embeddedChains,
  logger,
}: CreateChainSubmitterParameters): Promise<ChainSubmitter> {
  const field = `chains[${index}].signer`
  if (!chain.signer) throw new Error(`${field} is required`) // the schema already requires it for relayers
  const secret = resolveSigner(chain.signer, env, { field, configFile })
  const key = secret.type === 'privateKey' ? secret.privateKey : secret.mnemonic
  const log = logger.child({ module: 'chain', chain: chain.name })
  if (chain.kind === 'evm') {
    const reader = createChainReader({ chain, index, logger })
    if (reader.kind !== 'evm') throw new Error(`chains[${index}]: its reader is not EVM`)
    return createEvmChainSubmitter({
      reader,
      // CAST: an EVM signer accepts only private keys (the schema's `signer(['privateKey'])`)
      privateKey: key as `0x${string}`,
      journal,
      gas: {
        maxFeePerGas: chain.gas.maxFeePerGas ?? UNCAPPED,
        bumpPercent: chain.gas.bumpPercent,
        stuckAfterMs: chain.gas.stuckAfterMs,
        limit: chain.gas.limit,
        estimateMultiplier: chain.gas.estimateMultiplier,
        ...(chain.gas.maxPriorityFeePerGas === undefined
          ? {}
          : { maxPriorityFeePerGas: chain.gas.maxPriorityFeePerGas }),
      },
      logger: log,
    })
  }
  // The writer sends through the reader's own source: one set of connections per chain.
  const cosmwasmLog = log.child({ module: 'cosmwasm', domain: chain.domain })
  const configured = createCosmWasmSource({ chain, index, embeddedChains, logger: cosmwasmLog })
  const reader = createCosmWasmChainReader({
    domain: chain.domain,
    endpoint: chain.endpoint,
    source: configured.source,
    logger: cosmwasmLog,
  })
  const signer = await createSigner(key, chain.bech32Prefix)
  const writer =
    configured.type === 'embedded'
      ? createCosmWasmEmbeddedWriter({
          chain: configured.chain,
          sender: (await signer.getAccounts())[0]?.address ?? '',
          endpoint: chain.endpoint,
        })
      : await createCosmWasmRpcWriter({
          domain: chain.domain,
          source: configured.source,
          signer,
          gasPrice: chain.gasPrice,
        })
  return createCosmWasmChainSubmitter({ reader, writer, logger: cosmwasmLog })
}

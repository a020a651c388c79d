import type { Logger } from 'pino'
import { generatePrivateKey } from 'viem/accounts'
import { createCosmWasmChain } from '../chains/cosmwasm/createCosmWasmChain.js'
import { createEvmChain } from '../chains/evm/createEvmChain.js'
import type { ChainAdapter, TransactionJournal } from '../chains/types.js'
import { resolveSigner } from '../config/resolveSigner.js'
import type { ChainConfig } from '../config/schema.js'

/** Gas cap when the config sets none: no practical limit. */
const UNCAPPED = 2n ** 255n

export type CreateChainAdapterParameters = {
  chain: ChainConfig
  /** Index of `chain` in the config's `chains`, for errors naming the field. */
  index: number
  journal: TransactionJournal
  env: Readonly<Record<string, string | undefined>>
  /**
   * Whether the adapter will submit transactions. A read-only adapter (a validator's) is given a
   * throwaway key: it never signs with it, and the validator's own key never reaches an adapter.
   */
  submits: boolean
  configFile?: string | undefined
  logger: Logger
}

/**
 * The chain adapter a config entry describes: EVM over viem, or CosmWasm over CometBFT RPC. Keys
 * are read here (not at config load) from the signer's environment variable or file.
 *
 * @example
 * const adapter = await createChainAdapter({ chain: config.chains[0], index: 0, journal: store, env, submits: true, logger })
 */
export async function createChainAdapter({
  chain,
  index,
  journal,
  env,
  submits,
  configFile,
  logger,
}: CreateChainAdapterParameters): Promise<ChainAdapter> {
  const field = `chains[${index}].signer`
  const key = (): string => {
    if (!submits) return generatePrivateKey()
    if (!chain.signer) throw new Error(`${field} is required`) // the schema already requires it for relayers
    const secret = resolveSigner(chain.signer, env, { field, configFile })
    return secret.type === 'privateKey' ? secret.privateKey : secret.mnemonic
  }
  const log = logger.child({ module: 'chain', chain: chain.name })
  if (chain.kind === 'evm') {
    return createEvmChain({
      domain: chain.domain,
      rpcUrls: chain.rpcUrls,
      endpoint: chain.endpoint,
      // CAST: an EVM signer accepts only private keys (the schema's `signer(['privateKey'])`)
      privateKey: key() as `0x${string}`,
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
      pollingIntervalMs: Math.min(1_000, chain.pollIntervalMs),
      ...(chain.maxBlockSpan === undefined ? {} : { logBlockSpan: BigInt(chain.maxBlockSpan) }),
    })
  }
  return createCosmWasmChain({
    domain: chain.domain,
    endpoint: chain.endpoint,
    source: {
      type: 'rpc',
      rpcUrls: chain.rpcUrls,
      signer: key(),
      bech32Prefix: chain.bech32Prefix,
      gasPrice: chain.gasPrice,
      chainId: chain.chainId,
    },
    logger: log,
  })
}

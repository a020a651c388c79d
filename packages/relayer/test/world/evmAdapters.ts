// Chain readers and submitters over an EvmWorld's chains, as the CLI builds them from a config.
import { createEvmChainReader, type EvmChainReader } from '@ferry/sdk'
import type { Hex } from 'viem'
import {
  createEvmChainSubmitter,
  type EvmChainSubmitter,
} from '../../src/chains/evm/createEvmChainSubmitter.ts'
import type { EvmGasPolicy } from '../../src/chains/evm/feeStrategy.ts'
import type { TransactionJournal } from '../../src/chains/types.ts'
import { type AgentChain, testLogger } from './agents.ts'
import { type EvmChain, RELAYER_KEYS } from './evmWorld.ts'

export const TEST_GAS = { maxFeePerGas: 10n ** 12n, bumpPercent: 15, stuckAfterMs: 10_000 }

export type EvmAdapterOptions = {
  /** Overrides of TEST_GAS. */
  gas?: Partial<EvmGasPolicy> | undefined
  /** Default 2 s. */
  requestTimeoutMs?: number | undefined
}

/**
 * A keyless reader of `chain` over `rpcUrls` (what validators get).
 *
 * @example
 * const reader = evmReader(world.chains[0])
 */
export function evmReader(
  chain: EvmChain,
  rpcUrls: readonly string[] = [chain.rpcUrl],
  { requestTimeoutMs = 2_000 }: Pick<EvmAdapterOptions, 'requestTimeoutMs'> = {},
): EvmChainReader {
  return createEvmChainReader({
    domain: chain.domain,
    rpcUrls,
    endpoint: chain.endpoint,
    logger: testLogger,
    pollingIntervalMs: 50,
    requestTimeoutMs,
  })
}

/**
 * A submitter for `chain` signing with `privateKey`, over a reader of `rpcUrls`.
 *
 * @example
 * const adapter = evmAdapter(world.chains[0], store, RELAYER_KEYS[0])
 */
export function evmAdapter(
  chain: EvmChain,
  journal: TransactionJournal,
  privateKey: Hex,
  rpcUrls: readonly string[] = [chain.rpcUrl],
  { gas, requestTimeoutMs = 2_000 }: EvmAdapterOptions = {},
): EvmChainSubmitter {
  return createEvmChainSubmitter({
    reader: evmReader(chain, rpcUrls, { requestTimeoutMs }),
    privateKey,
    journal,
    gas: { ...TEST_GAS, ...gas },
    logger: testLogger,
  })
}

/**
 * `chain` for `startAgents`: validators on keyless readers, the relayer on RELAYER_KEYS[0], each
 * over the node's own URL.
 *
 * @example
 * const agents = await startAgents({ chains: world.chains.map((c) => evmAgentChain(c, 2)), store, validatorStore })
 */
export const evmAgentChain = (chain: EvmChain, confirmations: number): AgentChain => ({
  domain: chain.domain,
  finality: { confirmations },
  validatorReader: () => evmReader(chain),
  relayerAdapter: (journal) => evmAdapter(chain, journal, RELAYER_KEYS[0]),
})

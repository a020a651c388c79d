// Chain adapters over an EvmWorld's chains, as the CLI builds them from a config.
import type { Hex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { createEvmChain, type EvmChainAdapter } from '../../src/chains/evm/createEvmChain.ts'
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
 * An adapter for `chain` signing with `privateKey` (a throwaway key when absent: read-only use).
 *
 * @example
 * const adapter = evmAdapter(world.chains[0], store, RELAYER_KEYS[0])
 */
export function evmAdapter(
  chain: EvmChain,
  journal: TransactionJournal,
  privateKey: Hex = generatePrivateKey(),
  rpcUrls: readonly string[] = [chain.rpcUrl],
  { gas, requestTimeoutMs = 2_000 }: EvmAdapterOptions = {},
): EvmChainAdapter {
  return createEvmChain({
    domain: chain.domain,
    rpcUrls,
    endpoint: chain.endpoint,
    privateKey,
    journal,
    gas: { ...TEST_GAS, ...gas },
    logger: testLogger,
    pollingIntervalMs: 50,
    requestTimeoutMs,
  })
}

/**
 * `chain` for `startAgents`: validators on throwaway keys, the relayer on RELAYER_KEYS[0], each
 * over the node's own URL.
 *
 * @example
 * const agents = await startAgents({ chains: world.chains.map((c) => evmAgentChain(c, 2)), store, validatorStore })
 */
export const evmAgentChain = (chain: EvmChain, confirmations: number): AgentChain => ({
  domain: chain.domain,
  confirmations,
  validatorAdapter: (journal) => evmAdapter(chain, journal),
  relayerAdapter: (journal) => evmAdapter(chain, journal, RELAYER_KEYS[0]),
})

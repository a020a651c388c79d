// Chain adapters over an EvmWorld's chains, as the CLI builds them from a config.
import type { Hex } from 'viem'
import { generatePrivateKey } from 'viem/accounts'
import { createEvmChain, type EvmChainAdapter } from '../../src/chains/evm/createEvmChain.ts'
import type { TransactionJournal } from '../../src/chains/types.ts'
import { testLogger } from './agents.ts'
import type { EvmChain } from './evmWorld.ts'

export const TEST_GAS = { maxFeePerGas: 10n ** 12n, bumpPercent: 15, stuckAfterMs: 10_000 }

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
): EvmChainAdapter {
  return createEvmChain({
    domain: chain.domain,
    rpcUrls,
    endpoint: chain.endpoint,
    privateKey,
    journal,
    gas: TEST_GAS,
    logger: testLogger,
    pollingIntervalMs: 50,
    requestTimeoutMs: 2_000,
  })
}

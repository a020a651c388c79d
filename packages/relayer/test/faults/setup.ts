// What the in-process fault tests share beyond the world's agents and exactly-once
// checks (test/world): agents over chosen RPC URLs with short timeouts, a relayer that retries
// fast, and block production on demand.
import type { Hex } from 'viem'
import type { EvmChainSubmitter } from '../../src/chains/evm/createEvmChainSubmitter.ts'
import type { TransactionJournal } from '../../src/chains/types.ts'
import type { RelayerPolicy } from '../../src/core/relayer/policy.ts'
import { type AgentChain, type StartAgentRelayerParameters, TEST_POLICY } from '../world/agents.ts'
import { type EvmAdapterOptions, evmAdapter, evmReader } from '../world/evmAdapters.ts'
import { type EvmChain, RELAYER_KEYS } from '../world/evmWorld.ts'

/** A relayer retry policy that retries failed sends quickly. */
export const FAST_POLICY: RelayerPolicy = {
  ...TEST_POLICY,
  retry: {
    initialDelayMs: 200,
    maxDelayMs: 1_000,
    factor: 2,
    maxAttempts: 10,
    gasLimitMultiplier: 1,
  },
}

/** The fault tests' relayer: it retries fast, and waits at most a second for a validator. */
export const FAULT_RELAYER = {
  policy: FAST_POLICY,
  validatorTimeoutMs: 1_000,
} satisfies Partial<StartAgentRelayerParameters>

/** A stalled URL costs this long before the next is tried. */
const FAULT_TIMEOUT_MS = 1_500

export type AdapterOptions = EvmAdapterOptions & {
  /** RPC URLs, preferred first; default the node's own. */
  rpcUrls?: readonly string[] | undefined
  /** Signing key; default RELAYER_KEYS[0]. */
  privateKey?: Hex | undefined
}

/**
 * An EVM adapter for `chain` over `rpcUrls`, as the CLI would build it, with a short request
 * timeout (a stalled URL costs 1.5 s).
 *
 * @example
 * const adapter = faultAdapter(a, store, { rpcUrls: [proxy.url, a.rpcUrl], privateKey: RELAYER_KEYS[0] })
 */
export function faultAdapter(
  chain: EvmChain,
  journal: TransactionJournal,
  {
    rpcUrls,
    privateKey = RELAYER_KEYS[0],
    gas,
    requestTimeoutMs = FAULT_TIMEOUT_MS,
  }: AdapterOptions = {},
): EvmChainSubmitter {
  return evmAdapter(chain, journal, privateKey, rpcUrls, { gas, requestTimeoutMs })
}

export type FaultChainOptions = Pick<AgentChain, 'validatorKeys' | 'validatorUrls'> & {
  confirmations: number
  /** RPC URLs of the validators' and the relayer's adapters; default the node's own. */
  rpcUrls?: readonly string[] | undefined
  /** The relayer's adapter options (over `rpcUrls`, signing with RELAYER_KEYS[0] by default). */
  relayer?: AdapterOptions | undefined
}

/**
 * `chain` for `startAgents`, each agent on a {@link faultAdapter} of its own.
 *
 * @example
 * const agents = await startAgents({ ...FAULT_RELAYER, chains: [faultChain(a, { confirmations: 2 })], store, validatorStore })
 */
export function faultChain(
  chain: EvmChain,
  { confirmations, rpcUrls, relayer, ...validators }: FaultChainOptions,
): AgentChain {
  return {
    domain: chain.domain,
    finality: { confirmations },
    validatorReader: () => evmReader(chain, rpcUrls, { requestTimeoutMs: FAULT_TIMEOUT_MS }),
    relayerAdapter: (journal) =>
      faultAdapter(chain, journal, { rpcUrls, privateKey: RELAYER_KEYS[0], ...relayer }),
    ...validators,
  }
}

/** Sets `chain`'s block production: automine, and a block every `intervalMs` (0: none). */
export async function setMining(
  chain: EvmChain,
  { automine, intervalMs }: { automine: boolean; intervalMs: number },
): Promise<void> {
  // CAST (here and in `mine`): Hardhat's own methods are not in viem's RPC schema.
  await chain.client.request({ method: 'evm_setAutomine', params: [automine] } as never)
  await chain.client.request({ method: 'evm_setIntervalMining', params: [intervalMs] } as never)
}

/** Mines `blocks` blocks on `chain` now. */
export async function mine(chain: EvmChain, blocks = 1): Promise<void> {
  await chain.client.request({
    method: 'hardhat_mine',
    params: [`0x${blocks.toString(16)}`],
  } as never)
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

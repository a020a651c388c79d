import type { BlockRef, ChainReader } from '@ferry/sdk'
import type { Logger } from 'pino'
import type { ChainSubmitter } from '../../chains/types.js'
import { type Finality, getFinalBlock } from '../../core/finality/getFinalBlock.js'
import { sleep } from '../../core/runLoop.js'
import type { RelayerStore } from '../../store/types.js'

/** The indexer's cursor stream in the store (`createOriginIndexer`'s `STREAM`). */
const INDEXER_STREAM = 'relayer'

export type MonitoredChain = {
  /** A reader; a submitter's signer balance is polled too. */
  adapter: ChainReader & { getSignerBalance?: ChainSubmitter['getSignerBalance'] | undefined }
  finality: Finality
  /** The config's name for it, shown beside the domain. */
  name?: string | undefined
}

/** What the monitor last learnt about one chain. */
export type ChainHealth = {
  domain: number
  name: string | undefined
  kind: ChainReader['kind']
  endpoint: string
  finality: Finality
  head: BlockRef | undefined
  /** The highest final block under `finality` when the head was read (never above it). */
  finalBlock: bigint | undefined
  signerBalance: bigint | undefined
  /** Last pass that asked it. */
  checkedAt: Date | undefined
  /** Last pass it answered (its head). */
  answeredAt: Date | undefined
  /** Why the last pass failed, if it did. */
  error: string | undefined
}

export type CreateChainMonitorParameters = {
  chains: readonly MonitoredChain[]
  store: RelayerStore
  /** Pause between passes. Default 5000. */
  intervalMs?: number | undefined
  /** Per call. Default 5000. */
  timeoutMs?: number | undefined
  /** A chain is healthy while it answered within this long. Default 3 × interval + timeout. */
  staleAfterMs?: number | undefined
  /** Told each chain's head, lag and balance after each pass (the metrics). */
  onChecked?: ((health: ChainHealth, indexedBlock: bigint | undefined) => void) | undefined
  logger?: Logger | undefined
}

export type ChainMonitor = {
  /** One pass over every chain, concurrently; never throws. */
  check(): Promise<void>
  /** Checks every `intervalMs` until `signal` aborts; resolves once stopped. */
  run(signal: AbortSignal): Promise<void>
  /** What each chain last reported, in the order given. */
  snapshot(): ChainHealth[]
  /** Whether `health` answered recently enough. */
  isHealthy(health: ChainHealth, now?: Date): boolean
}

/**
 * Polls each chain's head, its final block and the relayer signer's balance for `/v1/chains`, `/readyz` and the
 * metrics, apart from the relayer's own loops (so a stuck relayer still shows its chains). Each
 * call has a timeout; a failing chain keeps its last answer and gains an `error`.
 *
 * @example
 * ```ts
 * const monitor = createChainMonitor({ chains, store })
 * const done = monitor.run(signal)
 * monitor.snapshot()[0]?.head?.number
 * ```
 */
export function createChainMonitor({
  chains,
  store,
  intervalMs = 5_000,
  timeoutMs = 5_000,
  staleAfterMs = 3 * intervalMs + timeoutMs,
  onChecked,
  logger,
}: CreateChainMonitorParameters): ChainMonitor {
  const states: ChainHealth[] = chains.map(({ adapter, finality, name }) => ({
    domain: adapter.domain,
    name,
    kind: adapter.kind,
    endpoint: adapter.endpoint,
    finality,
    head: undefined,
    finalBlock: undefined,
    signerBalance: undefined,
    checkedAt: undefined,
    answeredAt: undefined,
    error: undefined,
  }))

  async function checkOne(chain: MonitoredChain, state: ChainHealth): Promise<void> {
    const signal = AbortSignal.timeout(timeoutMs)
    state.checkedAt = new Date()
    const [head, balance, cursor] = await Promise.allSettled([
      getFinalBlock(chain.adapter, chain.finality, signal),
      chain.adapter.getSignerBalance?.(signal),
      store.getCursor(INDEXER_STREAM, chain.adapter.domain),
    ])
    if (head.status === 'fulfilled') {
      state.head = head.value.head
      state.finalBlock = head.value.final < 0n ? 0n : head.value.final
      state.answeredAt = new Date()
    }
    if (balance.status === 'fulfilled') state.signerBalance = balance.value
    const failed = [head, balance].find((result) => result.status === 'rejected')
    state.error = failed ? describe(failed.reason) : undefined
    if (failed) logger?.debug({ err: failed.reason, domain: state.domain }, 'chain check failed')
    onChecked?.(state, cursor.status === 'fulfilled' ? cursor.value?.number : undefined)
  }

  const check = async () => {
    await Promise.all(
      chains.map((chain, i) => (states[i] ? checkOne(chain, states[i]) : undefined)),
    )
  }

  return {
    check,
    async run(signal) {
      while (!signal.aborted) {
        await check()
        await sleep(intervalMs, signal)
      }
    },
    snapshot: () => states.map((state) => ({ ...state })),
    isHealthy: (health, now = new Date()) =>
      health.answeredAt !== undefined &&
      now.getTime() - health.answeredAt.getTime() <= staleAfterMs,
  }
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return 'shortMessage' in error && typeof error.shortMessage === 'string'
      ? error.shortMessage
      : (error.message.split('\n')[0] ?? error.name)
  return String(error)
}

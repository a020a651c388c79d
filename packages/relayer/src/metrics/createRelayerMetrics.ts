import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { EventBus } from '../events/createEventBus.js'
import type { LifecycleEvent } from '../events/types.js'
import type { MessageStage, RelayerStore } from '../store/types.js'

export type CreateRelayerMetricsParameters = {
  /** Read at each scrape: messages by stage, queue depth per route. */
  store: RelayerStore
  /** Lifecycle events feed the latency histogram and the attempt and event counters. */
  bus: EventBus
}

export type RelayerMetrics = {
  /** The registry `/metrics` serves (its own, not prom-client's global one). */
  registry: Registry
  /** Counts a failed chain call (`instrumentChain` calls it). */
  recordRpcError(domain: number, method: string): void
  /** What the chain monitor last saw on `domain`. */
  recordChain(
    domain: number,
    seen: {
      head?: bigint | undefined
      lag?: bigint | undefined
      signerBalance?: bigint | undefined
    },
  ): void
  /** The Prometheus text exposition of every metric. */
  text(): Promise<string>
  /** Stops listening to the bus. */
  close(): void
}

/** Seconds from indexing to a final status: a block or two at best, retries and backoff at worst. */
const LATENCY_BUCKETS = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1_800, 3_600, 21_600]

const STAGES: readonly MessageStage[] = [
  'pending',
  'ready',
  'submitted',
  'failed',
  'done',
  'orphaned',
]

/**
 * The relayer's Prometheus metrics:
 * - `ferry_messages{stage}`: messages in each stage (read from the store at each scrape);
 * - `ferry_queue_depth{origin,destination}`: messages not final yet per route (same);
 * - `ferry_delivery_latency_seconds`: indexed → final status on the destination (histogram);
 * - `ferry_attempts_total{reason}`: attempt-log rows by reason code;
 * - `ferry_lifecycle_events_total{type}`: lifecycle events by type;
 * - `ferry_rpc_errors_total{domain,method}`: chain calls that failed;
 * - `ferry_chain_head{domain}`, `ferry_indexer_lag_blocks{domain}`,
 *   `ferry_signer_balance{domain}` (native base units): from the chain monitor;
 * - `ferry_store_up`: 1 when the last scrape could read the store.
 *
 * @example
 * ```ts
 * const metrics = createRelayerMetrics({ store, bus })
 * const text = await metrics.text()
 * metrics.close()
 * ```
 */
export function createRelayerMetrics({
  store,
  bus,
}: CreateRelayerMetricsParameters): RelayerMetrics {
  const registry = new Registry()
  const storeUp = new Gauge({
    name: 'ferry_store_up',
    help: '1 when the last scrape could read the store, else 0.',
    registers: [registry],
  })
  new Gauge({
    name: 'ferry_messages',
    help: 'Messages in the store by stage.',
    labelNames: ['stage'] as const,
    registers: [registry],
    async collect() {
      try {
        const counts = await store.countByStage()
        for (const stage of STAGES) this.set({ stage }, counts[stage])
        storeUp.set(1)
      } catch {
        // Keep the last values; `ferry_store_up` says they are stale.
        storeUp.set(0)
      }
    },
  })
  new Gauge({
    name: 'ferry_queue_depth',
    help: 'Messages not final yet (pending, ready, submitted, failed) per route.',
    labelNames: ['origin', 'destination'] as const,
    registers: [registry],
    async collect() {
      try {
        const depths = await store.getRouteDepths()
        // A route that emptied has no row: reset so it reads 0, not its last count.
        this.reset()
        for (const { origin, destination, count } of depths)
          this.set({ origin: String(origin), destination: String(destination) }, count)
      } catch {
        storeUp.set(0)
      }
    },
  })
  const latency = new Histogram({
    name: 'ferry_delivery_latency_seconds',
    help: 'Seconds from when the relayer indexed a message to its final status on the destination.',
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  })
  const attempts = new Counter({
    name: 'ferry_attempts_total',
    help: 'Attempt-log entries by reason code.',
    labelNames: ['reason'] as const,
    registers: [registry],
  })
  const events = new Counter({
    name: 'ferry_lifecycle_events_total',
    help: 'Lifecycle events by type.',
    labelNames: ['type'] as const,
    registers: [registry],
  })
  const rpcErrors = new Counter({
    name: 'ferry_rpc_errors_total',
    help: 'Chain calls that failed, by domain and adapter method.',
    labelNames: ['domain', 'method'] as const,
    registers: [registry],
  })
  const head = new Gauge({
    name: 'ferry_chain_head',
    help: 'Latest block the chain monitor saw.',
    labelNames: ['domain'] as const,
    registers: [registry],
  })
  const lag = new Gauge({
    name: 'ferry_indexer_lag_blocks',
    help: "Blocks between the chain's head and the indexer's cursor.",
    labelNames: ['domain'] as const,
    registers: [registry],
  })
  const balance = new Gauge({
    name: 'ferry_signer_balance',
    help: "The relayer signer's balance, in the chain's native base units (a float: approximate).",
    labelNames: ['domain'] as const,
    registers: [registry],
  })

  const unsubscribe = bus.subscribe((event: LifecycleEvent) => {
    events.inc({ type: event.type })
    // `indexed` and `finalized` change a message without writing its attempt log; every other
    // event comes from a write that appended one row with this reason.
    if (event.type !== 'indexed' && event.type !== 'finalized')
      attempts.inc({ reason: event.reason })
    if (event.type === 'delivered' || event.type === 'timed_out') {
      const seconds = (Date.parse(event.at) - Date.parse(event.sentAt)) / 1_000
      if (Number.isFinite(seconds)) latency.observe(Math.max(0, seconds))
    }
  })

  return {
    registry,
    recordRpcError(domain, method) {
      rpcErrors.inc({ domain: String(domain), method })
    },
    recordChain(domain, seen) {
      const labels = { domain: String(domain) }
      if (seen.head !== undefined) head.set(labels, Number(seen.head))
      if (seen.lag !== undefined) lag.set(labels, Number(seen.lag))
      if (seen.signerBalance !== undefined) balance.set(labels, Number(seen.signerBalance))
    },
    text: () => registry.metrics(),
    close: unsubscribe,
  }
}

import type { FerryChain, RecipientAbis } from '@ferry/sdk'
import type { Logger } from 'pino'
import type { EventBus } from '../events/createEventBus.js'
import { createRelayerMetrics, type RelayerMetrics } from '../metrics/createRelayerMetrics.js'
import { listen } from '../service/listen.js'
import type { RelayerStore } from '../store/types.js'
import { createRelayerApi } from './createRelayerApi.js'
import {
  type ChainMonitor,
  createChainMonitor,
  type MonitoredChain,
} from './monitor/createChainMonitor.js'
import { createValidatorProbe, type ProbedValidators } from './monitor/createValidatorProbe.js'
import { createProofSource } from './proofs/createProofSource.js'
import { createSimulationSource } from './simulations/createSimulationSource.js'
import type { ApiApp, RateLimitOptions, RelayerApiOptions } from './types.js'

/** Per-client limits when none are given (`relayer.api.rateLimit`'s defaults). */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { requestsPerSecond: 20, burst: 40 }

export type StartRelayerApiParameters = Omit<RelayerApiOptions, 'rateLimit'> & {
  /** The relayer's store; wrap it with `observeStore(store, bus)` so `bus` hears its writes. */
  store: RelayerStore
  bus: EventBus
  /** The relayer's chains, to monitor (heads, balances) for `/v1/chains` and `/readyz`. */
  chains: readonly MonitoredChain[]
  /** Per origin domain, its validators (as `runRelayer` takes them), for `/v1/validators`. */
  validators: ProbedValidators
  /**
   * The relayer's minimum fee per origin (its `policy.minimumFee`), for what an underpaid
   * message misses. Default none: no detail then says `underpaid`.
   */
  minimumFee?: ReadonlyMap<number, bigint> | undefined
  /** Metrics to serve; by default new ones over `store` and `bus` (closed with the API). */
  metrics?: RelayerMetrics | undefined
  /** Default 127.0.0.1. */
  host?: string | undefined
  /** Default 8080; 0 picks a free port (read it from `url`). */
  port?: number | undefined
  rateLimit?: RateLimitOptions | undefined
  /**
   * The relayer's chains as the SDK takes them, and ABIs registered per recipient, for the
   * replay debugger (`GET /v1/messages/{id}/simulation`). Default none: the route answers 409 `simulation_unavailable`.
   */
  simulation?: { chains: readonly FerryChain[]; abis?: RecipientAbis | undefined } | undefined
  /** How often the chains are polled. Default 5000. */
  monitorIntervalMs?: number | undefined
  logger: Logger
}

export type RunningRelayerApi = {
  /** `http://host:port`. */
  url: string
  app: ApiApp
  metrics: RelayerMetrics
  monitor: ChainMonitor
  /** Ends open event streams, stops the chain monitor and the server; resolves once all are done. */
  close(): Promise<void>
}

/**
 * Serves the relayer's operator API (`createRelayerApi`) beside a running relayer, with a
 * monitor polling its chains. `ferry relayer start` calls it; so can a devnet, in-process.
 *
 * @example
 * ```ts
 * const bus = createEventBus()
 * const store = observeStore(await openStore('memory://'), bus)
 * const done = runRelayer({ store, chains, validators, owner, policy, logger, signal })
 * const api = await startRelayerApi({ store, bus, chains, validators, port: 0, logger })
 * console.log(`${api.url}/v1/messages`)
 * await api.close()
 * ```
 */
export async function startRelayerApi({
  store,
  bus,
  chains,
  validators,
  minimumFee = new Map(),
  metrics: given,
  host = '127.0.0.1',
  port = 8080,
  rateLimit = DEFAULT_RATE_LIMIT,
  monitorIntervalMs = 5_000,
  simulation,
  logger,
  ...options
}: StartRelayerApiParameters): Promise<RunningRelayerApi> {
  const metrics = given ?? createRelayerMetrics({ store, bus })
  const shutdown = new AbortController()
  const monitor = createChainMonitor({
    chains,
    store,
    intervalMs: monitorIntervalMs,
    logger: logger.child({ module: 'api' }),
    onChecked: (health, indexedBlock) =>
      metrics.recordChain(health.domain, {
        head: health.head?.number,
        lag:
          health.head && indexedBlock !== undefined && health.head.number >= indexedBlock
            ? health.head.number - indexedBlock
            : undefined,
        signerBalance: health.signerBalance,
      }),
  })
  const proofs = createProofSource({
    store,
    endpoints: new Map(chains.map(({ adapter }) => [adapter.domain, adapter.endpoint])),
    validators,
    logger,
  })
  const app = createRelayerApi(
    {
      store,
      bus,
      metrics,
      chains: monitor,
      validators: createValidatorProbe({ validators }),
      proofs,
      simulations: simulation && createSimulationSource({ ...simulation, proofs }),
      minimumFee,
      logger,
      shutdown: shutdown.signal,
    },
    { ...options, rateLimit },
  )
  let served: Awaited<ReturnType<typeof listen>>
  try {
    served = await listen(app, { host, port })
  } catch (error) {
    if (!given) metrics.close()
    throw error
  }
  const monitoring = monitor.run(shutdown.signal)
  return {
    url: served.url,
    app,
    metrics,
    monitor,
    async close() {
      shutdown.abort()
      // Let the event streams see the abort and end their responses before the server closes.
      await new Promise((resolve) => setImmediate(resolve))
      await Promise.all([served.close(), monitoring])
      if (!given) metrics.close()
    },
  }
}

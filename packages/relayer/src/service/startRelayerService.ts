import { startRelayerApi } from '../api/startRelayerApi.js'
import type { StartService } from '../cli/runService.js'
import { ConfigError } from '../config/errors.js'
import { getRoutes } from '../config/getRoutes.js'
import type { FerryConfig, RelayerConfig } from '../config/schema.js'
import { toFerryChains } from '../config/toFerryChains.js'
import type { RelayerPolicy } from '../core/relayer/policy.js'
import { runRelayer } from '../core/relayer/runRelayer.js'
import { createEventBus } from '../events/createEventBus.js'
import { observeStore } from '../events/observeStore.js'
import { createRelayerMetrics } from '../metrics/createRelayerMetrics.js'
import { instrumentChain } from '../metrics/instrumentChain.js'
import { openStore } from '../store/openStore.js'
import { createChainSubmitter } from './createChainSubmitter.js'

/**
 * `ferry relayer start`: opens the store, builds an adapter per chain (keys read now), and runs
 * the relayer over every configured route, with the operator API (`relayer.api`) beside it: the
 * store's writes publish lifecycle events (`observeStore`) and failed chain calls are counted
 * (`instrumentChain`) for it. `done` settles once the relayer has stopped (after `signal`) with
 * its in-flight batches recorded, and the API and the store are closed.
 *
 * @example
 * const { done } = await startRelayerService(config, { logger, signal, env: process.env })
 */
export const startRelayerService: StartService = async (
  config,
  { logger, signal, env, embeddedChains },
) => {
  const relayer = config.relayer
  if (!relayer)
    throw new ConfigError({
      file: 'config',
      issues: [{ field: 'relayer', message: 'is required to run a relayer' }],
    })
  const opened = await openStore(config.store.url, { field: 'store.url', logger })
  const bus = createEventBus()
  const store = observeStore(opened, bus, { logger })
  const metrics = createRelayerMetrics({ store, bus })
  try {
    const chains = await Promise.all(
      config.chains.map(async (chain, index) => ({
        adapter: instrumentChain(
          await createChainSubmitter({ chain, index, journal: store, env, embeddedChains, logger }),
          (domain, method) => metrics.recordRpcError(domain, method),
        ),
        finality: chain.finality,
        pollIntervalMs: chain.pollIntervalMs,
        name: chain.name,
      })),
    )
    const domainOf = new Map(config.chains.map((chain) => [chain.name, chain.domain]))
    const validators = new Map(
      config.validators.map((set) => [
        domainOf.get(set.origin) ?? -1,
        { urls: set.urls, threshold: set.threshold, timeoutMs: set.timeoutMs },
      ]),
    )
    const routes = getRoutes(config).map(
      ({ from, to }) => [domainOf.get(from) ?? -1, domainOf.get(to) ?? -1] as const,
    )
    const policy = toPolicy(config, relayer)
    const api = relayer.api.enabled
      ? await startRelayerApi({
          store,
          bus,
          metrics,
          chains,
          validators,
          minimumFee: policy.minimumFee,
          host: relayer.api.host,
          port: relayer.api.port,
          rateLimit: relayer.api.rateLimit,
          corsOrigins: relayer.api.cors.allowedOrigins,
          requireKeyForReads: relayer.api.requireKeyForReads,
          simulation: { chains: toFerryChains(config) },
          logger,
        })
      : undefined
    if (api) logger.info({ url: api.url }, `relayer API listening on ${api.url}`)
    const done = runRelayer({
      chains,
      store,
      validators,
      routes,
      owner: relayer.id,
      policy,
      logger,
      signal,
    }).finally(async () => {
      await api?.close()
      metrics.close()
      await store.close()
    })
    return { done }
  } catch (error) {
    metrics.close()
    await store.close()
    throw error
  }
}

/** The core's policy from the config's `relayer` section. */
export function toPolicy(config: FerryConfig, relayer: RelayerConfig): RelayerPolicy {
  const domainOf = new Map(config.chains.map((chain) => [chain.name, chain.domain]))
  const minimumFee = new Map<number, bigint>()
  if (relayer.feePolicy.kind === 'minimum')
    for (const [name, fee] of Object.entries(relayer.feePolicy.minimumFee))
      minimumFee.set(domainOf.get(name) ?? -1, fee)
  return {
    batchSize: relayer.batchSize,
    maxBatchGas: BigInt(relayer.maxBatchGas),
    leaseMs: relayer.leaseMs,
    retry: relayer.retry,
    minimumFee,
    maxInFlight: relayer.maxInFlight,
  }
}

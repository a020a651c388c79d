import type { StartService } from '../cli/runService.js'
import { ConfigError } from '../config/errors.js'
import { getRoutes } from '../config/getRoutes.js'
import type { FerryConfig, RelayerConfig } from '../config/schema.js'
import type { RelayerPolicy } from '../core/relayer/policy.js'
import { runRelayer } from '../core/relayer/runRelayer.js'
import { openStore } from '../store/openStore.js'
import { createChainAdapter } from './createChainAdapter.js'

/**
 * `ferry relayer start`: opens the store, builds an adapter per chain (keys read now), and runs
 * the relayer over every configured route. `done` settles once it has stopped (after `signal`)
 * with its in-flight batches recorded, and the store is closed.
 *
 * @example
 * const { done } = await startRelayerService(config, { logger, signal, env: process.env })
 */
export const startRelayerService: StartService = async (config, { logger, signal, env }) => {
  const relayer = config.relayer
  if (!relayer)
    throw new ConfigError({
      file: 'config',
      issues: [{ field: 'relayer', message: 'is required to run a relayer' }],
    })
  const store = await openStore(config.store.url, { field: 'store.url' })
  try {
    const chains = await Promise.all(
      config.chains.map(async (chain, index) => ({
        adapter: await createChainAdapter({
          chain,
          index,
          journal: store,
          env,
          submits: true,
          logger,
        }),
        confirmations: chain.confirmations,
        pollIntervalMs: chain.pollIntervalMs,
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
    const done = runRelayer({
      chains,
      store,
      validators,
      routes,
      owner: relayer.id,
      policy: toPolicy(config, relayer),
      logger,
      signal,
    }).finally(() => store.close())
    return { done }
  } catch (error) {
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
    leaseMs: relayer.leaseMs,
    retry: relayer.retry,
    minimumFee,
    maxInFlight: relayer.maxInFlight,
  }
}

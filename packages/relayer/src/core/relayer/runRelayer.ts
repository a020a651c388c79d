import type { Logger } from 'pino'
import type { ChainSubmitter } from '../../chains/types.js'
import type { RelayerStore } from '../../store/types.js'
import type { Finality } from '../finality/getFinalBlock.js'
import { runLoop } from '../runLoop.js'
import { createCheckpointFetcher } from './createCheckpointFetcher.js'
import { createOriginIndexer } from './createOriginIndexer.js'
import { createRouteDeliverer, type RouteDeliverer } from './createRouteDeliverer.js'
import { createOriginTree } from './originTree.js'
import type { RelayerPolicy } from './policy.js'
import { outcomeUpdates } from './recordOutcomes.js'

export type RelayerChain = {
  adapter: ChainSubmitter
  /** When a block is final on this chain as an origin: its messages are delivered only then. */
  finality: Finality
  /** Pause between passes once caught up (about a block time, or less). */
  pollIntervalMs: number
}

export type RunRelayerParameters = {
  chains: readonly RelayerChain[]
  store: RelayerStore
  /** Per origin domain: its validators' URLs and the signatures a proof needs. */
  validators: ReadonlyMap<
    number,
    { urls: readonly string[]; threshold: number; timeoutMs?: number | undefined }
  >
  /** Routes to serve, `[origin, destination]` domains; default every pair with validators. */
  routes?: readonly (readonly [number, number])[] | undefined
  /** Lease-owner name: unique per relayer process sharing a store. */
  owner: string
  policy: RelayerPolicy
  logger: Logger
  /** Abort to stop: no new work is taken; in-flight batches finish and are recorded. */
  signal: AbortSignal
}

/**
 * The relayer: per origin an indexer loop, per route a delivery loop and a retry loop,
 * over the store. At start it settles what a previous run left unfinished: transactions its
 * journal signed before a crash (their outcomes are recorded from their receipts) and messages
 * it left `submitted` on channels it leased, or whose lease expired (they go back to `ready`,
 * where the destination's nonce shows whether they landed); another relayer's live lease is left
 * alone, as its batch may be in flight. Resolves once every loop has stopped and every in-flight batch is recorded.
 *
 * @example
 * const controller = new AbortController()
 * const done = runRelayer({ chains, store, validators, owner: 'relayer-1', policy, logger, signal: controller.signal })
 * controller.abort(); await done
 */
export async function runRelayer({
  chains,
  store,
  validators,
  routes,
  owner,
  policy,
  logger,
  signal,
}: RunRelayerParameters): Promise<void> {
  const log = logger.child({ module: 'relayer', owner })
  const byDomain = new Map(chains.map((chain) => [chain.adapter.domain, chain]))
  await recover(chains, store, owner, policy, log)

  const trees = new Map(
    chains.map((chain) => [chain.adapter.domain, createOriginTree(store, chain.adapter.domain)]),
  )
  const loops: Promise<void>[] = []
  for (const chain of chains) {
    const tree = trees.get(chain.adapter.domain)
    if (!tree) continue
    const indexer = createOriginIndexer({
      chain: chain.adapter,
      store,
      tree,
      finality: chain.finality,
      readFees: policy.minimumFee.has(chain.adapter.domain),
      logger: log,
    })
    loops.push(
      runLoop({
        name: `index:${chain.adapter.domain}`,
        intervalMs: chain.pollIntervalMs,
        signal,
        logger: log,
        pass: () => indexer.pass(signal),
      }),
    )
  }

  const pairs =
    routes ??
    chains.flatMap((from) =>
      chains.flatMap((to) =>
        validators.has(from.adapter.domain)
          ? [[from.adapter.domain, to.adapter.domain] as const]
          : [],
      ),
    )
  const deliverers: RouteDeliverer[] = []
  for (const [from, to] of pairs) {
    const origin = byDomain.get(from)
    const destination = byDomain.get(to)
    const tree = trees.get(from)
    const set = validators.get(from)
    if (!origin || !destination || !tree || !set) continue
    const fetcher = createCheckpointFetcher({
      origin: from,
      originEndpoint: origin.adapter.endpoint,
      validators: set,
      timeoutMs: set.timeoutMs,
      logger: log,
    })
    const route = createRouteDeliverer({
      origin: origin.adapter,
      destination: destination.adapter,
      store,
      tree,
      fetcher,
      owner,
      policy,
      logger: log,
    })
    deliverers.push(route)
    const interval = Math.min(origin.pollIntervalMs, destination.pollIntervalMs)
    loops.push(
      runLoop({
        name: `deliver:${from}->${to}`,
        intervalMs: interval,
        signal,
        logger: log,
        pass: () => route.deliverPass(signal),
      }),
      runLoop({
        name: `retry:${from}->${to}`,
        intervalMs: interval * 4,
        signal,
        logger: log,
        pass: () => route.retryPass(signal),
      }),
    )
  }
  log.info({ chains: chains.length, routes: deliverers.length }, 'relayer started')
  await Promise.all(loops)
  await Promise.all(deliverers.map((route) => route.drain()))
  await store.releaseLeases(owner)
  log.info('relayer stopped')
}

/** Settles a previous run's unfinished work; see {@link runRelayer}. */
async function recover(
  chains: readonly RelayerChain[],
  store: RelayerStore,
  owner: string,
  policy: RelayerPolicy,
  log: Logger,
): Promise<void> {
  for (const { adapter } of chains) {
    for (const { receipt, call, messageIds } of await adapter.recover()) {
      const messages = (await Promise.all(messageIds.map((id) => store.getMessage(id)))).flatMap(
        (m) => (m ? [m] : []),
      )
      await store.updateMessages(
        outcomeUpdates(
          receipt,
          messages,
          policy,
          call === 'deliverBatch' ? 'delivered' : 'retried',
        ),
      )
      log.info(
        { domain: adapter.domain, tx: receipt.transactionHash, messages: messages.length },
        'recorded a transaction mined while down',
      )
    }
  }
  // Only messages this relayer had in flight (its own leases) or nobody holds any more (the
  // lease expired): another live relayer's in-flight batch stays its own.
  const now = new Date()
  for (;;) {
    const stuck = await store.getResumableSubmitted(owner, now, 1_000)
    if (stuck.length === 0) break
    await store.updateMessages(
      stuck.map((m) => ({
        id: m.id,
        stage: 'ready' as const,
        reason: 'resumed_after_restart' as const,
      })),
    )
  }
}

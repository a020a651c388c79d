import type { ChainReader } from '@ferry/sdk'
import type { Logger } from 'pino'
import type { ChainSubmitter } from '../../chains/types.js'
import type { RelayerStore, StoredMessage } from '../../store/types.js'
import { failpoint } from '../failpoint.js'
import type { L1DeliveryCost } from '../fees/l1DeliveryCost.js'
import { classifyError } from './classifyError.js'
import type { CheckpointFetcher, GatheredCheckpoint } from './createCheckpointFetcher.js'
import type { DeliveryContext } from './deliveryContext.js'
import type { OriginTree } from './originTree.js'
import { packBatches } from './packBatches.js'
import type { RelayerPolicy } from './policy.js'
import { recordInternalError } from './recordInternalError.js'
import { recordSigners } from './recordSigners.js'
import { retryOrTimeout } from './retryOrTimeout.js'
import { settleBatch } from './settleBatch.js'
import { sortClaimed } from './sortClaimed.js'
import { waitUpdate } from './waitUpdate.js'

export type CreateRouteDelivererParameters = {
  origin: ChainReader
  destination: ChainSubmitter
  store: RelayerStore
  tree: OriginTree
  fetcher: CheckpointFetcher
  /** This relayer's lease-owner name. */
  owner: string
  policy: RelayerPolicy
  /**
   * The L1 data fee of delivering a message, in the origin's base units, where the destination
   * is a rollup: a message must pay `policy.minimumFee` plus it, or it waits as `underpaid`.
   */
  l1DeliveryCost?: L1DeliveryCost | undefined
  logger: Logger
}

/**
 * Delivers one route's (origin → destination) final messages per channel in nonce order:
 * claims channels (leases), skips what the destination already has (another relayer delivered
 * it), holds underpaid messages and everything after them in their channel (`sortClaimed`),
 * gathers one checkpoint's signatures for the batch, proves each message from the relayer's own
 * tree, and submits one `deliverBatch` whose signatures ride on the first proof only
 * (`settleBatch`). Up to `policy.maxInFlight` batches (on different channels) are in flight at
 * once; each outcome is written to the store as its receipt arrives. Failed messages are retried
 * on a backoff schedule, or timed out once past their deadline so their acks flow
 * (`retryOrTimeout`).
 *
 * @example
 * const route = createRouteDeliverer({ origin, destination, store, tree, fetcher, owner, policy, logger })
 * await route.deliverPass()
 * await route.drain()
 */
export function createRouteDeliverer({
  origin,
  destination,
  store,
  tree,
  fetcher,
  owner,
  policy,
  l1DeliveryCost,
  logger,
}: CreateRouteDelivererParameters) {
  const context: DeliveryContext = {
    origin,
    destination,
    store,
    tree,
    fetcher,
    policy,
    l1DeliveryCost,
    log: logger.child({
      module: 'deliver',
      origin: origin.domain,
      destination: destination.domain,
    }),
  }
  const inFlight = new Set<Promise<void>>()
  /** The last checkpoint whose signers were recorded: the fetcher reuses it across passes. */
  let recorded: GatheredCheckpoint | undefined

  const claim = (kind: 'ready' | 'failed', limit: number) => {
    const now = new Date()
    const params = {
      origin: origin.domain,
      destination: destination.domain,
      owner,
      now,
      leaseUntil: new Date(now.getTime() + policy.leaseMs),
      limit,
    }
    return kind === 'ready' ? store.claimReady(params) : store.claimFailed(params)
  }

  async function deliverClaimed(
    claimed: readonly StoredMessage[],
    limit: number,
    slots: number,
    signal?: AbortSignal,
  ): Promise<'again' | undefined> {
    const { deliverable, updates } = await sortClaimed(context, claimed, signal)
    if (updates.length > 0) await store.updateMessages(updates)
    if (deliverable.length === 0) return undefined

    // A loop, not Math.min(...): a pass may hold tens of thousands of messages.
    let lowest = Number.POSITIVE_INFINITY
    let highest = -1
    for (const { leafIndex } of deliverable) {
      if (leafIndex < lowest) lowest = leafIndex
      if (leafIndex > highest) highest = leafIndex
    }
    await tree.ensure(highest + 1)
    const result = await fetcher.fetch({
      minIndex: lowest,
      wantedIndex: highest,
      available: tree.count,
      rootAt: (count) => tree.rootAt(count),
      signal,
    })
    if (result.type === 'waiting') {
      const waits = deliverable.flatMap((m) => waitUpdate(m, 'waiting_signatures', result.detail))
      if (waits.length > 0) await store.updateMessages(waits)
      return undefined
    }
    if (result.gathered !== recorded) {
      await recordSigners(store, result.gathered)
      recorded = result.gathered
    }
    failpoint('after_signatures')
    // Within a channel leaves grow with nonces, so the covered messages of a channel are a
    // prefix of its run and channel order holds.
    const batches = packBatches(
      deliverable.filter((m) => m.leafIndex <= result.gathered.checkpoint.index),
      { batchSize: policy.batchSize, maxGas: policy.maxBatchGas, batches: slots },
    )
    await store.updateMessages(
      batches.flat().map((m) => ({
        id: m.id,
        stage: 'submitted' as const,
        reason: 'submitting' as const,
      })),
    )
    for (const batch of batches) {
      const task: Promise<void> = settleBatch(context, batch, result.gathered).finally(() =>
        inFlight.delete(task),
      )
      inFlight.add(task)
    }
    return claimed.length === limit ? 'again' : undefined
  }

  return {
    /**
     * One delivery pass: claims enough for every free in-flight slot, gathers one checkpoint for
     * all of it, and submits up to that many channel-disjoint batches at once, so a route fills
     * its slots in one round of reads instead of one per batch. `'again'` when there may be
     * more to claim at once.
     */
    async deliverPass(signal?: AbortSignal): Promise<'again' | undefined> {
      const slots = policy.maxInFlight - inFlight.size
      if (slots <= 0) {
        await Promise.race(inFlight)
        return 'again'
      }
      const limit = policy.batchSize * slots
      const claimed = await claim('ready', limit)
      if (claimed.length === 0) return undefined
      try {
        return await deliverClaimed(claimed, limit, slots, signal)
      } catch (error) {
        // An abort (shutdown) is nobody's failure: the claimed messages are simply still ready.
        if (!signal?.aborted) await recordInternalError(context, claimed, 'ready', error)
        throw error
      }
    },

    /** One retry pass over Failed messages that are due. */
    async retryPass(signal?: AbortSignal): Promise<undefined> {
      const claimed = await claim('failed', policy.batchSize)
      if (claimed.length === 0) return undefined
      const head = await destination.getHead(signal)
      for (const message of claimed) {
        if (signal?.aborted) break
        try {
          await retryOrTimeout(context, message, head.timestamp, signal)
        } catch (error) {
          // The relayer's own trouble with one message is recorded on it, and the pass goes on
          // to the others; a chain's failure ends the pass, to be tried after the loop's backoff.
          if (signal?.aborted || classifyError(error).reason !== 'internal_error') throw error
          await recordInternalError(context, [message], 'failed', error)
        }
      }
      return undefined
    },

    /** Waits for every batch in flight to be recorded (shutdown). */
    async drain(): Promise<void> {
      await Promise.allSettled([...inFlight])
    },
  }
}

export type RouteDeliverer = ReturnType<typeof createRouteDeliverer>

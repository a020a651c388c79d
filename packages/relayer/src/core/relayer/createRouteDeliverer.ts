import { encodeBatchProofs, MessageFlags, MessageStatus } from '@ferry/protocol'
import type { ChainReader } from '@ferry/sdk'
import type { Logger } from 'pino'
import type { Hex } from 'viem'
import type { ChainSubmitter } from '../../chains/types.js'
import { ackOriginalId } from '../../store/ackOriginalId.js'
import type { MessageUpdate, RelayerStore, StoredMessage } from '../../store/types.js'
import { failpoint } from '../failpoint.js'
import { classifyError, errorDetail } from './classifyError.js'
import type { CheckpointFetcher, GatheredCheckpoint } from './createCheckpointFetcher.js'
import { isPaidAck } from './isPaidAck.js'
import type { OriginTree } from './originTree.js'
import { packBatches } from './packBatches.js'
import {
  deliveryGasFloor,
  parkedCheckAt,
  type RelayerPolicy,
  retriesExhausted,
  retryAt,
  retryGasLimit,
  worstCaseDeliveryGas,
} from './policy.js'
import { outcomeUpdates } from './recordOutcomes.js'

export type CreateRouteDelivererParameters = {
  origin: ChainReader
  destination: ChainSubmitter
  store: RelayerStore
  tree: OriginTree
  fetcher: CheckpointFetcher
  /** This relayer's lease-owner name. */
  owner: string
  policy: RelayerPolicy
  logger: Logger
}

/**
 * Delivers one route's (origin → destination) final messages per channel in nonce order:
 * claims channels (leases), skips what the destination already has (another relayer delivered
 * it), holds underpaid messages and everything after them in their channel, gathers one
 * checkpoint's signatures for the batch, proves each message from the relayer's own tree, and
 * submits one `deliverBatch` whose signatures ride on the first proof only. Up to
 * `policy.maxInFlight` batches (on different channels) are in flight at once; each outcome is
 * written to the store as its receipt arrives. Failed messages are retried on a backoff
 * schedule, or timed out once past their deadline so their acks flow.
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
  logger,
}: CreateRouteDelivererParameters) {
  const log = logger.child({
    module: 'deliver',
    origin: origin.domain,
    destination: destination.domain,
  })
  const inFlight = new Set<Promise<void>>()
  const minimumFee = policy.minimumFee.get(origin.domain) ?? 0n

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

  /** Records a wait only when the reason changes, so a long wait is one log line, not thousands. */
  function waitUpdate(
    message: StoredMessage,
    reason: MessageUpdate['reason'],
    detail: string,
    nextAttemptAt: Date | null = null,
  ): MessageUpdate[] {
    if (message.reason === reason && nextAttemptAt === null) return []
    return [{ id: message.id, stage: message.stage, reason, detail, nextAttemptAt }]
  }

  /** A chain's failure is a warning; the relayer's own (`internal_error`) an error, with its stack. */
  function logFailure(
    error: unknown,
    reason: string,
    retryable: boolean,
    fields: Record<string, unknown>,
    text: string,
  ): void {
    const entry = { err: error, reason, retryable, ...fields }
    if (reason === 'internal_error') log.error(entry, text)
    else log.warn(entry, text)
  }

  /**
   * The acks among `claimed` that would be underpaid as messages but were paid with their
   * original (PROTOCOL §9): only those go free. One store read for all of them.
   */
  async function paidAcks(claimed: readonly StoredMessage[]): Promise<Set<Hex>> {
    const acks = claimed.flatMap((message) => {
      if ((message.flags & MessageFlags.isAck) === 0 || message.feePaid >= minimumFee) return []
      const originalId = ackOriginalId(message.flags, message.encoded)
      return originalId ? [{ message, originalId }] : []
    })
    if (acks.length === 0) return new Set()
    const originals = new Map(
      (await store.getMessagesByIds(acks.map((ack) => ack.originalId))).map((m) => [m.id, m]),
    )
    return new Set(
      acks.flatMap(({ message, originalId }) =>
        isPaidAck(message, originals.get(originalId)) ? [message.id] : [],
      ),
    )
  }

  /** Splits claimed messages into what to deliver now and updates for the rest. */
  async function sortOut(claimed: readonly StoredMessage[], signal?: AbortSignal) {
    const free = await paidAcks(claimed)
    const byChannel = new Map<Hex, StoredMessage[]>()
    for (const message of claimed)
      byChannel.set(message.channel, [...(byChannel.get(message.channel) ?? []), message])
    const deliverable: StoredMessage[] = []
    const updates: MessageUpdate[] = []
    const now = new Date()
    await Promise.all(
      [...byChannel].map(async ([channel, messages]) => {
        let next = (await destination.getInboundNonce(channel, signal)) + 1n
        const firstUndelivered = next
        for (const [i, message] of messages.entries()) {
          if (message.nonce < firstUndelivered) {
            updates.push(await deliveredElsewhere(message, signal))
            continue
          }
          if (message.nonce !== next) {
            for (const rest of messages.slice(i))
              updates.push(
                ...waitUpdate(rest, 'waiting_channel_order', `destination expects nonce ${next}`),
              )
            break
          }
          // An ack pays nothing where it starts: its delivery was paid with the original
          // message, if this relayer saw that sent where the ack goes; otherwise it pays its way.
          if (message.feePaid < minimumFee && !free.has(message.id)) {
            const isAck = (message.flags & MessageFlags.isAck) !== 0
            updates.push(
              ...waitUpdate(
                message,
                'underpaid',
                `${isAck ? 'ack of a message not seen sent on its destination; ' : ''}paid ${message.feePaid}, policy asks ${minimumFee}`,
                retryAt(policy, 64, now),
              ),
            )
            for (const rest of messages.slice(i + 1))
              updates.push(
                ...waitUpdate(rest, 'waiting_channel_order', `nonce ${message.nonce} is underpaid`),
              )
            break
          }
          deliverable.push(message)
          next++
        }
      }),
    )
    return { deliverable, updates }
  }

  /** The destination's inbound nonce is past `message`: someone delivered it; record how it ended. */
  async function deliveredElsewhere(
    message: StoredMessage,
    signal?: AbortSignal,
  ): Promise<MessageUpdate> {
    const status = await destination.getMessageStatus(message.encoded, signal)
    if (status === MessageStatus.Failed)
      return {
        id: message.id,
        stage: 'failed',
        status,
        reason: 'delivered_by_other',
        detail: 'Failed on the destination; retry scheduled',
        nextAttemptAt: retryAt(policy, message.attempts + 1, new Date()),
      }
    return {
      id: message.id,
      stage: 'done',
      status,
      reason: 'delivered_by_other',
      deliveredAt: new Date(),
    }
  }

  function proofs(
    messages: readonly StoredMessage[],
    { checkpoint, signatures }: GatheredCheckpoint,
  ): Hex[] {
    return encodeBatchProofs({
      checkpointIndex: checkpoint.index,
      signatures,
      leaves: messages.map(({ leafIndex }) => ({
        leafIndex,
        branch: tree.getBranch(leafIndex, checkpoint.index + 1),
      })),
    })
  }

  async function submitBatch(
    messages: StoredMessage[],
    gathered: GatheredCheckpoint,
  ): Promise<void> {
    try {
      const receipt = await destination.submit(
        {
          type: 'deliverBatch',
          messages: messages.map((m) => m.encoded),
          proofs: proofs(messages, gathered),
        },
        {
          gasFloor: deliveryGasFloor(messages.map((m) => m.gasLimit)),
          gasBound: worstCaseDeliveryGas(messages.map((m) => m.gasLimit)),
          messageIds: messages.map((m) => m.id),
        },
      )
      await store.updateMessages(outcomeUpdates(receipt, messages, policy, 'delivered'))
      failpoint('after_store_write')
      log.info(
        {
          messages: messages.length,
          tx: receipt.transactionHash,
          checkpoint: gathered.checkpoint.index,
        },
        'delivered',
      )
    } catch (error) {
      const { reason, retryable } = classifyError(error)
      logFailure(error, reason, retryable, { messages: messages.length }, 'delivery failed')
      fetcher.noteDeliveryFailure(error)
      const now = new Date()
      // Every failure, `internal_error` included, counts as an attempt and waits out the retry
      // backoff: a failure that keeps coming costs one attempt per backoff step, never a hot loop.
      await store.updateMessages(
        messages.map((message) => ({
          id: message.id,
          stage: 'ready' as const,
          reason,
          detail: errorDetail(error),
          attempt: true,
          nextAttemptAt: retryAt(policy, message.attempts + 1, now),
        })),
      )
    }
  }

  /**
   * {@link submitBatch}, which never rejects: nothing awaits an in-flight batch but `drain`, so a
   * store write that fails in it (recording the outcome, or recording the failure) must not end
   * the process. The batch is recorded `internal_error` if the store takes that write; if not,
   * it is logged, and its messages stay `submitted` until a restart resumes them (the channel
   * is not claimed meanwhile, so nothing is sent twice).
   */
  async function settleBatch(
    messages: StoredMessage[],
    gathered: GatheredCheckpoint,
  ): Promise<void> {
    try {
      await submitBatch(messages, gathered)
    } catch (error) {
      log.error(
        { err: error, reason: 'internal_error', messages: messages.length },
        'recording a delivery failed',
      )
      try {
        const now = new Date()
        await store.updateMessages(
          messages.map((message) => ({
            id: message.id,
            stage: 'ready' as const,
            reason: 'internal_error' as const,
            detail: `recording the delivery failed: ${errorDetail(error)}`,
            attempt: true,
            nextAttemptAt: retryAt(policy, message.attempts + 1, now),
          })),
        )
      } catch (again) {
        log.error(
          { err: again, messages: messages.map((m) => m.id) },
          'could not record the failure either; the messages stay submitted until a restart',
        )
      }
    }
  }

  async function retryOrTimeout(
    message: StoredMessage,
    blockTime: bigint,
    signal?: AbortSignal,
  ): Promise<void> {
    const status = await destination.getMessageStatus(message.encoded, signal)
    if (status !== MessageStatus.Failed) {
      await store.updateMessages([
        {
          id: message.id,
          stage: 'done',
          status,
          reason: 'delivered_by_other',
          ...(message.reason === 'retries_exhausted' && {
            detail: 'retried by someone else after this relayer gave up',
          }),
          deliveredAt: new Date(),
        },
      ])
      return
    }
    const pastDeadline = message.deadline !== 0n && blockTime > message.deadline
    if (message.reason === 'retries_exhausted' && retriesExhausted(policy, message)) {
      // Parked: still Failed, nobody retried it. Look again later, without logging each look.
      // (A `maxAttempts` raised since it was parked lets it be retried again.)
      await store.updateMessages([
        {
          id: message.id,
          stage: 'failed',
          reason: 'retries_exhausted',
          nextAttemptAt: parkedCheckAt(policy, new Date()),
          quiet: true,
        },
      ])
      return
    }
    // A retry gives the handler what the policy says; a timeout calls no handler (its ack is
    // sent in the same call), sized by the message's own limit as before 1.1.
    const gasLimit = pastDeadline ? message.gasLimit : retryGasLimit(policy, message.gasLimit)
    try {
      const receipt = await destination.submit(
        pastDeadline
          ? { type: 'timeout', message: message.encoded }
          : { type: 'retry', message: message.encoded, gasLimit },
        {
          gasFloor: deliveryGasFloor([gasLimit]),
          gasBound: worstCaseDeliveryGas([gasLimit]),
          messageIds: [message.id],
        },
      )
      await store.updateMessages(outcomeUpdates(receipt, [message], policy, 'retried'))
    } catch (error) {
      const { reason, retryable } = classifyError(error)
      logFailure(error, reason, retryable, { message: message.id }, 'retry failed')
      const attempts = message.attempts + 1
      // A retry the destination refuses (or reverts), or one that fails inside the relayer
      // (`internal_error`: it may fail the same way every time), counts like one that failed and
      // parks the message after `maxAttempts`; RPC errors, gas prices and nonce conflicts are
      // passing trouble on the chain's side and never park a message.
      const refused =
        reason === 'gas_estimate_reverted' ||
        reason === 'tx_reverted' ||
        reason === 'internal_error'
      const park = refused && retriesExhausted(policy, { deadline: message.deadline, attempts })
      await store.updateMessages([
        {
          id: message.id,
          stage: 'failed',
          reason: park ? 'retries_exhausted' : reason,
          detail: park
            ? `attempt ${attempts} of ${policy.retry.maxAttempts}: ${reason}: ${errorDetail(error)}`
            : errorDetail(error),
          attempt: true,
          nextAttemptAt: park
            ? parkedCheckAt(policy, new Date())
            : retryAt(policy, attempts, new Date()),
        },
      ])
    }
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
        if (!signal?.aborted) await recordInternalError(claimed, 'ready', error)
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
          await retryOrTimeout(message, head.timestamp, signal)
        } catch (error) {
          // The relayer's own trouble with one message is recorded on it, and the pass goes on
          // to the others; a chain's failure ends the pass, to be tried after the loop's backoff.
          if (signal?.aborted || classifyError(error).reason !== 'internal_error') throw error
          await recordInternalError([message], 'failed', error)
        }
      }
      return undefined
    },

    /** Waits for every batch in flight to be recorded (shutdown). */
    async drain(): Promise<void> {
      await Promise.allSettled([...inFlight])
    },
  }

  /**
   * A pass over `claimed` threw: if it was the relayer's own trouble (`internal_error`, e.g. a
   * `TypeError` or a store failure; a chain's failure is left to the loop's backoff, as before),
   * each message records it as an attempt and waits out the retry backoff, so a failure that
   * comes back every time is a line per backoff step, never a hot loop; a Failed message is
   * parked (`retries_exhausted`) after `maxAttempts`. A store that refuses this write too leaves
   * it to the loop's log.
   */
  async function recordInternalError(
    claimed: readonly StoredMessage[],
    stage: 'ready' | 'failed',
    error: unknown,
  ): Promise<void> {
    const { reason } = classifyError(error)
    if (reason !== 'internal_error') return
    const now = new Date()
    try {
      await store.updateMessages(
        claimed.map((message): MessageUpdate => {
          const attempts = message.attempts + 1
          const park =
            stage === 'failed' && retriesExhausted(policy, { deadline: message.deadline, attempts })
          return {
            id: message.id,
            stage,
            reason: park ? 'retries_exhausted' : 'internal_error',
            detail: park
              ? `attempt ${attempts} of ${policy.retry.maxAttempts}: internal_error: ${errorDetail(error)}`
              : errorDetail(error),
            attempt: true,
            nextAttemptAt: park ? parkedCheckAt(policy, now) : retryAt(policy, attempts, now),
          }
        }),
      )
    } catch (again) {
      log.error({ err: again }, 'could not record an internal error')
    }
  }

  async function deliverClaimed(
    claimed: readonly StoredMessage[],
    limit: number,
    slots: number,
    signal?: AbortSignal,
  ): Promise<'again' | undefined> {
    const { deliverable, updates } = await sortOut(claimed, signal)
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
      const task: Promise<void> = settleBatch(batch, result.gathered).finally(() =>
        inFlight.delete(task),
      )
      inFlight.add(task)
    }
    return claimed.length === limit ? 'again' : undefined
  }
}

export type RouteDeliverer = ReturnType<typeof createRouteDeliverer>

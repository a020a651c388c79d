import { encodeBatchProofs } from '@ferry/protocol'
import type { StoredMessage } from '../../store/types.js'
import { failpoint } from '../failpoint.js'
import { classifyError, errorDetail } from './classifyError.js'
import type { GatheredCheckpoint } from './createCheckpointFetcher.js'
import type { DeliveryContext } from './deliveryContext.js'
import { logFailure } from './logFailure.js'
import { deliveryGasFloor, retryAt, worstCaseDeliveryGas } from './policy.js'
import { outcomeUpdates } from './recordOutcomes.js'

/**
 * Submits one `deliverBatch` of `messages` under `gathered` (signatures on the first proof only,
 * PROTOCOL §6) and records how it ended. Never rejects: nothing awaits an in-flight batch but the
 * deliverer's `drain`, so a store write that fails here (recording the outcome, or recording the
 * failure) must not end the process. The batch is recorded `internal_error` if the store takes
 * that write; if not, it is logged, and its messages stay `submitted` until a restart resumes
 * them (the channel is not claimed meanwhile, so nothing is sent twice).
 *
 * @example
 * inFlight.add(settleBatch(context, batch, gathered))
 */
export async function settleBatch(
  context: DeliveryContext,
  messages: readonly StoredMessage[],
  gathered: GatheredCheckpoint,
): Promise<void> {
  const { store, policy, log } = context
  try {
    await submitBatch(context, messages, gathered)
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

/** Submits the batch and records its outcomes, or its failure as an attempt; rejects only when the store does. */
async function submitBatch(
  { destination, store, tree, fetcher, policy, log }: DeliveryContext,
  messages: readonly StoredMessage[],
  { checkpoint, signatures }: GatheredCheckpoint,
): Promise<void> {
  try {
    const receipt = await destination.submit(
      {
        type: 'deliverBatch',
        messages: messages.map((m) => m.encoded),
        proofs: encodeBatchProofs({
          checkpointIndex: checkpoint.index,
          signatures,
          leaves: messages.map(({ leafIndex }) => ({
            leafIndex,
            branch: tree.getBranch(leafIndex, checkpoint.index + 1),
          })),
        }),
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
      { messages: messages.length, tx: receipt.transactionHash, checkpoint: checkpoint.index },
      'delivered',
    )
  } catch (error) {
    const classified = classifyError(error)
    logFailure(log, error, classified, { messages: messages.length }, 'delivery failed')
    fetcher.noteDeliveryFailure(error)
    const now = new Date()
    // Every failure, `internal_error` included, counts as an attempt and waits out the retry
    // backoff: a failure that keeps coming costs one attempt per backoff step, never a hot loop.
    await store.updateMessages(
      messages.map((message) => ({
        id: message.id,
        stage: 'ready' as const,
        reason: classified.reason,
        detail: errorDetail(error),
        attempt: true,
        nextAttemptAt: retryAt(policy, message.attempts + 1, now),
      })),
    )
  }
}

import { MessageStatus } from '@ferry/protocol'
import type { CallReceipt } from '../../chains/types.js'
import type { MessageUpdate, StoredMessage } from '../../store/types.js'
import { parkedCheckAt, type RelayerPolicy, retriesExhausted, retryAt } from './policy.js'

/**
 * Turns a receipt's outcomes into store updates for the messages it carried: Executed and
 * TimedOut are final (`done`), Failed schedules a retry (or a timeout once past the deadline),
 * unless a message without a deadline has had `policy.retry.maxAttempts` attempts: then it is
 * parked (`retries_exhausted`), and only checked now and then in case someone retried it.
 * A message the receipt says nothing about goes back to `ready` to be looked at again.
 *
 * @example
 * await store.updateMessages(outcomeUpdates(receipt, messages, policy, 'delivered'))
 */
export function outcomeUpdates(
  receipt: CallReceipt,
  messages: readonly StoredMessage[],
  policy: RelayerPolicy,
  executedReason: 'delivered' | 'retried',
  now = new Date(),
): MessageUpdate[] {
  const outcomes = new Map(receipt.outcomes.map((outcome) => [outcome.id, outcome]))
  return messages.map((message): MessageUpdate => {
    const outcome = outcomes.get(message.id)
    const transactionHash = receipt.transactionHash
    if (!outcome)
      return {
        id: message.id,
        stage: 'ready',
        reason: 'tx_reverted',
        detail: 'no outcome in the receipt',
        transactionHash,
        attempt: true,
      }
    const base = {
      id: message.id,
      status: outcome.status,
      result: outcome.result,
      transactionHash,
      attempt: true,
    }
    switch (outcome.status) {
      case MessageStatus.Executed:
        return { ...base, stage: 'done', reason: executedReason, deliveredAt: now }
      case MessageStatus.TimedOut:
        return { ...base, stage: 'done', reason: 'timed_out', deliveredAt: now }
      default: {
        const attempts = message.attempts + 1
        if (retriesExhausted(policy, { deadline: message.deadline, attempts }))
          return {
            ...base,
            stage: 'failed',
            reason: 'retries_exhausted',
            detail: `handler failed on attempt ${attempts} of ${policy.retry.maxAttempts}; no more retries (anyone may still retry it)`,
            nextAttemptAt: parkedCheckAt(policy, now),
          }
        return {
          ...base,
          stage: 'failed',
          reason: 'retry_scheduled',
          detail: `handler failed; attempt ${attempts}`,
          nextAttemptAt: retryAt(policy, attempts, now),
        }
      }
    }
  })
}

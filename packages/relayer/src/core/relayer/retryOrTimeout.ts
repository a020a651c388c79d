import { MessageStatus } from '@ferry/protocol'
import type { StoredMessage } from '../../store/types.js'
import { classifyError, errorDetail } from './classifyError.js'
import type { DeliveryContext } from './deliveryContext.js'
import { logFailure } from './logFailure.js'
import {
  deliveryGasFloor,
  parkedCheckAt,
  retriesExhausted,
  retryAt,
  retryGasLimit,
  worstCaseDeliveryGas,
} from './policy.js'
import { outcomeUpdates } from './recordOutcomes.js'

/**
 * Handles one due Failed message: recorded done when someone else retried it; left parked,
 * quietly, while it is `retries_exhausted`; otherwise retried with the policy's gas (PROTOCOL
 * §7), or timed out once the destination's block time `blockTime` is past its deadline, so its
 * ack flows. A refused or reverted retry counts as an attempt and parks the message after
 * `maxAttempts`; passing chain trouble (RPC, gas price, nonce) never parks it.
 *
 * @example
 * await retryOrTimeout(context, message, head.timestamp, signal)
 */
export async function retryOrTimeout(
  { destination, store, policy, log }: DeliveryContext,
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
    const classified = classifyError(error)
    const { reason } = classified
    logFailure(log, error, classified, { message: message.id }, 'retry failed')
    const attempts = message.attempts + 1
    // A retry the destination refuses (or reverts), or one that fails inside the relayer
    // (`internal_error`: it may fail the same way every time), counts like one that failed and
    // parks the message after `maxAttempts`; RPC errors, gas prices and nonce conflicts are
    // passing trouble on the chain's side and never park a message.
    const refused =
      reason === 'gas_estimate_reverted' || reason === 'tx_reverted' || reason === 'internal_error'
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

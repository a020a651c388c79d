import type { MessageUpdate, StoredMessage } from '../../store/types.js'
import { classifyError, errorDetail } from './classifyError.js'
import type { DeliveryContext } from './deliveryContext.js'
import { parkedCheckAt, retriesExhausted, retryAt } from './policy.js'

/**
 * A pass over `claimed` threw: if it was the relayer's own trouble (`internal_error`, e.g. a
 * `TypeError` or a store failure; a chain's failure is left to the loop's backoff), each message
 * records it as an attempt and waits out the retry backoff, so a failure that comes back every
 * time is a line per backoff step, never a hot loop; a Failed message is parked
 * (`retries_exhausted`) after `maxAttempts`. A store that refuses this write too leaves it to the
 * loop's log.
 *
 * @example
 * if (!signal?.aborted) await recordInternalError(context, claimed, 'ready', error)
 */
export async function recordInternalError(
  { store, policy, log }: DeliveryContext,
  claimed: readonly StoredMessage[],
  stage: 'ready' | 'failed',
  error: unknown,
): Promise<void> {
  if (classifyError(error).reason !== 'internal_error') return
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

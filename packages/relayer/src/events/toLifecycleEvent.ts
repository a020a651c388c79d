import { MessageStatus } from '@ferry/protocol'
import type { MessageUpdate, StoredMessage } from '../store/types.js'
import { type LifecycleEventType, type NewLifecycleEvent, STATUS_NAMES } from './types.js'

/**
 * The event type one `updateMessages` entry amounts to: final stages are `delivered` or
 * `timed_out`; `submitted` is a transaction about to go out; a `failed` stage with a status is a
 * delivery whose handler failed; any other counted attempt (an RPC error, a revert) is a
 * `retry_scheduled`; the rest are waits whose reason changed.
 *
 * @example
 * ```ts
 * eventTypeOf({ id, stage: 'done', reason: 'delivered', status: 1 }) // 'delivered'
 * ```
 */
export function eventTypeOf(update: MessageUpdate): LifecycleEventType {
  switch (update.stage) {
    case 'done':
      return update.status === MessageStatus.TimedOut || update.reason === 'timed_out'
        ? 'timed_out'
        : 'delivered'
    case 'submitted':
      return 'submitted'
    case 'orphaned':
      return 'orphaned'
    case 'failed':
      if (update.status !== undefined) return 'failed'
      break
    default:
      break
  }
  return update.attempt ? 'retry_scheduled' : 'waiting'
}

/**
 * The lifecycle event for `message` (as stored after the write) of `type`, with the reason and
 * detail of the write when there is one.
 *
 * @example
 * ```ts
 * bus.publish(toLifecycleEvent(message, 'finalized', { at: new Date() }))
 * ```
 */
export function toLifecycleEvent(
  message: StoredMessage,
  type: LifecycleEventType,
  { at, update }: { at: Date; update?: MessageUpdate | undefined },
): NewLifecycleEvent {
  const transactionHash =
    type === 'indexed' ? message.originTransactionHash : (update?.transactionHash ?? undefined)
  const delivery = type === 'delivered' || type === 'failed' || type === 'timed_out'
  const nextAttemptAt = update?.nextAttemptAt ?? undefined
  const detail = update?.detail
  return {
    type,
    messageId: message.id,
    channel: message.channel,
    origin: message.origin,
    destination: message.destination,
    nonce: message.nonce.toString(),
    stage: message.stage,
    reason: update?.reason ?? message.reason,
    at: (update?.deliveredAt ?? at).toISOString(),
    sentAt: message.sentAt.toISOString(),
    ...(detail !== undefined && { detail }),
    ...(transactionHash !== undefined && transactionHash !== '' && { transactionHash }),
    ...(delivery && { status: STATUS_NAMES[message.status] ?? 'none' }),
    ...(nextAttemptAt !== undefined && { nextAttemptAt: nextAttemptAt.toISOString() }),
  }
}

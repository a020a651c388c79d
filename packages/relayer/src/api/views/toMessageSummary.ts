import { MessageFlags } from '@ferry/protocol'
import type { z } from '@hono/zod-openapi'
import { STATUS_NAMES } from '../../events/types.js'
import type { StoredMessage } from '../../store/types.js'
import type { MessageSummary } from '../schemas/messages.js'

/**
 * A stored message as the API lists it.
 *
 * @example
 * ```ts
 * const items = (await store.listMessages({ limit: 50 })).map(toMessageSummary)
 * ```
 */
export function toMessageSummary(message: StoredMessage): z.infer<typeof MessageSummary> {
  return {
    id: message.id,
    origin: message.origin,
    destination: message.destination,
    channel: message.channel,
    nonce: message.nonce.toString(),
    leafIndex: message.leafIndex,
    sender: message.sender,
    recipient: message.recipient,
    isAck: (message.flags & MessageFlags.isAck) !== 0,
    ackRequested: (message.flags & MessageFlags.ackRequested) !== 0,
    stage: message.stage,
    status: STATUS_NAMES[message.status] ?? 'none',
    reason: message.reason,
    attempts: message.attempts,
    sentAt: message.sentAt.toISOString(),
    finalizedAt: message.finalizedAt?.toISOString() ?? null,
    deliveredAt: message.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: message.nextAttemptAt?.toISOString() ?? null,
    originTransactionHash: message.originTransactionHash,
    transactionHash: message.transactionHash,
  }
}

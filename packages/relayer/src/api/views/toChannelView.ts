import type { z } from '@hono/zod-openapi'
import type { ChannelSummary } from '../../store/queryTypes.js'
import type { Channel } from '../schemas/channels.js'

/**
 * A channel summary from the store as the API shows it.
 *
 * @example
 * ```ts
 * const items = (await store.listChannels({ limit: 50 })).map(toChannelView)
 * ```
 */
export function toChannelView(channel: ChannelSummary): z.infer<typeof Channel> {
  const { blockedBy, lease } = channel
  return {
    channel: channel.channel,
    origin: channel.origin,
    destination: channel.destination,
    sender: channel.sender ?? null,
    recipient: channel.recipient ?? null,
    kind: channel.isAck ? 'ack' : 'message',
    highestSentNonce: channel.highestSentNonce?.toString() ?? null,
    highestDeliveredNonce: channel.highestDeliveredNonce?.toString() ?? null,
    undelivered: channel.undelivered,
    blockedBy: blockedBy
      ? {
          id: blockedBy.id,
          nonce: blockedBy.nonce.toString(),
          stage: blockedBy.stage,
          reason: blockedBy.reason,
          detail: blockedBy.detail ?? null,
          nextAttemptAt: blockedBy.nextAttemptAt?.toISOString() ?? null,
        }
      : null,
    lease: lease ? { owner: lease.owner, until: lease.until.toISOString() } : null,
  }
}

import { z } from '@hono/zod-openapi'
import {
  cursorParam,
  Decimal,
  Domain,
  domainParam,
  Hex32,
  hex32Param,
  limitParam,
  page,
  Reason,
  Stage,
  Timestamp,
} from './common.js'

/** `GET /v1/channels` query. */
export const ListChannelsQuery = z.strictObject({
  origin: domainParam('Origin domain.').optional(),
  destination: domainParam('Destination domain.').optional(),
  cursor: cursorParam,
  limit: limitParam,
})

/** `GET /v1/channels/{channel}` path. */
export const ChannelParams = z.object({
  channel: hex32Param('Channel key: keccak256(origin | sender | destination | recipient | kind).'),
})

/** One channel, its nonces and what blocks it. */
export const Channel = z
  .object({
    channel: Hex32,
    origin: Domain,
    destination: Domain,
    sender: Hex32.nullable(),
    recipient: Hex32.nullable(),
    kind: z.enum(['message', 'ack']),
    highestSentNonce: Decimal.nullable().openapi({
      description: 'Highest nonce indexed on the origin (not orphaned).',
    }),
    highestDeliveredNonce: Decimal.nullable().openapi({
      description: 'Highest nonce with a destination status (Executed, Failed or TimedOut).',
    }),
    undelivered: z.number().int().min(0).openapi({ description: 'Messages not final yet.' }),
    blockedBy: z
      .object({
        id: Hex32,
        nonce: Decimal,
        stage: Stage,
        reason: Reason,
        detail: z.string().nullable(),
        nextAttemptAt: Timestamp.nullable(),
      })
      .nullable()
      .openapi({
        description:
          'The lowest message not yet delivered: the destination takes nonces in order, so the rest of the channel waits for it.',
      }),
    lease: z.object({ owner: z.string(), until: Timestamp }).nullable(),
  })
  .openapi('Channel')

/** `GET /v1/channels`. */
export const ChannelPage = page(Channel).openapi('ChannelPage')

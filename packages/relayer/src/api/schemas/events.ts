import { z } from '@hono/zod-openapi'
import {
  Decimal,
  Domain,
  EventType,
  Hex32,
  hex32Param,
  Reason,
  Stage,
  StatusName,
  Timestamp,
} from './common.js'

/** `GET /v1/events` query: all events, or one message's or channel's. */
export const EventsQuery = z.strictObject({
  messageId: hex32Param('Only this message’s events.').optional(),
  channel: hex32Param('Only this channel’s events.').optional(),
})

/** One lifecycle event, the `data:` of each SSE event (its `event:` is the type, `id:` the seq). */
export const LifecycleEventSchema = z
  .object({
    type: EventType,
    seq: z.number().int().min(1),
    messageId: Hex32,
    channel: Hex32,
    origin: Domain,
    destination: Domain,
    nonce: Decimal,
    stage: Stage,
    reason: Reason,
    detail: z.string().optional(),
    at: Timestamp,
    sentAt: Timestamp,
    transactionHash: z.string().optional(),
    status: StatusName.optional(),
    nextAttemptAt: Timestamp.optional(),
  })
  .openapi('LifecycleEvent')

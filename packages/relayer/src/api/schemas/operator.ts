import { z } from '@hono/zod-openapi'
import { Hex32, integerParam, limitParam, Timestamp } from './common.js'

/** The security scheme every route that takes an API key names. */
export const BEARER_SCHEME = 'apiKey'

/** `Idempotency-Key`: the same value from the same API key gets the first answer again. */
export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,128}$/, { error: 'must be 1 to 128 printable ASCII characters' })
    .optional()
    .openapi({
      description:
        'Makes the request safe to send again: the same key (per API key) returns the first answer and acts once.',
    }),
})

/** An operator action the API accepted: what the audit log recorded for it. */
export const OperatorAction = z
  .object({
    auditId: z.number().int(),
    action: z.string(),
    target: z.string(),
    at: Timestamp,
    replayed: z.boolean().openapi({
      description:
        'True when this answers an `Idempotency-Key` seen before: nothing was done again.',
    }),
  })
  .openapi('OperatorAction')

export const RetryAccepted = OperatorAction.extend({ messageId: Hex32 }).openapi('RetryAccepted')

export const AuditEntry = z
  .object({
    id: z.number().int(),
    keyId: z.number().int(),
    keyName: z.string(),
    action: z.string(),
    target: z.string(),
    request: z.unknown(),
    at: Timestamp,
  })
  .openapi('AuditEntry')

export const AuditLogQuery = z.object({
  limit: limitParam.optional(),
  before: integerParam(
    1,
    2_147_483_647,
    'Entries older than this entry id (the last id of the page before).',
  ).optional(),
})

export const AuditLogPage = z
  .object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() })
  .openapi('AuditLogPage')

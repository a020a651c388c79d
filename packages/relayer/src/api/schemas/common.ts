// Field schemas the API's routes share. Request fields validate (and normalise) what a client
// sends; the OpenAPI document is generated from these same schemas.
import { z } from '@hono/zod-openapi'
import type { Hex } from 'viem'
import { LIFECYCLE_EVENT_TYPES, STATUS_NAMES } from '../../events/types.js'
import type { MessageStage, ReasonCode } from '../../store/types.js'

const HEX32 = /^0x[0-9a-fA-F]{64}$/
const U32_MAX = 0xffff_ffff

/**
 * 0x + 64 hex (an id, a hash, a channel key), any case in; lower case out.
 *
 * @example
 * ```ts
 * z.object({ id: hex32Param('Message id.') })
 * ```
 */
export const hex32Param = (what: string) =>
  z
    .string()
    .regex(HEX32, { error: `must be 0x followed by 64 hex digits (${what})` })
    // CAST: the regex above proved it is 0x-prefixed hex
    .transform((value) => value.toLowerCase() as Hex)
    .openapi({ type: 'string', pattern: HEX32.source, description: what })

/**
 * A whole number in `[min, max]`, written in decimal digits only (no sign, exponent or spaces);
 * documented as an OpenAPI integer.
 *
 * @example
 * ```ts
 * integerParam(1, 200, 'Items per page.').parse('50') // 50
 * ```
 */
export const integerParam = (min: number, max: number, description: string) =>
  z
    .string()
    .regex(/^\d{1,10}$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    )
    .openapi({ type: 'integer', minimum: min, maximum: max, description })

/**
 * A domain: a u32 (PROTOCOL §1).
 *
 * @example
 * ```ts
 * domainParam('Origin domain.').parse('31337') // 31337
 * ```
 */
export const domainParam = (description: string) => integerParam(0, U32_MAX, description)

/**
 * An address on some chain: bytes32 (PROTOCOL §2) or a 20-byte EVM address, which is taken as
 * its left-padded bytes32. Lower-case bytes32 out.
 *
 * @example
 * ```ts
 * addressParam('Sender.').parse('0x00000000000000000000000000000000000000A1') // '0x0000…00a1'
 * ```
 */
export const addressParam = (description: string) =>
  z
    .string()
    .regex(/^0x(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/, {
      error: 'must be a bytes32 (0x + 64 hex) or a 20-byte EVM address (0x + 40 hex)',
    })
    // CAST: the regex above proved it is 0x-prefixed hex; padding keeps it hex
    .transform((value) => `0x${value.slice(2).toLowerCase().padStart(64, '0')}` as Hex)
    .openapi({
      type: 'string',
      pattern: '^0x([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$',
      description,
    })

/** Page size: default 50, at most 200. */
export const LIMIT_DEFAULT = 50
/** Largest page size. */
export const LIMIT_MAX = 200
/** `limit`: items per page, 1 to `LIMIT_MAX`, default `LIMIT_DEFAULT`. */
export const limitParam = integerParam(1, LIMIT_MAX, 'Items per page.')
  .optional()
  .openapi({ default: LIMIT_DEFAULT })

/** An opaque page cursor, as a previous page's `nextCursor` gave it. */
export const cursorParam = z
  .string()
  .max(512)
  .optional()
  .openapi({ description: "Opaque: the previous page's `nextCursor`." })

// -- response fields ---------------------------------------------------------------------------

/** 0x + 64 lower-case hex. */
export const Hex32 = z.string().regex(/^0x[0-9a-f]{64}$/)
/** Any 0x hex. */
export const HexString = z.string().regex(/^0x[0-9a-f]*$/)
/** A u64 or uint256 as a decimal string (JSON numbers lose precision past 2^53). */
export const Decimal = z.string().regex(/^\d+$/)
/** A u32 domain in an answer. */
export const Domain = z.number().int().min(0).max(U32_MAX)
/** An ISO 8601 UTC time in an answer. */
export const Timestamp = z.iso.datetime()

/** Every relayer stage (`MessageStage`). */
export const STAGES = [
  'pending',
  'ready',
  'submitted',
  'failed',
  'done',
  'orphaned',
] as const satisfies readonly MessageStage[]
export const Stage = z.enum(STAGES).openapi('Stage', {
  description:
    'pending: not final on the origin; ready: waiting to be delivered; submitted: a delivery is in flight; failed: delivered, handler failed, retry scheduled (or, reason retries_exhausted, no more retries by this relayer); done: Executed or TimedOut; orphaned: a reorg removed it.',
})
export const StatusName = z.enum(STATUS_NAMES).openapi('Status', {
  description: 'Destination status (PROTOCOL §7).',
})

const REASONS = [
  'indexed',
  'waiting_finality',
  'waiting_signatures',
  'waiting_channel_order',
  'underpaid',
  'gas_estimate_reverted',
  'tx_reverted',
  'rpc_error',
  'nonce_conflict',
  'gas_price_above_cap',
  'internal_error',
  'delivered',
  'delivered_by_other',
  'retry_scheduled',
  'retries_exhausted',
  'retried',
  'timed_out',
  'orphaned',
  'submitting',
  'resumed_after_restart',
  'fee_added',
] as const satisfies readonly ReasonCode[]
// Every reason code, and no other: adding one to the store's type must add it here.
type MissingReason = Exclude<ReasonCode, (typeof REASONS)[number]>
const everyReason: [MissingReason] extends [never] ? true : MissingReason = true
void everyReason
export const Reason = z.enum(REASONS).openapi('Reason', {
  description: "Why a message is where it is (the attempt log's reason code).",
})

/** A lifecycle event type. */
export const EventType = z.enum(LIFECYCLE_EVENT_TYPES).openapi('EventType')

/**
 * `{ error: { code, message, details? } }`: every 4xx and 5xx answer.
 *
 * @example
 * ```ts
 * ErrorBody.parse({ error: { code: 'not_found', message: 'No message 0x….' } })
 * ```
 */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_parameter' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error')

/**
 * A page of `item`s; `nextCursor` is null on the last page.
 *
 * @example
 * ```ts
 * const MessagePage = page(MessageSummary).openapi('MessagePage')
 * ```
 */
export const page = <item extends z.ZodType>(item: item) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() })

import type { Hex } from 'viem'
import type { MessageStage, ReasonCode } from '../store/types.js'

/**
 * What happened to a message, as the lifecycle bus tells it:
 * - `indexed`: the relayer saw it sent on the origin (`transactionHash` is the origin's);
 * - `finalized`: its origin block is final; it is `ready`;
 * - `orphaned`: a reorg removed its origin block;
 * - `waiting`: it waits, and why changed (`reason`: signatures, channel order, underpaid, …);
 * - `submitted`: a delivery transaction is about to be sent;
 * - `delivered`: final on the destination with status Executed (`transactionHash`, `status`);
 * - `failed`: delivered, but its handler failed; a retry (or timeout) is scheduled;
 * - `retry_scheduled`: an attempt did not land (RPC error, revert); it will be tried again;
 * - `timed_out`: final on the destination with status TimedOut;
 * - `fee_added`: a fee top-up for it was indexed on its origin (`transactionHash` is the origin's,
 *   `detail` the amount and the new total).
 */
export type LifecycleEventType =
  | 'indexed'
  | 'finalized'
  | 'orphaned'
  | 'waiting'
  | 'submitted'
  | 'delivered'
  | 'failed'
  | 'retry_scheduled'
  | 'timed_out'
  | 'fee_added'

/** Every lifecycle event type, in lifecycle order (API schemas and filters list them). */
export const LIFECYCLE_EVENT_TYPES = [
  'indexed',
  'finalized',
  'orphaned',
  'waiting',
  'submitted',
  'delivered',
  'failed',
  'retry_scheduled',
  'timed_out',
  'fee_added',
] as const satisfies readonly LifecycleEventType[]

/** A destination status by name (PROTOCOL §7: 0 None, 1 Executed, 2 Failed, 3 TimedOut). */
export type MessageStatusName = 'none' | 'executed' | 'failed' | 'timed_out'

/** Status names indexed by status number. */
export const STATUS_NAMES = [
  'none',
  'executed',
  'failed',
  'timed_out',
] as const satisfies readonly MessageStatusName[]

/**
 * One lifecycle event, tagged by `type`. Plain JSON values (strings for u64s and times), so the
 * same object goes to in-process listeners and, as it is, onto the SSE stream.
 *
 * @example
 * ```ts
 * const event: LifecycleEvent = {
 *   seq: 7, type: 'delivered', messageId, channel, origin: 31337, destination: 31338, nonce: '1',
 *   stage: 'done', reason: 'delivered', status: 'executed', transactionHash,
 *   at: '2026-01-01T00:00:05.000Z', sentAt: '2026-01-01T00:00:00.000Z',
 * }
 * ```
 */
export type LifecycleEvent = {
  type: LifecycleEventType
  /** Position on the bus, increasing by one per event from 1 (the SSE `id:`). */
  seq: number
  messageId: Hex
  channel: Hex
  origin: number
  destination: number
  /** u64, as a decimal string. */
  nonce: string
  /** The message's stage after the event. */
  stage: MessageStage
  /** The reason code the store recorded. */
  reason: ReasonCode
  detail?: string
  /** ISO time of the event. */
  at: string
  /** ISO time the relayer indexed the message (delivery latency starts here). */
  sentAt: string
  /** `indexed`: the origin transaction; delivery events: the destination transaction. */
  transactionHash?: string
  /** Delivery events: the destination status. */
  status?: MessageStatusName
  /** `failed`, `retry_scheduled`, `waiting`: when the relayer tries again, if scheduled. */
  nextAttemptAt?: string
}

/** An event before the bus numbers it. */
export type NewLifecycleEvent = Omit<LifecycleEvent, 'seq'>

/** Which events a subscriber wants: all, one message's, or one channel's. */
export type LifecycleEventFilter = { messageId?: Hex | undefined; channel?: Hex | undefined }

import { MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { ApiResponse } from '../api/callApi.js'
import type { ApiLifecycleEvent } from '../api/streamEvents.js'
import type { RecoveryHint } from '../errors/FerryError.js'
import type { components } from '../generated/openapi.js'

/** The relayer API's view of one message (`GET /v1/messages/{id}`). */
export type ApiMessageDetail = ApiResponse<'/v1/messages/{id}'>

/** What every state carries: the message and its route, and what can be done about it. */
type MessageStateBase = {
  id: Hex
  /** Origin domain. */
  origin: number
  /** Destination domain. */
  destination: number
  /** What the caller can do now, when something helps more than waiting. */
  recovery?: RecoveryHint | undefined
}

/**
 * Where one message is, for its user: one state, telling "not yet" from "never".
 * - `not_found`: no chain of the client (nor the API) knows it: a wrong id, or not sent yet;
 * - `pending_finality`: sent; its origin block is not final (validators sign final blocks only);
 * - `waiting_signatures`: final; a threshold of validators has not signed a checkpoint covering it;
 * - `underpaid`: the relayer will not deliver it for its fee; `missing` more would do (the API's
 *   `underpaid.missing`; undefined from a relayer that does not say), `addFee` it or self-relay;
 * - `in_flight`: provable; a delivery is due or under way (`reason` says what the relayer is at;
 *   `blockedBy` names the earlier message of its channel it waits for, when the relayer holds it
 *   for channel order: `relayMessage` delivers both);
 * - `executed`: delivered, its handler returned `result` (final);
 * - `failed`: delivered, its handler reverted with `result`; `retryable` while its deadline has
 *   not passed (anyone may `retryMessage` it, with more gas);
 * - `timed_out`: its deadline passed before it executed (final);
 * - `retries_exhausted`: failed, and the relayer gave up retrying: retry it yourself;
 * - `orphaned`: a reorg removed the block it was sent in: it was never sent, send it again;
 * - `unknown`: the relayer gave a reason this SDK does not know (a newer relayer): see `reason`.
 */
export type MessageState =
  | { type: 'not_found'; id: Hex; recovery?: undefined }
  | (MessageStateBase & { type: 'pending_finality' })
  | (MessageStateBase & { type: 'waiting_signatures'; detail?: string | undefined })
  | (MessageStateBase & { type: 'underpaid'; missing: bigint | undefined })
  | (MessageStateBase & {
      type: 'in_flight'
      reason: string | undefined
      /** The first undelivered message before it in its channel, when that is what it waits for. */
      blockedBy?: { id: Hex; nonce: bigint } | undefined
    })
  | (MessageStateBase & { type: 'executed'; result: Hex | undefined })
  | (MessageStateBase & {
      type: 'failed'
      /** Why, as the relayer or the destination reported it (a `failureReasons` name, or a relayer reason code). */
      reason: string | undefined
      result: Hex | undefined
      retryable: boolean
    })
  | (MessageStateBase & { type: 'timed_out'; result: Hex | undefined })
  | (MessageStateBase & { type: 'retries_exhausted'; result: Hex | undefined })
  | (MessageStateBase & { type: 'orphaned' })
  | (MessageStateBase & { type: 'unknown'; reason: string; detail: string | undefined })

/** A `MessageState`'s `type`. */
export type MessageStateType = MessageState['type']

export type ToMessageStateParameters = {
  id: Hex
  /** From the chains: the message's route, its deadline and gas limit; undefined when not found. */
  sent: { origin: number; destination: number; deadline: bigint; gasLimit: number } | undefined
  /** `messageStatus` on the destination (the truth); undefined when not read. */
  status: MessageStatus | undefined
  /** The handler's result from the destination's events, where the API gives none. */
  result?: Hex | undefined
  /** The relayer API's detail, when there is an API and it knows the message. */
  detail?: ApiMessageDetail | undefined
  /**
   * Without a detail: the relayer's lifecycle event about it (the API's event stream), whose
   * stage, reason and, for a delivery, destination status stand in for the detail's.
   */
  event?: ApiLifecycleEvent | undefined
  /**
   * Without an API: the highest leaf a threshold of the origin's validators has signed, and the
   * message's leaf; undefined when the client has no validators for the origin.
   */
  signatures?: { signedIndex: number | undefined; leafIndex: number } | undefined
  /** Unix seconds, to judge a deadline. */
  now: bigint
}

/**
 * What each relayer reason code (the generated `Reason` enum) means for a message that is not
 * delivered: a state of its own, or `in_flight` (the relayer is on it). Keyed by every reason,
 * so a reason added to the API fails to compile here until it is placed.
 */
type ReasonState = Extract<
  MessageStateType,
  | 'in_flight'
  | 'pending_finality'
  | 'waiting_signatures'
  | 'underpaid'
  | 'retries_exhausted'
  | 'orphaned'
>

const REASON_STATES = {
  indexed: 'in_flight',
  waiting_finality: 'pending_finality',
  waiting_signatures: 'waiting_signatures',
  waiting_channel_order: 'in_flight',
  underpaid: 'underpaid',
  gas_estimate_reverted: 'in_flight',
  tx_reverted: 'in_flight',
  rpc_error: 'in_flight',
  nonce_conflict: 'in_flight',
  gas_price_above_cap: 'in_flight',
  internal_error: 'in_flight',
  delivered: 'in_flight',
  delivered_by_other: 'in_flight',
  retry_scheduled: 'in_flight',
  retries_exhausted: 'retries_exhausted',
  retried: 'in_flight',
  timed_out: 'in_flight',
  orphaned: 'orphaned',
  submitting: 'in_flight',
  resumed_after_restart: 'in_flight',
  fee_added: 'in_flight',
} as const satisfies Record<components['schemas']['Reason'], ReasonState>

const STATUS_BY_NAME = {
  none: MessageStatus.None,
  executed: MessageStatus.Executed,
  failed: MessageStatus.Failed,
  timed_out: MessageStatus.TimedOut,
} as const satisfies Record<components['schemas']['Status'], MessageStatus>

/**
 * Maps what the chains say (the truth: sent or not, the destination's status) and what the
 * relayer API says (the why: stage, reason, detail) to one `MessageState`. The destination's
 * status always wins: a relayer that lags cannot make a delivered message look pending. Pure:
 * `getMessage` gathers its inputs.
 *
 * @example
 * const state = toMessageState({ id, sent, status: MessageStatus.None, detail, now: 1_700_000_000n })
 */
export function toMessageState({
  id,
  sent,
  status: chainStatus,
  result: chainResult,
  detail,
  event,
  signatures,
  now,
}: ToMessageStateParameters): MessageState {
  if (!sent) return { type: 'not_found', id }
  let status = chainStatus
  const base = { id, origin: sent.origin, destination: sent.destination }
  // CAST: the API's hex strings
  const result = ((detail?.result ?? undefined) as Hex | undefined) ?? chainResult
  if (status === undefined && event?.status !== undefined) status = STATUS_BY_NAME[event.status]
  const relayer = detail
    ? {
        stage: detail.stage,
        reason: detail.reason,
        why: detail.lifecycle.attempts.at(-1)?.detail ?? undefined,
      }
    : event && { stage: event.stage, reason: event.reason, why: event.detail }
  const deadlinePassed = sent.deadline !== 0n && now > sent.deadline
  if (status === MessageStatus.Executed) return { ...base, type: 'executed', result }
  if (status === MessageStatus.TimedOut) return { ...base, type: 'timed_out', result }
  if (status === MessageStatus.Failed) {
    if (deadlinePassed)
      return {
        ...base,
        type: 'failed',
        reason: relayer?.reason,
        result,
        retryable: false,
        recovery: { action: 'timeoutMessage' },
      }
    const recovery: RecoveryHint = { action: 'retryMessage', gasLimit: sent.gasLimit * 2 }
    if (relayer?.reason === 'retries_exhausted')
      return { ...base, type: 'retries_exhausted', result, recovery }
    return { ...base, type: 'failed', reason: relayer?.reason, result, retryable: true, recovery }
  }
  // Not delivered: the relayer says why, or the validators say how far they have signed.
  if (relayer) {
    const { stage, reason, why } = relayer
    // CAST: a reason the generated enum does not list (a newer relayer) reads as undefined
    const byReason = (REASON_STATES as Record<string, ReasonState | undefined>)[reason]
    const meaning =
      stage === 'orphaned' ? 'orphaned' : stage === 'pending' ? 'pending_finality' : byReason
    switch (meaning) {
      case 'orphaned':
        return { ...base, type: 'orphaned' }
      case 'pending_finality':
        return { ...base, type: 'pending_finality', recovery: { action: 'wait', until: 'final' } }
      case 'waiting_signatures':
        return {
          ...base,
          type: 'waiting_signatures',
          detail: why,
          recovery: { action: 'wait', until: 'signed' },
        }
      case 'underpaid': {
        // Older relayers, and lifecycle events, carry no shortfall: delivering it yourself is
        // then the one way out the SDK can name.
        const shortfall = detail?.underpaid ?? undefined
        const missing = shortfall ? BigInt(shortfall.missing) : undefined
        return {
          ...base,
          type: 'underpaid',
          missing,
          recovery:
            missing === undefined
              ? { action: 'relayMessage' }
              : missing > 0n
                ? { action: 'addFee', amount: missing }
                : // A top-up already covered it; the relayer takes it up on its next pass.
                  { action: 'wait', until: 'delivered' },
        }
      }
      case 'retries_exhausted':
        return { ...base, type: 'retries_exhausted', result, recovery: { action: 'relayMessage' } }
      case 'in_flight':
        return { ...base, type: 'in_flight', reason }
      case undefined:
        return { ...base, type: 'unknown', reason, detail: why }
    }
  }
  if (
    signatures &&
    (signatures.signedIndex === undefined || signatures.signedIndex < signatures.leafIndex)
  )
    return { ...base, type: 'waiting_signatures', recovery: { action: 'wait', until: 'signed' } }
  // Provable (or no validators to ask) and not delivered: with no relayer to say it is on it,
  // delivering it yourself is what helps.
  return { ...base, type: 'in_flight', reason: undefined, recovery: { action: 'relayMessage' } }
}

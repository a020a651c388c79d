import { failureReasons, MessageStatus } from '@ferry/protocol'
import { type MessageState, toMessageState } from '@ferry/sdk'
import type { Channel, MessageDetail, Status } from '../api/types.ts'
import { decodeResult } from './decodeResult.ts'
import { reasonWords } from './reasonWords.ts'

/** What can be done about a message from the page. */
export type WaitAction = 'addFee' | 'relayMessage' | 'retryMessage' | 'timeoutMessage'

/** The "why it waits" panel: the cause in one sentence, and the action that fixes it. */
export type WhyItWaits = {
  /** The SDK's state (`toMessageState`), whose `type` names the cause. */
  state: MessageState
  /** One sentence, for people. */
  sentence: string
  /** Whether the message will not change by itself any more. */
  final: boolean
  /** The action that helps, when acting helps more than waiting. */
  action: WaitAction | undefined
}

export type WhyItWaitsParameters = {
  detail: MessageDetail
  /** Domain → chain name. */
  chainName: (domain: number) => string
  /** The origin's finalized block (`/v1/chains`), for "N blocks to go". */
  originFinalizedBlock?: bigint | undefined
  /** The origin's validator threshold (`/v1/validators`), for "k of threshold". */
  threshold?: number | undefined
  /** The message's channel (`/v1/channels/{channel}`), for "blocked by message X". */
  channel?: Channel | undefined
  /** Unix seconds. */
  now: bigint
}

const STATUS: Record<Status, MessageStatus> = {
  none: MessageStatus.None,
  executed: MessageStatus.Executed,
  failed: MessageStatus.Failed,
  timed_out: MessageStatus.TimedOut,
}

/**
 * Names why a message is where it is, in one sentence, and the action that fixes it: the SDK's
 * `toMessageState` decides the state (the same one `getMessage` gives a dApp); this adds the
 * numbers the API knows (blocks to go, signatures so far, the shortfall, the blocking message).
 *
 * @example
 * const why = whyItWaits({ detail, chainName: (d) => names.get(d) ?? String(d), now })
 * why.sentence // 'Underpaid: the relayer asks 0.99 ETH more of it on evm-a.'
 */
export function whyItWaits({
  detail,
  chainName,
  originFinalizedBlock,
  threshold,
  channel,
  now,
}: WhyItWaitsParameters): WhyItWaits {
  const decoded = detail.decoded
  const state = toMessageState({
    // CAST: the API's ids are 0x + 64 hex (its schema's pattern).
    id: detail.id as `0x${string}`,
    sent: {
      origin: detail.origin,
      destination: detail.destination,
      deadline: BigInt(decoded?.deadline ?? '0'),
      gasLimit: decoded?.gasLimit ?? 0,
    },
    status: detail.status === 'none' ? undefined : STATUS[detail.status],
    detail,
    now,
  })
  const origin = chainName(detail.origin)
  const destination = chainName(detail.destination)
  const lastAttempt = detail.lifecycle.attempts.at(-1)
  const result = detail.result ?? detail.lifecycle.delivered?.result ?? null
  const blockedBy = channel?.blockedBy
  const make = (sentence: string, final: boolean, action?: WaitAction): WhyItWaits => ({
    state,
    sentence,
    final,
    action,
  })
  switch (state.type) {
    case 'executed':
      return make(`Delivered: executed on ${destination}.`, true)
    case 'timed_out':
      return make(`Timed out: its deadline passed before it executed on ${destination}.`, true)
    case 'orphaned':
      return make(
        `Orphaned: a reorg on ${origin} removed the block it was sent in; send it again.`,
        true,
      )
    case 'pending_finality': {
      const sentBlock = BigInt(detail.lifecycle.sent.blockNumber)
      const toGo =
        originFinalizedBlock === undefined
          ? undefined
          : sentBlock > originFinalizedBlock
            ? sentBlock - originFinalizedBlock
            : 0n
      return make(
        toGo === undefined
          ? `Waiting for finality on ${origin}.`
          : `Waiting for finality on ${origin}: ${toGo} block${toGo === 1n ? '' : 's'} to go.`,
        false,
      )
    }
    case 'waiting_signatures': {
      const signed = detail.lifecycle.checkpoint.signers.length
      return make(
        threshold === undefined
          ? `Waiting for signatures: ${signed} validator${signed === 1 ? '' : 's'} of ${origin} signed so far.`
          : `Waiting for signatures: ${signed} of ${threshold} validators of ${origin} signed.`,
        false,
      )
    }
    case 'underpaid':
      return state.missing === undefined || state.missing > 0n
        ? make(
            state.missing === undefined
              ? `Underpaid: the relayer will not deliver it for the fee it paid; deliver it yourself.`
              : `Underpaid: the relayer asks ${state.missing} more (base units of ${origin}'s native token).`,
            false,
            state.missing === undefined ? 'relayMessage' : 'addFee',
          )
        : make(
            'Underpaid, now covered by a top-up: the relayer takes it up on its next pass.',
            false,
          )
    case 'failed': {
      const why = `Failed on ${destination}: ${describeFailure(result, lastAttempt?.detail ?? null)}`
      if (!state.retryable)
        return make(`${why}; its deadline has passed: time it out.`, false, 'timeoutMessage')
      const next = detail.nextAttemptAt
      return make(
        next ? `${why}; the relayer retries at ${next}.` : `${why}; retry it with more gas.`,
        false,
        'retryMessage',
      )
    }
    case 'retries_exhausted':
      return make(
        `Retries exhausted: ${describeFailure(result, lastAttempt?.detail ?? null)}; the relayer stopped retrying. Retry it yourself with more gas.`,
        false,
        detail.status === 'failed' ? 'retryMessage' : 'relayMessage',
      )
    case 'in_flight': {
      if (detail.reason === 'waiting_channel_order' && blockedBy && blockedBy.id !== detail.id)
        return make(
          `Channel blocked by message ${blockedBy.id} (nonce ${blockedBy.nonce}): ${reasonWords(blockedBy.reason)}.`,
          false,
        )
      return make(`In flight: ${reasonWords(detail.reason)}.`, false)
    }
    case 'not_found':
      return make('Not found on any chain.', true)
    case 'unknown':
      return make(`The relayer says "${state.reason}", which this explorer does not know.`, false)
  }
}

/** A failure in words: the decoded revert, or the relayer's failure reason. */
function describeFailure(result: string | null, detail: string | null): string {
  const reason =
    detail !== null && detail in failureReasons
      ? failureReasons[detail as keyof typeof failureReasons].description // CAST: checked by `in`.
      : undefined
  if (result !== null && result !== '0x') return `the handler reverted with ${decodeResult(result)}`
  return reason ?? detail ?? 'the handler reverted'
}

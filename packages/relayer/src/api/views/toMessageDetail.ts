import {
  BaseError,
  decodeAckBody,
  decodeMessage,
  type Message,
  MessageFlags,
} from '@ferry/protocol'
import type { z } from '@hono/zod-openapi'
import { feeShortfall } from '../../core/relayer/feeShortfall.js'
import { STATUS_NAMES } from '../../events/types.js'
import type { SignedCheckpointRow, StoredAttempt, StoredMessage } from '../../store/types.js'
import type { MessageDetail } from '../schemas/messages.js'
import { toMessageSummary } from './toMessageSummary.js'

export type MessageDetailSources = {
  message: StoredMessage
  attempts: readonly StoredAttempt[]
  signers: readonly SignedCheckpointRow[]
  /** Acks whose body names this message, newest first. */
  acks: readonly StoredMessage[]
  /**
   * The relayer's minimum fee for the message's origin (`RelayerPolicy.minimumFee`); undefined
   * when its policy asks none there (the detail then has no `underpaid`).
   */
  minimumFee?: bigint | undefined
}

/**
 * A stored message with its decoded fields and lifecycle: sent, finalized, the validators known
 * to have signed a checkpoint covering it, every attempt, the delivery, and its ack (or, for an
 * ack, what it acknowledges). While it waits as `underpaid`, what the fee policy asks and what
 * is missing, as numbers (`feeShortfall`), so that clients never parse the attempt's detail.
 *
 * @example
 * ```ts
 * const detail = toMessageDetail({ message, attempts, signers, acks })
 * ```
 */
export function toMessageDetail({
  message,
  attempts,
  signers,
  acks,
  minimumFee,
}: MessageDetailSources): z.infer<typeof MessageDetail> {
  const summary = toMessageSummary(message)
  let decoded: Message | undefined
  let decodeError: string | null = null
  try {
    decoded = decodeMessage(message.encoded)
  } catch (error) {
    decodeError = error instanceof BaseError ? error.shortMessage : String(error)
  }
  const ack = acks.find((candidate) => candidate.stage !== 'orphaned') ?? acks[0]
  return {
    ...summary,
    encoded: message.encoded,
    feePaid: message.feePaid.toString(),
    feeAdded: message.feeAdded.toString(),
    underpaid:
      message.reason === 'underpaid' && minimumFee !== undefined
        ? {
            required: minimumFee.toString(),
            missing: feeShortfall({ feePaid: message.feePaid, minimumFee }).toString(),
          }
        : null,
    result: message.result,
    decoded: decoded
      ? {
          version: decoded.version,
          flags: decoded.flags,
          deadline: decoded.deadline.toString(),
          gasLimit: decoded.gasLimit,
          ackGasLimit: decoded.ackGasLimit,
          body: decoded.body,
        }
      : null,
    decodeError,
    lifecycle: {
      sent: {
        at: summary.sentAt,
        blockNumber: message.originBlockNumber.toString(),
        blockHash: message.originBlockHash,
        transactionHash: message.originTransactionHash,
        leafIndex: message.leafIndex,
      },
      finalized: message.finalizedAt ? { at: message.finalizedAt.toISOString() } : null,
      checkpoint: {
        signers: signers.map(({ validator, index, root }) => ({ validator, index, root })),
      },
      attempts: attempts.map((attempt) => ({
        seq: attempt.seq.toString(),
        at: attempt.at.toISOString(),
        reason: attempt.reason,
        detail: attempt.detail ?? null,
        transactionHash: attempt.transactionHash ?? null,
      })),
      delivered:
        message.status === 0
          ? null
          : {
              at: summary.deliveredAt,
              status: summary.status,
              result: message.result,
              transactionHash: message.transactionHash,
            },
    },
    ack: ack
      ? {
          id: ack.id,
          stage: ack.stage,
          status: STATUS_NAMES[ack.status] ?? 'none',
          deliveredAt: ack.deliveredAt?.toISOString() ?? null,
        }
      : null,
    acknowledges: acknowledged(decoded),
  }
}

function acknowledged(decoded: Message | undefined): z.infer<typeof MessageDetail>['acknowledges'] {
  if (!decoded || (decoded.flags & MessageFlags.isAck) === 0) return null
  try {
    const { originalId, status, result } = decodeAckBody(decoded.body)
    return { originalId, status: STATUS_NAMES[status] ?? 'none', result }
  } catch {
    // decodeMessage already checked an ack's body length; a bad status byte lands here.
    return null
  }
}

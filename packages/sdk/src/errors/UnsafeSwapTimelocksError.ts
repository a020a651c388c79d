import { FerryError } from './FerryError.js'

/**
 * An atomic swap's timelocks leave the participant too little time (spec/apps/htlc.md §1): the
 * initiator's must exceed the participant's by at least both chains' finality plus a margin, or
 * the initiator could claim the participant's lock at its last moment and refund her own before
 * the revealed secret can reach her chain. Nothing was locked: lengthen the initiator's timelock
 * or shorten the participant's by `required - gap` seconds.
 *
 * @example
 * if (error instanceof UnsafeSwapTimelocksError) console.log(`${error.required - error.gap}s short`)
 */
export class UnsafeSwapTimelocksError extends FerryError {
  override name = 'UnsafeSwapTimelocksError'
  readonly code = 'unsafe_swap_timelocks'
  /** The initiator's timelock, unix seconds. */
  readonly initiatorTimelock: bigint
  /** The participant's timelock, unix seconds. */
  readonly participantTimelock: bigint
  /** `initiatorTimelock - participantTimelock`, seconds (negative when the order is wrong). */
  readonly gap: bigint
  /** The least gap: both chains' finality plus the margin, seconds. */
  readonly required: bigint
  constructor({
    initiatorTimelock,
    participantTimelock,
    required,
  }: {
    initiatorTimelock: bigint
    participantTimelock: bigint
    required: bigint
  }) {
    const gap = initiatorTimelock - participantTimelock
    super(
      `The initiator's timelock must exceed the participant's by at least ${required}s; it does by ${gap}s.`,
      {
        metaMessages: [
          `Lengthen the initiator's timelock or shorten the participant's by ${required - gap}s.`,
        ],
      },
    )
    this.initiatorTimelock = initiatorTimelock
    this.participantTimelock = participantTimelock
    this.gap = gap
    this.required = required
  }
}

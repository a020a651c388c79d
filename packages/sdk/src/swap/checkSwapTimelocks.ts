import { UnsafeSwapTimelocksError } from '../errors/UnsafeSwapTimelocksError.js'

/**
 * The default margin on top of both chains' finality between the two timelocks of a swap: 30
 * minutes for a relayer's delay, block-time drift and the participant's own claim by hand.
 */
export const DEFAULT_SWAP_TIMELOCK_MARGIN = 1_800

export type CheckSwapTimelocksParameters = {
  /** The initiator's lock's timelock (she draws the secret and locks first), unix seconds. */
  initiatorTimelock: bigint
  /** The participant's lock's timelock, unix seconds. */
  participantTimelock: bigint
  /**
   * Seconds until a block is final on the participant's chain: the initiator's claim there must
   * be final before validators sign it and before the participant acts on the secret.
   */
  participantChainFinality: number
  /** Seconds until a block is final on the initiator's chain: the participant's claim there must
   * be final before the initiator's refund window opens. */
  initiatorChainFinality: number
  /** Seconds on top of both finalities; `DEFAULT_SWAP_TIMELOCK_MARGIN` by default. */
  margin?: number | undefined
}
export type CheckSwapTimelocksReturnType = {
  /** `initiatorTimelock - participantTimelock`, seconds. */
  gap: bigint
  /** The least safe gap, seconds. */
  required: bigint
}
export type CheckSwapTimelocksErrorType = UnsafeSwapTimelocksError | RangeError

/**
 * Checks that a swap's timelocks are safe for the participant (spec/apps/htlc.md §1): the
 * initiator's timelock must exceed the participant's by both chains' finality plus a margin, so
 * that a secret revealed at the participant's last moment still reaches the initiator's chain,
 * by Ferry or by the participant's own claim, and is final there before the initiator can refund.
 * Throws `UnsafeSwapTimelocksError` otherwise, before anything is locked.
 *
 * @example
 * ```ts
 * import { checkSwapTimelocks } from '@ferry/sdk'
 *
 * checkSwapTimelocks({
 *   initiatorTimelock: now + 2n * 3600n,
 *   participantTimelock: now + 3600n,
 *   initiatorChainFinality: 15 * 60, // e.g. Ethereum: two epochs
 *   participantChainFinality: 6,     // e.g. a CometBFT chain: one block
 * })
 * ```
 */
export function checkSwapTimelocks({
  initiatorTimelock,
  participantTimelock,
  ...finality
}: CheckSwapTimelocksParameters): CheckSwapTimelocksReturnType {
  const required = getSwapTimelockGap(finality)
  const gap = initiatorTimelock - participantTimelock
  if (gap < required)
    throw new UnsafeSwapTimelocksError({ initiatorTimelock, participantTimelock, required })
  return { gap, required }
}

export type GetSwapTimelockGapParameters = Omit<
  CheckSwapTimelocksParameters,
  'initiatorTimelock' | 'participantTimelock'
>

/**
 * The least safe gap between a swap's timelocks, seconds: both chains' finality plus the margin
 * (`checkSwapTimelocks`); a `RangeError` names a value that is not whole seconds.
 *
 * @example
 * const gap = getSwapTimelockGap({ initiatorChainFinality: 900, participantChainFinality: 6 })
 */
export function getSwapTimelockGap({
  participantChainFinality,
  initiatorChainFinality,
  margin = DEFAULT_SWAP_TIMELOCK_MARGIN,
}: GetSwapTimelockGapParameters): bigint {
  for (const [name, value] of [
    ['participantChainFinality', participantChainFinality],
    ['initiatorChainFinality', initiatorChainFinality],
    ['margin', margin],
  ] as const)
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`\`${name}\` must be a whole number of seconds, not ${value}.`)
  return BigInt(participantChainFinality + initiatorChainFinality + margin)
}

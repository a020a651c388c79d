import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * `claimSwap` was called at or after the lock's timelock (spec/apps/htlc.md §6): the lock can no
 * longer be claimed, only refunded to its locker (`refundSwap`). Nothing was sent, so the
 * preimage was not revealed.
 *
 * @example
 * if (error instanceof SwapLockExpiredError) await refundSwap(client, { chain, lockId: error.lockId })
 */
export class SwapLockExpiredError extends FerryError {
  override name = 'SwapLockExpiredError'
  readonly code = 'swap_lock_expired'
  readonly chain: string
  readonly lockId: Hex
  /** The lock's timelock, unix seconds. */
  readonly timelock: bigint
  /** The chain's latest block time, unix seconds. */
  readonly blockTime: bigint
  constructor({
    chain,
    lockId,
    timelock,
    blockTime,
  }: {
    chain: string
    lockId: Hex
    timelock: bigint
    blockTime: bigint
  }) {
    super(
      `Lock ${lockId} on ${chain} expired at ${timelock} (block time ${blockTime}): it can only be refunded.`,
      { metaMessages: ['Its locker gets the amount back with refundSwap.'] },
    )
    this.chain = chain
    this.lockId = lockId
    this.timelock = timelock
    this.blockTime = blockTime
  }
}

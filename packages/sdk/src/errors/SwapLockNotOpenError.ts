import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * A swap action found its lock not Open (spec/apps/htlc.md §6): no such lock on the chain's HTLC
 * (`none`: a wrong id or chain, or the lock is not mined yet), or it is already `claimed` or
 * `refunded`, which are final. Nothing was sent.
 *
 * @example
 * if (error instanceof SwapLockNotOpenError && error.state === 'claimed') console.log('already claimed')
 */
export class SwapLockNotOpenError extends FerryError {
  override name = 'SwapLockNotOpenError'
  readonly code = 'swap_lock_not_open'
  readonly chain: string
  readonly lockId: Hex
  readonly state: 'none' | 'claimed' | 'refunded'
  constructor({
    chain,
    lockId,
    state,
  }: {
    chain: string
    lockId: Hex
    state: 'none' | 'claimed' | 'refunded'
  }) {
    super(
      state === 'none'
        ? `No lock ${lockId} on ${chain}'s HTLC.`
        : `Lock ${lockId} on ${chain} is already ${state}.`,
      {
        metaMessages: [
          state === 'none'
            ? 'Check the lock id and its chain, or wait until the lock is mined.'
            : 'Claimed and refunded are final: watchSwap shows both legs.',
        ],
      },
    )
    this.chain = chain
    this.lockId = lockId
    this.state = state
  }
}

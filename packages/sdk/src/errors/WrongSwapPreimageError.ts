import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * `claimSwap` was given a 32-byte preimage whose sha256 is not the lock's hashlock
 * (spec/apps/htlc.md §3); nothing was sent, so the preimage was not revealed either. Use the
 * swap's secret (`proposeSwap`'s `secret`), or the preimage the counterparty's claim revealed
 * (`watchSwap`).
 *
 * @example
 * if (error instanceof WrongSwapPreimageError) console.log(`expected sha256 ${error.hashlock}`)
 */
export class WrongSwapPreimageError extends FerryError {
  override name = 'WrongSwapPreimageError'
  readonly code = 'wrong_swap_preimage'
  readonly chain: string
  readonly lockId: Hex
  /** The lock's hashlock. */
  readonly hashlock: Hex
  /** sha256 of the preimage given. */
  readonly hash: Hex
  constructor({
    chain,
    lockId,
    hashlock,
    hash,
  }: {
    chain: string
    lockId: Hex
    hashlock: Hex
    hash: Hex
  }) {
    super(
      `The preimage's sha256 ${hash} is not lock ${lockId}'s hashlock ${hashlock} on ${chain}.`,
      {
        metaMessages: [
          'Use the swap’s secret, or the preimage the counterparty’s claim revealed (watchSwap).',
        ],
      },
    )
    this.chain = chain
    this.lockId = lockId
    this.hashlock = hashlock
    this.hash = hash
  }
}

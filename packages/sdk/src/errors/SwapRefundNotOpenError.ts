import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * `refundSwap` was called before the lock's timelock (spec/apps/htlc.md §6): the counterparty can
 * still claim it until then. Nothing was sent. Retryable once the chain's block time reaches the
 * timelock: `recovery` says when.
 *
 * @example
 * if (error instanceof SwapRefundNotOpenError) console.log(`refund opens at ${error.recovery?.until}`)
 */
export class SwapRefundNotOpenError extends FerryError {
  override name = 'SwapRefundNotOpenError'
  readonly code = 'swap_refund_not_open'
  readonly chain: string
  readonly lockId: Hex
  /** The lock's timelock, unix seconds: the refund opens at the first block at or after it. */
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
    const opens = new Date(Number(timelock) * 1000).toISOString()
    super(
      `Lock ${lockId} on ${chain} cannot be refunded before ${opens} (in ${timelock - blockTime}s).`,
      { retryable: true, recovery: { action: 'wait', until: opens } },
    )
    this.chain = chain
    this.lockId = lockId
    this.timelock = timelock
    this.blockTime = blockTime
  }
}

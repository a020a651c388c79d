import { FerryError } from './FerryError.js'

/**
 * `timeoutMessage` was called before the destination's latest block time passed the message's
 * deadline (PROTOCOL §7), or for a message without one (`deadline` 0); nothing was sent.
 * Retryable once the deadline has passed: `recovery` says until when to wait.
 *
 * @example
 * if (error instanceof DeadlineNotPassedError) console.log(`wait ${error.deadline - error.blockTime}s`)
 */
export class DeadlineNotPassedError extends FerryError {
  override name = 'DeadlineNotPassedError'
  readonly code = 'deadline_not_passed'
  /** The destination chain's name. */
  readonly chain: string
  /** The message's deadline, unix seconds by the destination's clock; 0n: none. */
  readonly deadline: bigint
  /** The destination's latest block time, unix seconds. */
  readonly blockTime: bigint
  constructor({
    chain,
    deadline,
    blockTime,
  }: {
    chain: string
    deadline: bigint
    blockTime: bigint
  }) {
    super(
      deadline === 0n
        ? 'The message has no deadline: it can never time out.'
        : `The message's deadline ${deadline} has not passed on ${chain} (block time ${blockTime}).`,
      deadline === 0n
        ? {}
        : {
            retryable: true,
            recovery: { action: 'wait', until: new Date(Number(deadline) * 1000).toISOString() },
          },
    )
    this.chain = chain
    this.deadline = deadline
    this.blockTime = blockTime
  }
}

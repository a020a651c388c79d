import { FerryError } from './FerryError.js'

/**
 * `send`'s quote is above the `maxFee` it was given; nothing was sent. Not retryable as is: the
 * fee config may come down, or send with `maxFee` at least `fee` (`recovery.action: 'payMore'`).
 *
 * @example
 * if (error instanceof MaxFeeExceededError) await send(client, { ...parameters, maxFee: error.fee })
 */
export class MaxFeeExceededError extends FerryError {
  override name = 'MaxFeeExceededError'
  readonly code = 'max_fee_exceeded'
  /** The origin chain's name. */
  readonly chain: string
  /** The quote, in the origin's native base units. */
  readonly fee: bigint
  readonly maxFee: bigint
  constructor({ chain, fee, maxFee }: { chain: string; fee: bigint; maxFee: bigint }) {
    super(`Sending from ${chain} costs ${fee}, above maxFee ${maxFee}.`, {
      recovery: { action: 'payMore', fee },
    })
    this.chain = chain
    this.fee = fee
    this.maxFee = maxFee
  }
}

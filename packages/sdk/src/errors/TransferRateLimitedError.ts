import { FerryError } from './FerryError.js'

/**
 * A token transfer is above what the origin bridge's outbound rate limit lets leave now
 * (TOKEN §5): refused on the origin, so no message exists and nothing is stuck. Retryable: the
 * bucket refills over time; or send at most `available` now (`recovery.action: 'lowerAmount'`).
 *
 * @example
 * if (error instanceof TransferRateLimitedError && error.available > 0n)
 *   await transferToken(client, { ...parameters, amount: error.available })
 */
export class TransferRateLimitedError extends FerryError {
  override name = 'TransferRateLimitedError'
  readonly code = 'transfer_rate_limited'
  /** The origin chain's name. */
  readonly chain: string
  /** What would have left the sender, in the origin token's units. */
  readonly amount: bigint
  /** What the rate limit lets leave now. */
  readonly available: bigint
  constructor({
    chain,
    amount,
    available,
    cause,
  }: { chain: string; amount: bigint; available: bigint; cause?: Error | undefined }) {
    super(`${chain}'s token bridge lets ${available} leave now, less than ${amount}.`, {
      metaMessages: ['Send at most the available amount, or wait for the rate limit to refill.'],
      retryable: true,
      ...(available > 0n && { recovery: { action: 'lowerAmount', amount: available } }),
      cause,
    })
    this.chain = chain
    this.amount = amount
    this.available = available
  }
}

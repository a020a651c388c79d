import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * `addFee(…, amount: 'toPolicy')` found nothing the relayer's fee policy still asks of the
 * message, so it paid nothing: the relayer API does not know the message yet (`not_indexed`,
 * retryable: it may be indexing it), holds it for another reason than its fee (`not_underpaid`,
 * with the relayer's `relayerReason`), or holds it `underpaid` without a shortfall above 0
 * (`no_shortfall`: a top-up already covered it, or a relayer too old to say how much is missing).
 *
 * @example
 * if (error instanceof NotUnderpaidError && error.reason === 'not_underpaid') console.log(error.relayerReason)
 */
export class NotUnderpaidError extends FerryError {
  override name = 'NotUnderpaidError'
  readonly code = 'not_underpaid'
  readonly id: Hex
  readonly reason: 'not_indexed' | 'not_underpaid' | 'no_shortfall'
  /** The relayer's reason code for the message, when its API knows it. */
  readonly relayerReason: string | undefined
  constructor({
    id,
    reason,
    relayerReason,
  }: {
    id: Hex
    reason: NotUnderpaidError['reason']
    relayerReason?: string | undefined
  }) {
    super(
      reason === 'not_indexed'
        ? `The relayer API does not know message ${id} yet, so it cannot say what its fee misses.`
        : reason === 'not_underpaid'
          ? `The relayer does not hold message ${id} for its fee (its reason: ${relayerReason}).`
          : `The relayer's fee policy asks nothing more of message ${id}.`,
      { retryable: reason === 'not_indexed' },
    )
    this.id = id
    this.reason = reason
    this.relayerReason = relayerReason
  }
}

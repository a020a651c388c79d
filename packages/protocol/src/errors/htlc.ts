import { BaseError } from './base.js'

/**
 * An HTLC preimage that is not exactly 32 bytes (spec/apps/htlc.md §3): every chain refuses it,
 * which closes the cross-chain preimage-length attack. Draw 32 random bytes instead.
 *
 * @example
 * ```ts
 * getHtlcHashlock(`0x${'11'.repeat(31)}`) // throws HtlcPreimageLengthError { length: 31 }
 * ```
 */
export class HtlcPreimageLengthError extends BaseError {
  override name = 'HtlcPreimageLengthError' as const
  readonly length: number
  constructor({ length }: { length: number }) {
    super(`HTLC preimage is ${length} bytes; it must be exactly 32.`, {
      metaMessages: ['Draw 32 random bytes (crypto.getRandomValues) as the preimage.'],
    })
    this.length = length
  }
}

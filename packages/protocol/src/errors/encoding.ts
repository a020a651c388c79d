import { BaseError } from './base.js'

/**
 * A value that should be `0x`-prefixed hex with an even number of digits is not.
 *
 * @example
 * ```ts
 * decodeMessage('0x123') // throws InvalidHexError { field: 'encoded', value: '0x123' }
 * ```
 */
export class InvalidHexError extends BaseError {
  override name = 'InvalidHexError' as const
  readonly field: string
  readonly value: unknown
  constructor({ field, value }: { field: string; value: unknown }) {
    super(`\`${field}\` is not 0x-prefixed hex of whole bytes.`, {
      metaMessages: [`Value: ${String(value)}`],
    })
    this.field = field
    this.value = value
  }
}

/**
 * A value that should be exactly 32 bytes of hex (an address, id, root or sibling) is not.
 *
 * @example
 * ```ts
 * getChannelKey({ ...key, sender: '0x1234' }) // throws InvalidBytes32Error { field: 'sender' }
 * ```
 */
export class InvalidBytes32Error extends BaseError {
  override name = 'InvalidBytes32Error' as const
  readonly field: string
  readonly value: unknown
  constructor({ field, value }: { field: string; value: unknown }) {
    super(`\`${field}\` is not 32 bytes of hex.`, { metaMessages: [`Value: ${String(value)}`] })
    this.field = field
    this.value = value
  }
}

/**
 * A number does not fit its wire field: not an integer, negative, or above the field's maximum
 * (u8, u32 or u64).
 *
 * @example
 * ```ts
 * encodeMessage({ ...message, origin: 2 ** 32 }) // throws FieldOutOfRangeError { field: 'origin' }
 * ```
 */
export class FieldOutOfRangeError extends BaseError {
  override name = 'FieldOutOfRangeError' as const
  readonly field: string
  readonly value: unknown
  readonly max: bigint
  constructor({ field, value, max }: { field: string; value: unknown; max: bigint }) {
    super(`\`${field}\` is not an integer in [0, ${max}].`, {
      metaMessages: [`Value: ${String(value)}`],
    })
    this.field = field
    this.value = value
    this.max = max
  }
}

import { BaseError } from './base.js'

/**
 * An ack body is shorter than `originalId b32 | status u8` (33 bytes).
 *
 * @example
 * ```ts
 * decodeAckBody('0x01') // throws AckBodyTooShortError { length: 1, min: 33 }
 * ```
 */
export class AckBodyTooShortError extends BaseError {
  override name = 'AckBodyTooShortError' as const
  readonly length: number
  readonly min: number
  constructor({ length, min }: { length: number; min: number }) {
    super(`Ack body is ${length} bytes; at least ${min} are needed.`)
    this.length = length
    this.min = min
  }
}

/**
 * A status byte is not one of `MessageStatus` (0 None, 1 Executed, 2 Failed, 3 TimedOut).
 *
 * @example
 * ```ts
 * encodeAckBody({ originalId, status: 9, result: '0x' }) // throws UnknownStatusError { status: 9 }
 * ```
 */
export class UnknownStatusError extends BaseError {
  override name = 'UnknownStatusError' as const
  readonly status: number
  constructor({ status }: { status: number }) {
    super(`Status ${status} is not a MessageStatus.`)
    this.status = status
  }
}

/**
 * A handler result is longer than `MAX_RESULT_LENGTH` (endpoints keep at most that much).
 *
 * @example
 * ```ts
 * encodeAckBody({ originalId, status: 1, result: toHex(new Uint8Array(2000)) })
 * // throws ResultTooLargeError { length: 2000, max: 1024 }
 * ```
 */
export class ResultTooLargeError extends BaseError {
  override name = 'ResultTooLargeError' as const
  readonly length: number
  readonly max: number
  constructor({ length, max }: { length: number; max: number }) {
    super(`Result is ${length} bytes; at most ${max} are kept.`)
    this.length = length
    this.max = max
  }
}

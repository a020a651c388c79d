import { BaseError } from './base.js'

/**
 * An encoded message is shorter than its 98-byte header.
 *
 * @example
 * ```ts
 * decodeMessage('0x01') // throws MessageTooShortError { length: 1 }
 * ```
 */
export class MessageTooShortError extends BaseError {
  override name = 'MessageTooShortError' as const
  readonly length: number
  readonly min: number
  constructor({ length, min }: { length: number; min: number }) {
    super(`Message is ${length} bytes; the header alone is ${min}.`)
    this.length = length
    this.min = min
  }
}

/**
 * A message's version byte is not the protocol version this SDK speaks.
 *
 * @example
 * ```ts
 * encodeMessage({ ...message, version: 2 }) // throws UnsupportedVersionError { version: 2 }
 * ```
 */
export class UnsupportedVersionError extends BaseError {
  override name = 'UnsupportedVersionError' as const
  readonly version: number
  readonly expected: number
  constructor({ version, expected }: { version: number; expected: number }) {
    super(`Message version ${version} is not supported (expected ${expected}).`)
    this.version = version
    this.expected = expected
  }
}

/**
 * A message sets flag bits the protocol does not define (only `isAck` and `ackRequested` exist).
 *
 * @example
 * ```ts
 * encodeMessage({ ...message, flags: 4 }) // throws UnknownFlagsError { flags: 4, unknown: 4 }
 * ```
 */
export class UnknownFlagsError extends BaseError {
  override name = 'UnknownFlagsError' as const
  readonly flags: number
  readonly unknown: number
  constructor({ flags, unknown }: { flags: number; unknown: number }) {
    super(`Message flags 0x${flags.toString(16)} set unknown bits 0x${unknown.toString(16)}.`)
    this.flags = flags
    this.unknown = unknown
  }
}

/**
 * A message body is longer than `MAX_BODY_LENGTH`.
 *
 * @example
 * ```ts
 * encodeMessage({ ...message, body: toHex(new Uint8Array(70_000)) }) // throws BodyTooLargeError
 * ```
 */
export class BodyTooLargeError extends BaseError {
  override name = 'BodyTooLargeError' as const
  readonly length: number
  readonly max: number
  constructor({ length, max }: { length: number; max: number }) {
    super(`Message body is ${length} bytes; at most ${max} are allowed.`)
    this.length = length
    this.max = max
  }
}

/**
 * `ackRequested` and `ackGasLimit` disagree: PROTOCOL §3 sets the flag exactly when
 * `ackGasLimit > 0`, so a message may neither carry ack gas without asking for an ack nor ask
 * for an ack its handler gets no gas for. The endpoints reject such a message at delivery.
 *
 * @example
 * ```ts
 * encodeMessage({ ...message, flags: 0, ackGasLimit: 1 }) // throws AckRequestMismatchError
 * encodeMessage({ ...message, flags: MessageFlags.ackRequested, ackGasLimit: 0 }) // throws too
 * ```
 */
export class AckRequestMismatchError extends BaseError {
  override name = 'AckRequestMismatchError' as const
  readonly flags: number
  readonly ackGasLimit: number
  constructor({ flags, ackGasLimit }: { flags: number; ackGasLimit: number }) {
    super(
      ackGasLimit === 0
        ? 'The message sets ackRequested, but its ackGasLimit is 0.'
        : `ackGasLimit is ${ackGasLimit}, but the message does not set ackRequested.`,
    )
    this.flags = flags
    this.ackGasLimit = ackGasLimit
  }
}

/**
 * A message sets both `isAck` and `ackRequested`: acks never request acks (PROTOCOL §8).
 *
 * @example
 * ```ts
 * encodeMessage({ ...message, flags: 3 }) // throws AckRequestedOnAckError { flags: 3 }
 * ```
 */
export class AckRequestedOnAckError extends BaseError {
  override name = 'AckRequestedOnAckError' as const
  readonly flags: number
  constructor({ flags }: { flags: number }) {
    super('An ack cannot request an ack (flags set both isAck and ackRequested).')
    this.flags = flags
  }
}

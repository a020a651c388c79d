// Errors of a message's encoding (PROTOCOL §3): one class per error code of the contract ("<code>: <detail>", INTERFACE.md
// "Errors"). Fields parsed from the detail are undefined when the contract words it otherwise.
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'

/**
 * A delivered message is shorter than the 98-byte header.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('message_too_short: length 97')) // MessageTooShortError { length: 97 }
 * ```
 */
export class MessageTooShortError extends EndpointError {
  static readonly code = 'message_too_short'
  override name = 'MessageTooShortError' as const
  readonly length: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message is shorter than its 98-byte header.', {
      code: 'message_too_short',
      detail,
      cause,
      retryable: false,
    })
    const match = /length (\d+)/.exec(detail)
    this.length = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * A delivered message carries another protocol version than 1.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('wrong_version: 2')) // WrongVersionError { version: 2 }
 * ```
 */
export class WrongVersionError extends EndpointError {
  static readonly code = 'wrong_version'
  override name = 'WrongVersionError' as const
  readonly version: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message is not of protocol version 1.', {
      code: 'wrong_version',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.version = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * A delivered message sets flag bits other than IS_ACK and ACK_REQUESTED.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('unknown_flags: 4')) // UnknownFlagsError { flags: 4 }
 * ```
 */
export class UnknownFlagsError extends EndpointError {
  static readonly code = 'unknown_flags'
  override name = 'UnknownFlagsError' as const
  readonly flags: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message sets unknown flag bits.', {
      code: 'unknown_flags',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.flags = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * A delivered message names another destination domain than this endpoint’s.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('wrong_destination: expected 7001, got 31337')) // WrongDestinationError { expected: 7001, actual: 31337 }
 * ```
 */
export class WrongDestinationError extends EndpointError {
  static readonly code = 'wrong_destination'
  override name = 'WrongDestinationError' as const
  readonly expected: number | undefined
  readonly actual: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message is not for this endpoint’s domain.', {
      code: 'wrong_destination',
      detail,
      cause,
      retryable: false,
    })
    const match = /expected (\d+), got (\d+)/.exec(detail)
    this.expected = match?.[1] === undefined ? undefined : Number(match?.[1])
    this.actual = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

/**
 * A message body is over the 65,536-byte limit.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('body_too_large: 65537 > 65536')) // BodyTooLargeError { length: 65537 }
 * ```
 */
export class BodyTooLargeError extends EndpointError {
  static readonly code = 'body_too_large'
  override name = 'BodyTooLargeError' as const
  readonly length: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The body is over 65,536 bytes.', {
      code: 'body_too_large',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+) >/.exec(detail)
    this.length = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * An ack’s body is shorter than `originalId | status` (PROTOCOL §8).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('malformed_ack: body length 3')) // MalformedAckError { code: 'malformed_ack' }
 * ```
 */
export class MalformedAckError extends EndpointError {
  static readonly code = 'malformed_ack'
  override name = 'MalformedAckError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The ack’s body is malformed.', {
      code: 'malformed_ack',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * An ack sets ACK_REQUESTED; acks never request acks (PROTOCOL §8).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('ack_requests_ack: 3')) // AckRequestsAckError { code: 'ack_requests_ack' }
 * ```
 */
export class AckRequestsAckError extends EndpointError {
  static readonly code = 'ack_requests_ack'
  override name = 'AckRequestsAckError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The ack requests an ack.', { code: 'ack_requests_ack', detail, cause, retryable: false })
  }
}

/**
 * ACK_REQUESTED is not set exactly when the message's `ackGasLimit` is above 0 (PROTOCOL §3):
 * the endpoint delivers, and tops up, no such message.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('ack_request_mismatch: flags 0, ack gas limit 50000'))
 * // AckRequestMismatchError { flags: 0, ackGasLimit: 50000 }
 * ```
 */
export class AckRequestMismatchError extends EndpointError {
  static readonly code = 'ack_request_mismatch'
  override name = 'AckRequestMismatchError' as const
  readonly flags: number | undefined
  readonly ackGasLimit: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('ACK_REQUESTED does not match the ack gas limit.', {
      code: 'ack_request_mismatch',
      detail,
      cause,
      retryable: false,
    })
    const match = /flags (\d+), ack gas limit (\d+)/.exec(detail)
    this.flags = match?.[1] === undefined ? undefined : Number(match?.[1])
    this.ackGasLimit = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

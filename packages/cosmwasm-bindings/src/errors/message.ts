// Errors of a message's encoding (PROTOCOL §3): one class per error code of the contract
// (`{"ferry_error":{"code":…}}`, INTERFACE.md "Errors"). A field the contract did not write, or
// wrote in another shape, is undefined.
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'
import { numberField } from './fields.js'

/**
 * A delivered message is shorter than the 98-byte header.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"message_too_short","length":97}}')) // MessageTooShortError { length: 97 }
 * ```
 */
export class MessageTooShortError extends EndpointError {
  static readonly code = 'message_too_short'
  override name = 'MessageTooShortError' as const
  readonly length: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message is shorter than its 98-byte header.', {
      code: 'message_too_short',
      fields,
      cause,
      retryable: false,
    })
    this.length = numberField(fields, 'length')
  }
}

/**
 * A delivered message carries another protocol version than 1.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"wrong_version","version":2}}')) // WrongVersionError { version: 2 }
 * ```
 */
export class WrongVersionError extends EndpointError {
  static readonly code = 'wrong_version'
  override name = 'WrongVersionError' as const
  readonly version: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message is not of protocol version 1.', {
      code: 'wrong_version',
      fields,
      cause,
      retryable: false,
    })
    this.version = numberField(fields, 'version')
  }
}

/**
 * A delivered message sets flag bits other than IS_ACK and ACK_REQUESTED.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"unknown_flags","flags":4}}')) // UnknownFlagsError { flags: 4 }
 * ```
 */
export class UnknownFlagsError extends EndpointError {
  static readonly code = 'unknown_flags'
  override name = 'UnknownFlagsError' as const
  readonly flags: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message sets unknown flag bits.', {
      code: 'unknown_flags',
      fields,
      cause,
      retryable: false,
    })
    this.flags = numberField(fields, 'flags')
  }
}

/**
 * A delivered message names another destination domain than this endpoint’s.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"wrong_destination","expected":7001,"actual":31337}}')) // WrongDestinationError { expected: 7001, actual: 31337 }
 * ```
 */
export class WrongDestinationError extends EndpointError {
  static readonly code = 'wrong_destination'
  override name = 'WrongDestinationError' as const
  readonly expected: number | undefined
  readonly actual: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message is not for this endpoint’s domain.', {
      code: 'wrong_destination',
      fields,
      cause,
      retryable: false,
    })
    this.expected = numberField(fields, 'expected')
    this.actual = numberField(fields, 'actual')
  }
}

/**
 * A message body is over the 65,536-byte limit.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"body_too_large","length":65537,"max":65536}}')) // BodyTooLargeError { length: 65537 }
 * ```
 */
export class BodyTooLargeError extends EndpointError {
  static readonly code = 'body_too_large'
  override name = 'BodyTooLargeError' as const
  readonly length: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The body is over 65,536 bytes.', {
      code: 'body_too_large',
      fields,
      cause,
      retryable: false,
    })
    this.length = numberField(fields, 'length')
  }
}

/**
 * An ack’s body is shorter than `originalId | status` (PROTOCOL §8).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"malformed_ack","body_length":3}}')) // MalformedAckError { code: 'malformed_ack' }
 * ```
 */
export class MalformedAckError extends EndpointError {
  static readonly code = 'malformed_ack'
  override name = 'MalformedAckError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The ack’s body is malformed.', {
      code: 'malformed_ack',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"ack_requests_ack","flags":3}}')) // AckRequestsAckError { code: 'ack_requests_ack' }
 * ```
 */
export class AckRequestsAckError extends EndpointError {
  static readonly code = 'ack_requests_ack'
  override name = 'AckRequestsAckError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The ack requests an ack.', { code: 'ack_requests_ack', fields, cause, retryable: false })
  }
}

/**
 * ACK_REQUESTED is not set exactly when the message's `ackGasLimit` is above 0 (PROTOCOL §3):
 * the endpoint delivers, and tops up, no such message.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"ack_request_mismatch","flags":0,"ack_gas_limit":50000}}'))
 * // AckRequestMismatchError { flags: 0, ackGasLimit: 50000 }
 * ```
 */
export class AckRequestMismatchError extends EndpointError {
  static readonly code = 'ack_request_mismatch'
  override name = 'AckRequestMismatchError' as const
  readonly flags: number | undefined
  readonly ackGasLimit: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('ACK_REQUESTED does not match the ack gas limit.', {
      code: 'ack_request_mismatch',
      fields,
      cause,
      retryable: false,
    })
    this.flags = numberField(fields, 'flags')
    this.ackGasLimit = numberField(fields, 'ack_gas_limit')
  }
}

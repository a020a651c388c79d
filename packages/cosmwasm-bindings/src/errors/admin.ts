// Errors of fees and roles: one class per error code of the contract ("<code>: <detail>",
// INTERFACE.md "Errors"). Fields parsed from the detail are undefined when the contract words
// it otherwise.
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'

/**
 * `send` was given less than `quote` asks. Not retryable as is: quote again and send more.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('fee_too_low: required 1000, paid 10')) // FeeTooLowError { required: 1000n, paid: 10n }
 * ```
 */
export class FeeTooLowError extends EndpointError {
  static readonly code = 'fee_too_low'
  override name = 'FeeTooLowError' as const
  readonly required: bigint | undefined
  readonly paid: bigint | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The funds sent do not cover the fee.', {
      code: 'fee_too_low',
      detail,
      cause,
      retryable: false,
    })
    const match = /required (\d+)\D+paid (\d+)/.exec(detail)
    this.required = match?.[1] === undefined ? undefined : BigInt(match?.[1])
    this.paid = match?.[2] === undefined ? undefined : BigInt(match?.[2])
  }
}

/**
 * `send` was given funds of another denom than the endpoint’s.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('wrong_denom: expected ustake, got uatom')) // WrongDenomError { expected: 'ustake', actual: 'uatom' }
 * ```
 */
export class WrongDenomError extends EndpointError {
  static readonly code = 'wrong_denom'
  override name = 'WrongDenomError' as const
  readonly expected: string | undefined
  readonly actual: string | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The funds are not in the endpoint’s denom.', {
      code: 'wrong_denom',
      detail,
      cause,
      retryable: false,
    })
    const match = /expected (\S+), got (\S+)/.exec(detail)
    this.expected = match?.[1]
    this.actual = match?.[2]
  }
}

/**
 * The fee computed from the fee config, or the funds sent, exceed u128.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('fee_overflow: funds')) // FeeOverflowError { code: 'fee_overflow' }
 * ```
 */
export class FeeOverflowError extends EndpointError {
  static readonly code = 'fee_overflow'
  override name = 'FeeOverflowError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The fee or the funds exceed u128.', {
      code: 'fee_overflow',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * `send` or `quote` named a destination without a fee config.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('unknown_destination: 31337')) // UnknownDestinationError { destination: 31337 }
 * ```
 */
export class UnknownDestinationError extends EndpointError {
  static readonly code = 'unknown_destination'
  override name = 'UnknownDestinationError' as const
  readonly destination: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint has no fee config for the destination.', {
      code: 'unknown_destination',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.destination = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * The fee config of a domain was queried or removed while unset.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('unknown_domain: 31337')) // UnknownDomainError { domain: 31337 }
 * ```
 */
export class UnknownDomainError extends EndpointError {
  static readonly code = 'unknown_domain'
  override name = 'UnknownDomainError' as const
  readonly domain: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint has no fee config for the domain.', {
      code: 'unknown_domain',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.domain = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * The owner paused the endpoint: send, deliver, retry and timeout wait. Retryable: they work after `unpause`.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('paused')) // PausedError { retryable: true }
 * ```
 */
export class PausedError extends EndpointError {
  static readonly code = 'paused'
  override name = 'PausedError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint is paused.', { code: 'paused', detail, cause, retryable: true })
  }
}

/**
 * The sender lacks the role (owner, fee manager, fee collector, pending owner, the app itself).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('unauthorized: wasm1… is not the owner')) // UnauthorizedError { code: 'unauthorized' }
 * ```
 */
export class UnauthorizedError extends EndpointError {
  static readonly code = 'unauthorized'
  override name = 'UnauthorizedError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The sender may not do this.', { code: 'unauthorized', detail, cause, retryable: false })
  }
}

/**
 * `withdraw_fees` asked for more than the endpoint holds.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('insufficient_fees: requested 10, available 4')) // InsufficientFeesError { requested: 10n, available: 4n }
 * ```
 */
export class InsufficientFeesError extends EndpointError {
  static readonly code = 'insufficient_fees'
  override name = 'InsufficientFeesError' as const
  readonly requested: bigint | undefined
  readonly available: bigint | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint holds less than the amount to withdraw.', {
      code: 'insufficient_fees',
      detail,
      cause,
      retryable: false,
    })
    const match = /requested (\d+)\D+available (\d+)/.exec(detail)
    this.requested = match?.[1] === undefined ? undefined : BigInt(match[1])
    this.available = match?.[2] === undefined ? undefined : BigInt(match[2])
  }
}

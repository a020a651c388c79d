// Errors of fees and roles: one class per error code of the contract
// (`{"ferry_error":{"code":…}}`, INTERFACE.md "Errors"). A field the contract did not write, or
// wrote in another shape, is undefined.
import type { Hex } from '../types.js'
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'
import { bigintField, hexField, numberField, stringField } from './fields.js'

/**
 * `send` was given less than `quote` asks. Not retryable as is: quote again and send more.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"fee_too_low","required":"1000","paid":"10"}}')) // FeeTooLowError { required: 1000n, paid: 10n }
 * ```
 */
export class FeeTooLowError extends EndpointError {
  static readonly code = 'fee_too_low'
  override name = 'FeeTooLowError' as const
  readonly required: bigint | undefined
  readonly paid: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The funds sent do not cover the fee.', {
      code: 'fee_too_low',
      fields,
      cause,
      retryable: false,
    })
    this.required = bigintField(fields, 'required')
    this.paid = bigintField(fields, 'paid')
  }
}

/**
 * `send` was given funds of another denom than the endpoint’s.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"wrong_denom","expected":"ustake","actual":"uatom"}}')) // WrongDenomError { expected: 'ustake', actual: 'uatom' }
 * ```
 */
export class WrongDenomError extends EndpointError {
  static readonly code = 'wrong_denom'
  override name = 'WrongDenomError' as const
  readonly expected: string | undefined
  readonly actual: string | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The funds are not in the endpoint’s denom.', {
      code: 'wrong_denom',
      fields,
      cause,
      retryable: false,
    })
    this.expected = stringField(fields, 'expected')
    this.actual = stringField(fields, 'actual')
  }
}

/**
 * The fee computed from the fee config, or the funds sent, exceed u128.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"fee_overflow","of":"funds"}}')) // FeeOverflowError { code: 'fee_overflow' }
 * ```
 */
export class FeeOverflowError extends EndpointError {
  static readonly code = 'fee_overflow'
  override name = 'FeeOverflowError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The fee or the funds exceed u128.', {
      code: 'fee_overflow',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"unknown_destination","destination":31337}}')) // UnknownDestinationError { destination: 31337 }
 * ```
 */
export class UnknownDestinationError extends EndpointError {
  static readonly code = 'unknown_destination'
  override name = 'UnknownDestinationError' as const
  readonly destination: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint has no fee config for the destination.', {
      code: 'unknown_destination',
      fields,
      cause,
      retryable: false,
    })
    this.destination = numberField(fields, 'destination')
  }
}

/**
 * The fee config of a domain was queried or removed while unset.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"unknown_domain","domain":31337}}')) // UnknownDomainError { domain: 31337 }
 * ```
 */
export class UnknownDomainError extends EndpointError {
  static readonly code = 'unknown_domain'
  override name = 'UnknownDomainError' as const
  readonly domain: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint has no fee config for the domain.', {
      code: 'unknown_domain',
      fields,
      cause,
      retryable: false,
    })
    this.domain = numberField(fields, 'domain')
  }
}

/**
 * The owner paused the endpoint: send, deliver, retry and timeout wait. Retryable: they work after `unpause`.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"paused"}}')) // PausedError { retryable: true }
 * ```
 */
export class PausedError extends EndpointError {
  static readonly code = 'paused'
  override name = 'PausedError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint is paused.', { code: 'paused', fields, cause, retryable: true })
  }
}

/**
 * The sender lacks the role (owner, fee manager, fee collector, pending owner, the app itself).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"unauthorized","sender":"wasm1…","role":"owner"}}')) // UnauthorizedError { code: 'unauthorized' }
 * ```
 */
export class UnauthorizedError extends EndpointError {
  static readonly code = 'unauthorized'
  override name = 'UnauthorizedError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The sender may not do this.', { code: 'unauthorized', fields, cause, retryable: false })
  }
}

/**
 * `withdraw_fees` asked for more than the endpoint holds.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"insufficient_fees","requested":"10","available":"4"}}')) // InsufficientFeesError { requested: 10n, available: 4n }
 * ```
 */
export class InsufficientFeesError extends EndpointError {
  static readonly code = 'insufficient_fees'
  override name = 'InsufficientFeesError' as const
  readonly requested: bigint | undefined
  readonly available: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint holds less than the amount to withdraw.', {
      code: 'insufficient_fees',
      fields,
      cause,
      retryable: false,
    })
    this.requested = bigintField(fields, 'requested')
    this.available = bigintField(fields, 'available')
  }
}

/**
 * `send` (or `quote`) asked for a `gasLimit` above the destination's `maxGasLimit` (PROTOCOL
 * §4): such a message could never be delivered and would block its channel.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"gas_limit_too_high","gas_limit":20000000,"max_gas_limit":16777216,"domain":2}}'))
 * // GasLimitTooHighError { gasLimit: 20000000, maxGasLimit: 16777216, domain: 2 }
 * ```
 */
export class GasLimitTooHighError extends EndpointError {
  static readonly code = 'gas_limit_too_high'
  override name = 'GasLimitTooHighError' as const
  readonly gasLimit: number | undefined
  readonly maxGasLimit: number | undefined
  readonly domain: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The gas limit is above the destination’s maximum.', {
      code: 'gas_limit_too_high',
      fields,
      cause,
      retryable: false,
    })
    this.gasLimit = numberField(fields, 'gas_limit')
    this.maxGasLimit = numberField(fields, 'max_gas_limit')
    this.domain = numberField(fields, 'domain')
  }
}

/**
 * `send` (or `quote`) asked for an `ackGasLimit` above the `maxGasLimit` of the endpoint's own
 * domain (PROTOCOL §4): the ack could never be delivered and would block its channel.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"ack_gas_limit_too_high","ack_gas_limit":20000000,"max_gas_limit":16777216,"domain":1}}'))
 * // AckGasLimitTooHighError { ackGasLimit: 20000000, maxGasLimit: 16777216, domain: 1 }
 * ```
 */
export class AckGasLimitTooHighError extends EndpointError {
  static readonly code = 'ack_gas_limit_too_high'
  override name = 'AckGasLimitTooHighError' as const
  readonly ackGasLimit: number | undefined
  readonly maxGasLimit: number | undefined
  readonly domain: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The ack gas limit is above the local domain’s maximum.', {
      code: 'ack_gas_limit_too_high',
      fields,
      cause,
      retryable: false,
    })
    this.ackGasLimit = numberField(fields, 'ack_gas_limit')
    this.maxGasLimit = numberField(fields, 'max_gas_limit')
    this.domain = numberField(fields, 'domain')
  }
}

/**
 * `addFee` came with no funds, or only zero amounts (PROTOCOL §9: a positive amount).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"zero_fee","id":"0xab…"}}')) // ZeroFeeError { id: '0xab…' }
 * ```
 */
export class ZeroFeeError extends EndpointError {
  static readonly code = 'zero_fee'
  override name = 'ZeroFeeError' as const
  readonly id: Hex | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A fee top-up needs a positive amount.', {
      code: 'zero_fee',
      fields,
      cause,
      retryable: false,
    })
    this.id = hexField(fields, 'id')
  }
}

/**
 * `addFee` was given a message from another origin than this endpoint's domain.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"wrong_origin","expected":1,"actual":2}}')) // WrongOriginError { expected: 1, actual: 2 }
 * ```
 */
export class WrongOriginError extends EndpointError {
  static readonly code = 'wrong_origin'
  override name = 'WrongOriginError' as const
  readonly expected: number | undefined
  readonly actual: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message was not sent from this endpoint’s domain.', {
      code: 'wrong_origin',
      fields,
      cause,
      retryable: false,
    })
    this.expected = numberField(fields, 'expected')
    this.actual = numberField(fields, 'actual')
  }
}

/**
 * `addFee` was given a message this endpoint never sent: its nonce is 0 or above its channel's
 * outbound nonce.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"message_not_sent","id":"0xab…","nonce":"5","outbound_nonce":"3"}}'))
 * // MessageNotSentError { id: '0xab…', nonce: 5n, outboundNonce: 3n }
 * ```
 */
export class MessageNotSentError extends EndpointError {
  static readonly code = 'message_not_sent'
  override name = 'MessageNotSentError' as const
  readonly id: Hex | undefined
  readonly nonce: bigint | undefined
  readonly outboundNonce: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint never sent this message.', {
      code: 'message_not_sent',
      fields,
      cause,
      retryable: false,
    })
    this.id = hexField(fields, 'id')
    this.nonce = bigintField(fields, 'nonce')
    this.outboundNonce = bigintField(fields, 'outbound_nonce')
  }
}

/**
 * A message that takes no funds (every one but `send` and `add_fee`) came with funds; the
 * endpoint refuses them rather than keep them as fees. Not retryable as is: send no funds.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"nonpayable","action":"deliver","funds":"5ustake"}}'))
 * // NonpayableError { action: 'deliver', funds: '5ustake' }
 * ```
 */
export class NonpayableError extends EndpointError {
  static readonly code = 'nonpayable'
  override name = 'NonpayableError' as const
  /** The execute message's name (`deliver`, `retry`, …). */
  readonly action: string | undefined
  /** The funds attached, as `<amount><denom>` joined by commas. */
  readonly funds: string | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint message takes no funds.', {
      code: 'nonpayable',
      fields,
      cause,
      retryable: false,
    })
    this.action = stringField(fields, 'action')
    this.funds = stringField(fields, 'funds')
  }
}

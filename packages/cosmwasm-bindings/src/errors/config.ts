// Errors of configuration and input (validator sets, fee configs, addresses, JSON): one class
// per error code of the contract ("<code>: <detail>", INTERFACE.md "Errors"). Fields parsed
// from the detail are undefined when the contract words it otherwise.
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'

/**
 * A fee config with rate 0 was set.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('zero_rate: 1')) // ZeroRateError { code: 'zero_rate' }
 * ```
 */
export class ZeroRateError extends EndpointError {
  static readonly code = 'zero_rate'
  override name = 'ZeroRateError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The fee config’s rate is zero.', { code: 'zero_rate', detail, cause, retryable: false })
  }
}

/**
 * A validator set’s threshold is 0 or greater than its size.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('invalid_threshold: threshold 3, size 2')) // InvalidThresholdError { threshold: 3, size: 2 }
 * ```
 */
export class InvalidThresholdError extends EndpointError {
  static readonly code = 'invalid_threshold'
  override name = 'InvalidThresholdError' as const
  readonly threshold: number | undefined
  readonly size: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The threshold is not between 1 and the set’s size.', {
      code: 'invalid_threshold',
      detail,
      cause,
      retryable: false,
    })
    const match = /threshold (\d+), size (\d+)/.exec(detail)
    this.threshold = match?.[1] === undefined ? undefined : Number(match?.[1])
    this.size = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

/**
 * `setOrigin` was given validators out of order or repeated.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('validators_not_ascending: 0x2b… then 0x1a…')) // ValidatorsNotAscendingError { code: 'validators_not_ascending' }
 * ```
 */
export class ValidatorsNotAscendingError extends EndpointError {
  static readonly code = 'validators_not_ascending'
  override name = 'ValidatorsNotAscendingError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The validators are not strictly ascending.', {
      code: 'validators_not_ascending',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * `setOrigin` was given more than 255 validators.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('too_many_validators: 300 > 255')) // TooManyValidatorsError { code: 'too_many_validators' }
 * ```
 */
export class TooManyValidatorsError extends EndpointError {
  static readonly code = 'too_many_validators'
  override name = 'TooManyValidatorsError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('A validator set holds at most 255 validators.', {
      code: 'too_many_validators',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * `setOrigin` was given the zero bytes32 as the origin endpoint.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('zero_origin_endpoint: 1')) // ZeroOriginEndpointError { code: 'zero_origin_endpoint' }
 * ```
 */
export class ZeroOriginEndpointError extends EndpointError {
  static readonly code = 'zero_origin_endpoint'
  override name = 'ZeroOriginEndpointError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The origin endpoint is the zero address.', {
      code: 'zero_origin_endpoint',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * A bech32 address in the message failed the chain’s `addr_validate`.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('invalid_address: wasm1x: invalid checksum')) // InvalidAddressError { code: 'invalid_address' }
 * ```
 */
export class InvalidAddressError extends EndpointError {
  static readonly code = 'invalid_address'
  override name = 'InvalidAddressError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The chain rejected an address.', {
      code: 'invalid_address',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * The instantiate message’s denom is empty.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('invalid_denom: empty')) // InvalidDenomError { code: 'invalid_denom' }
 * ```
 */
export class InvalidDenomError extends EndpointError {
  static readonly code = 'invalid_denom'
  override name = 'InvalidDenomError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The denom is invalid.', { code: 'invalid_denom', detail, cause, retryable: false })
  }
}

/**
 * The endpoint’s strict JSON parser rejected the message (unknown field, wrong type, malformed number).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('invalid_json: unknown field `x`')) // InvalidJsonError { code: 'invalid_json' }
 * ```
 */
export class InvalidJsonError extends EndpointError {
  static readonly code = 'invalid_json'
  override name = 'InvalidJsonError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint rejected the message’s JSON.', {
      code: 'invalid_json',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * A fee config with `maxGasLimit` 0 was set: no message could be sent to that domain.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('zero_max_gas_limit: 2')) // ZeroMaxGasLimitError { domain: 2 }
 * ```
 */
export class ZeroMaxGasLimitError extends EndpointError {
  static readonly code = 'zero_max_gas_limit'
  override name = 'ZeroMaxGasLimitError' as const
  readonly domain: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The fee config’s maxGasLimit is zero.', {
      code: 'zero_max_gas_limit',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.domain = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

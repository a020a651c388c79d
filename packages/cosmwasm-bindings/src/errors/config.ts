// Errors of configuration and input (validator sets, fee configs, addresses, JSON): one class per
// error code of the contract (`{"ferry_error":{"code":…}}`, INTERFACE.md "Errors"). A field the
// contract did not write, or wrote in another shape, is undefined.
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'
import { numberField } from './fields.js'

/**
 * A fee config with rate 0 was set.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"zero_rate","domain":1}}')) // ZeroRateError { code: 'zero_rate' }
 * ```
 */
export class ZeroRateError extends EndpointError {
  static readonly code = 'zero_rate'
  override name = 'ZeroRateError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The fee config’s rate is zero.', { code: 'zero_rate', fields, cause, retryable: false })
  }
}

/**
 * A validator set’s threshold is 0 or greater than its size.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"invalid_threshold","threshold":3,"size":2}}')) // InvalidThresholdError { threshold: 3, size: 2 }
 * ```
 */
export class InvalidThresholdError extends EndpointError {
  static readonly code = 'invalid_threshold'
  override name = 'InvalidThresholdError' as const
  readonly threshold: number | undefined
  readonly size: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The threshold is not between 1 and the set’s size.', {
      code: 'invalid_threshold',
      fields,
      cause,
      retryable: false,
    })
    this.threshold = numberField(fields, 'threshold')
    this.size = numberField(fields, 'size')
  }
}

/**
 * `setOrigin` was given validators out of order or repeated.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"validators_not_ascending","previous":"0x2b…","validator":"0x1a…"}}')) // ValidatorsNotAscendingError { code: 'validators_not_ascending' }
 * ```
 */
export class ValidatorsNotAscendingError extends EndpointError {
  static readonly code = 'validators_not_ascending'
  override name = 'ValidatorsNotAscendingError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The validators are not strictly ascending.', {
      code: 'validators_not_ascending',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"too_many_validators","size":300,"max":255}}')) // TooManyValidatorsError { code: 'too_many_validators' }
 * ```
 */
export class TooManyValidatorsError extends EndpointError {
  static readonly code = 'too_many_validators'
  override name = 'TooManyValidatorsError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A validator set holds at most 255 validators.', {
      code: 'too_many_validators',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"zero_origin_endpoint","origin":1}}')) // ZeroOriginEndpointError { code: 'zero_origin_endpoint' }
 * ```
 */
export class ZeroOriginEndpointError extends EndpointError {
  static readonly code = 'zero_origin_endpoint'
  override name = 'ZeroOriginEndpointError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The origin endpoint is the zero address.', {
      code: 'zero_origin_endpoint',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"invalid_address","address":"wasm1x","error":"invalid checksum"}}')) // InvalidAddressError { code: 'invalid_address' }
 * ```
 */
export class InvalidAddressError extends EndpointError {
  static readonly code = 'invalid_address'
  override name = 'InvalidAddressError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The chain rejected an address.', {
      code: 'invalid_address',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"invalid_denom","denom":""}}')) // InvalidDenomError { code: 'invalid_denom' }
 * ```
 */
export class InvalidDenomError extends EndpointError {
  static readonly code = 'invalid_denom'
  override name = 'InvalidDenomError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The denom is invalid.', { code: 'invalid_denom', fields, cause, retryable: false })
  }
}

/**
 * The endpoint’s strict JSON parser rejected the message (unknown field, wrong type, malformed number).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"invalid_json","path":"deliver","problem":"unknown field","field":"x"}}')) // InvalidJsonError { code: 'invalid_json' }
 * ```
 */
export class InvalidJsonError extends EndpointError {
  static readonly code = 'invalid_json'
  override name = 'InvalidJsonError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint rejected the message’s JSON.', {
      code: 'invalid_json',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"zero_max_gas_limit","domain":2}}')) // ZeroMaxGasLimitError { domain: 2 }
 * ```
 */
export class ZeroMaxGasLimitError extends EndpointError {
  static readonly code = 'zero_max_gas_limit'
  override name = 'ZeroMaxGasLimitError' as const
  readonly domain: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The fee config’s maxGasLimit is zero.', {
      code: 'zero_max_gas_limit',
      fields,
      cause,
      retryable: false,
    })
    this.domain = numberField(fields, 'domain')
  }
}

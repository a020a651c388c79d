// Errors of the CosmWasm token bridge (spec/apps/token-bridge.md §9): one class per
// `token_bridge_…` code, built by `parseEndpointError` like the endpoint's. An app's errors, so
// they map to no endpoint failure reason; the EVM bridges name the same rules
// `TokenBridge<Problem>`. `retryable`: whether the same call (or a retry of the delivery) can
// succeed later without a change of its arguments.
import type { Hex } from '../types.js'
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'
import { bigintField, booleanField, hexField, numberField, stringField } from './fields.js'

/**
 * The guardian or the owner paused the bridge: a transfer out is refused, a delivery Failed.
 * Retryable: send again, or retry the message, once unpaused.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_paused"}}')) // TokenBridgePausedError
 * ```
 */
export class TokenBridgePausedError extends EndpointError {
  static readonly code = 'token_bridge_paused'
  override name = 'TokenBridgePausedError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The token bridge is paused.', {
      code: 'token_bridge_paused',
      fields,
      cause,
      retryable: true,
    })
  }
}

/**
 * The owner has not enabled the route (`set_route`). Not retryable as is.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_unknown_route","domain":31337}}')) // TokenBridgeUnknownRouteError
 * ```
 */
export class TokenBridgeUnknownRouteError extends EndpointError {
  static readonly code = 'token_bridge_unknown_route'
  override name = 'TokenBridgeUnknownRouteError' as const
  readonly domain: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('No route to or from this domain is enabled.', {
      code: 'token_bridge_unknown_route',
      fields,
      cause,
      retryable: false,
    })
    this.domain = numberField(fields, 'domain')
  }
}

/**
 * The amount is all dust in the destination’s decimals (`quoteTransfer` shows it): send more.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_zero_amount","amount":"999999999999"}}')) // TokenBridgeZeroAmountError
 * ```
 */
export class TokenBridgeZeroAmountError extends EndpointError {
  static readonly code = 'token_bridge_zero_amount'
  override name = 'TokenBridgeZeroAmountError' as const
  readonly amount: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The amount scales to nothing on the destination.', {
      code: 'token_bridge_zero_amount',
      fields,
      cause,
      retryable: false,
    })
    this.amount = bigintField(fields, 'amount')
  }
}

/**
 * The scaled amount, the supply or a collateral would not fit a u128: send less.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_amount_too_large","amount":"340282366920938463463374607431768211456","max":"340282366920938463463374607431768211455"}}')) // TokenBridgeAmountTooLargeError
 * ```
 */
export class TokenBridgeAmountTooLargeError extends EndpointError {
  static readonly code = 'token_bridge_amount_too_large'
  override name = 'TokenBridgeAmountTooLargeError' as const
  readonly amount: bigint | undefined
  readonly max: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The amount passes 2^128 − 1.', {
      code: 'token_bridge_amount_too_large',
      fields,
      cause,
      retryable: false,
    })
    this.amount = bigintField(fields, 'amount')
    this.max = bigintField(fields, 'max')
  }
}

/**
 * Outbound: refused on this chain, nothing taken; send at most `available`, or wait for the bucket
 * to refill. Inbound: the delivery is Failed; retry it once the bucket refilled. Retryable.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_rate_limited","domain":31337,"outbound":true,"amount":"5000000","available":"4000000"}}')) // TokenBridgeRateLimitedError
 * ```
 */
export class TokenBridgeRateLimitedError extends EndpointError {
  static readonly code = 'token_bridge_rate_limited'
  override name = 'TokenBridgeRateLimitedError' as const
  readonly domain: number | undefined
  readonly outbound: boolean | undefined
  readonly amount: bigint | undefined
  readonly available: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The route’s rate limit does not let the amount pass now.', {
      code: 'token_bridge_rate_limited',
      fields,
      cause,
      retryable: true,
    })
    this.domain = numberField(fields, 'domain')
    this.outbound = booleanField(fields, 'outbound')
    this.amount = bigintField(fields, 'amount')
    this.available = bigintField(fields, 'available')
  }
}

/**
 * A route never releases (and a mint bridge never sends) more than was locked for it (TOKEN §4):
 * send less, or through the route that locked it.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_insufficient_collateral","domain":31337,"amount":"150","collateral":"100"}}')) // TokenBridgeInsufficientCollateralError
 * ```
 */
export class TokenBridgeInsufficientCollateralError extends EndpointError {
  static readonly code = 'token_bridge_insufficient_collateral'
  override name = 'TokenBridgeInsufficientCollateralError' as const
  readonly domain: number | undefined
  readonly amount: bigint | undefined
  readonly collateral: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The route’s collateral does not cover the amount.', {
      code: 'token_bridge_insufficient_collateral',
      fields,
      cause,
      retryable: false,
    })
    this.domain = numberField(fields, 'domain')
    this.amount = bigintField(fields, 'amount')
    this.collateral = bigintField(fields, 'collateral')
  }
}

/**
 * `set_route` was given remote decimals more than 36 from the bridge’s.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_decimals_too_far","local":6,"remote":43}}')) // TokenBridgeDecimalsTooFarError
 * ```
 */
export class TokenBridgeDecimalsTooFarError extends EndpointError {
  static readonly code = 'token_bridge_decimals_too_far'
  override name = 'TokenBridgeDecimalsTooFarError' as const
  readonly local: number | undefined
  readonly remote: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The two tokens’ decimals are more than 36 apart.', {
      code: 'token_bridge_decimals_too_far',
      fields,
      cause,
      retryable: false,
    })
    this.local = numberField(fields, 'local')
    this.remote = numberField(fields, 'remote')
  }
}

/**
 * Give the recipient’s address: its 32 bytes, an EVM address or a bech32 address.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_zero_recipient"}}')) // TokenBridgeZeroRecipientError
 * ```
 */
export class TokenBridgeZeroRecipientError extends EndpointError {
  static readonly code = 'token_bridge_zero_recipient'
  override name = 'TokenBridgeZeroRecipientError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The recipient is zero.', {
      code: 'token_bridge_zero_recipient',
      fields,
      cause,
      retryable: false,
    })
  }
}

/**
 * Only a faulty or forged peer sends one; the delivery stays Failed.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_malformed_body","length":2}}')) // TokenBridgeMalformedBodyError
 * ```
 */
export class TokenBridgeMalformedBodyError extends EndpointError {
  static readonly code = 'token_bridge_malformed_body'
  override name = 'TokenBridgeMalformedBodyError' as const
  readonly length: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A transfer’s body is not 97 bytes.', {
      code: 'token_bridge_malformed_body',
      fields,
      cause,
      retryable: false,
    })
    this.length = numberField(fields, 'length')
  }
}

/**
 * The peer speaks another version of the body (TOKEN §2); the delivery stays Failed.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_unknown_version","version":2}}')) // TokenBridgeUnknownVersionError
 * ```
 */
export class TokenBridgeUnknownVersionError extends EndpointError {
  static readonly code = 'token_bridge_unknown_version'
  override name = 'TokenBridgeUnknownVersionError' as const
  readonly version: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A transfer’s body has a version other than 1.', {
      code: 'token_bridge_unknown_version',
      fields,
      cause,
      retryable: false,
    })
    this.version = numberField(fields, 'version')
  }
}

/**
 * The body’s 32 bytes name no address here (EVM’s `TokenBridgeNotEvmRecipient`); the delivery
 * stays Failed.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_not_cosmwasm_recipient","recipient":"0x01"}}')) // TokenBridgeNotCosmwasmRecipientError
 * ```
 */
export class TokenBridgeNotCosmwasmRecipientError extends EndpointError {
  static readonly code = 'token_bridge_not_cosmwasm_recipient'
  override name = 'TokenBridgeNotCosmwasmRecipientError' as const
  readonly recipient: Hex | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The recipient is no address of this chain.', {
      code: 'token_bridge_not_cosmwasm_recipient',
      fields,
      cause,
      retryable: false,
    })
    this.recipient = hexField(fields, 'recipient')
  }
}

/**
 * Pause or unpause as the guardian (`set_guardian`) or the owner.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_not_guardian","caller":"wasm1…"}}')) // TokenBridgeNotGuardianError
 * ```
 */
export class TokenBridgeNotGuardianError extends EndpointError {
  static readonly code = 'token_bridge_not_guardian'
  override name = 'TokenBridgeNotGuardianError' as const
  readonly caller: string | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('Only the guardian or the owner may pause and unpause.', {
      code: 'token_bridge_not_guardian',
      fields,
      cause,
      retryable: false,
    })
    this.caller = stringField(fields, 'caller')
  }
}

/**
 * A native bridge takes `sent` of its denom and the fee in the endpoint’s denom (added up when the
 * same): send `required` of `denom`, or let `transferRemote` quote the funds.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_insufficient_funds","denom":"uatom","required":"1000000","paid":"999999"}}')) // TokenBridgeInsufficientFundsError
 * ```
 */
export class TokenBridgeInsufficientFundsError extends EndpointError {
  static readonly code = 'token_bridge_insufficient_funds'
  override name = 'TokenBridgeInsufficientFundsError' as const
  readonly denom: string | undefined
  readonly required: bigint | undefined
  readonly paid: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The funds sent do not cover the fee and the amount.', {
      code: 'token_bridge_insufficient_funds',
      fields,
      cause,
      retryable: false,
    })
    this.denom = stringField(fields, 'denom')
    this.required = bigintField(fields, 'required')
    this.paid = bigintField(fields, 'paid')
  }
}

/**
 * A synthetic bridge burns or moves only what the sender holds (`cw20Balance`).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_insufficient_balance","address":"wasm1…","balance":"0","amount":"1000000"}}')) // TokenBridgeInsufficientBalanceError
 * ```
 */
export class TokenBridgeInsufficientBalanceError extends EndpointError {
  static readonly code = 'token_bridge_insufficient_balance'
  override name = 'TokenBridgeInsufficientBalanceError' as const
  readonly address: string | undefined
  readonly balance: bigint | undefined
  readonly amount: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The CW20 balance does not cover the amount.', {
      code: 'token_bridge_insufficient_balance',
      fields,
      cause,
      retryable: false,
    })
    this.address = stringField(fields, 'address')
    this.balance = bigintField(fields, 'balance')
    this.amount = bigintField(fields, 'amount')
  }
}

/**
 * Only a synthetic bridge is a CW20 token; a native one locks a bank denom (read it from the
 * bank).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_not_synthetic","mode":"native"}}')) // TokenBridgeNotSyntheticError
 * ```
 */
export class TokenBridgeNotSyntheticError extends EndpointError {
  static readonly code = 'token_bridge_not_synthetic'
  override name = 'TokenBridgeNotSyntheticError' as const
  readonly mode: string | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A CW20 message or query on a native bridge.', {
      code: 'token_bridge_not_synthetic',
      fields,
      cause,
      retryable: false,
    })
    this.mode = stringField(fields, 'mode')
  }
}

/**
 * Instantiate with `mode: native` (and `denom`) or `mode: synthetic` (and `name`, `symbol`).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"token_bridge_unknown_mode","mode":"wrapped"}}')) // TokenBridgeUnknownModeError
 * ```
 */
export class TokenBridgeUnknownModeError extends EndpointError {
  static readonly code = 'token_bridge_unknown_mode'
  override name = 'TokenBridgeUnknownModeError' as const
  readonly mode: string | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The mode is neither native nor synthetic.', {
      code: 'token_bridge_unknown_mode',
      fields,
      cause,
      retryable: false,
    })
    this.mode = stringField(fields, 'mode')
  }
}

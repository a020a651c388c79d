import { BaseError } from './base.js'

/**
 * A token-transfer body is not the 97 bytes of spec/apps/token-bridge.md §2 (the bridge's
 * `TokenBridgeMalformedBody`): not a transfer, or one cut short.
 *
 * @example
 * ```ts
 * decodeTokenTransferBody('0x01') // throws TokenTransferBodyLengthError { length: 1 }
 * ```
 */
export class TokenTransferBodyLengthError extends BaseError {
  override name = 'TokenTransferBodyLengthError' as const
  readonly length: number
  constructor({ length }: { length: number }) {
    super(`Token-transfer body is ${length} bytes, not 97.`)
    this.length = length
  }
}

/**
 * A token-transfer body has a version other than 1 (the bridge's `TokenBridgeUnknownVersion`).
 *
 * @example
 * ```ts
 * decodeTokenTransferBody(`0x02${'00'.repeat(96)}`) // throws TokenTransferVersionError { version: 2 }
 * ```
 */
export class TokenTransferVersionError extends BaseError {
  override name = 'TokenTransferVersionError' as const
  readonly version: number
  constructor({ version }: { version: number }) {
    super(`Token-transfer version ${version} is not one this codec knows (1).`)
    this.version = version
  }
}

/**
 * A transfer would deliver nothing: the amount is 0, or all dust once scaled to the destination's
 * decimals (TOKEN §3, the bridge's `TokenBridgeZeroAmount`).
 *
 * @example
 * ```ts
 * scaleTransferAmount({ amount: 999n, localDecimals: 18, remoteDecimals: 6 }) // throws TransferAmountZeroError
 * ```
 */
export class TransferAmountZeroError extends BaseError {
  override name = 'TransferAmountZeroError' as const
  readonly amount: bigint
  /** The smallest amount that delivers one destination unit, in the origin's units. */
  readonly minimum: bigint
  constructor({ amount, minimum }: { amount: bigint; minimum: bigint }) {
    super(`A transfer of ${amount} delivers nothing on the destination.`, {
      metaMessages: [`Send at least ${minimum} (one unit of the destination's token).`],
    })
    this.amount = amount
    this.minimum = minimum
  }
}

/**
 * A transfer would deliver more than 2^128 − 1 destination units, what a CosmWasm `Uint128` holds
 * (TOKEN §2 and §3, the bridge's `TokenBridgeAmountTooLarge`).
 *
 * @example
 * ```ts
 * encodeTokenTransferBody({ ...transfer, amount: 2n ** 128n }) // throws TransferAmountTooLargeError
 * ```
 */
export class TransferAmountTooLargeError extends BaseError {
  override name = 'TransferAmountTooLargeError' as const
  readonly amount: bigint
  readonly max: bigint
  constructor({ amount, max }: { amount: bigint; max: bigint }) {
    super(`A transfer delivering ${amount} units is above the most a body carries, ${max}.`, {
      metaMessages: ['Split it into several transfers.'],
    })
    this.amount = amount
    this.max = max
  }
}

/**
 * Two tokens' decimals are more than 36 apart, or not a u8: the bridge refuses such a route
 * (`TokenBridgeDecimalsTooFar`).
 *
 * @example
 * ```ts
 * scaleTransferAmount({ amount: 1n, localDecimals: 0, remoteDecimals: 40 }) // throws TransferDecimalsError
 * ```
 */
export class TransferDecimalsError extends BaseError {
  override name = 'TransferDecimalsError' as const
  readonly localDecimals: number
  readonly remoteDecimals: number
  constructor({
    localDecimals,
    remoteDecimals,
  }: { localDecimals: number; remoteDecimals: number }) {
    super(
      `Decimals ${localDecimals} and ${remoteDecimals} are not a route a bridge opens (u8, at most 36 apart).`,
    )
    this.localDecimals = localDecimals
    this.remoteDecimals = remoteDecimals
  }
}

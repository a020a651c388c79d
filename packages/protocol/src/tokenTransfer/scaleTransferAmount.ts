import {
  TransferAmountTooLargeError,
  TransferAmountZeroError,
  TransferDecimalsError,
} from '../errors/tokenTransfer.js'
import { MAX_DECIMALS_GAP, MAX_TRANSFER_AMOUNT } from './constants.js'

export type ScaleTransferAmountParameters = {
  /** The amount asked for, in the origin token's units. */
  amount: bigint
  /** The origin token's decimals. */
  localDecimals: number
  /** The destination token's decimals (the route's `remoteDecimals`). */
  remoteDecimals: number
}
export type ScaleTransferAmountReturnType = {
  /** What leaves the sender: `amount` less the dust. */
  sent: bigint
  /** What arrives, in the destination token's units. */
  amountReceived: bigint
  /** What stays with the sender: the part below one destination unit. */
  dust: bigint
}
export type ScaleTransferAmountErrorType =
  | TransferAmountZeroError
  | TransferAmountTooLargeError
  | TransferDecimalsError

/**
 * Converts an amount between two tokens' decimals exactly as the bridges do (TOKEN §3): never
 * rounding up, the dust staying with the sender. Refuses what `transferRemote` refuses: a
 * transfer that delivers nothing (`TransferAmountZeroError`, with the smallest amount that
 * does) or more than 2^128 − 1 units (`TransferAmountTooLargeError`).
 *
 * @example
 * ```ts
 * import { scaleTransferAmount } from '@ferry/protocol'
 *
 * scaleTransferAmount({ amount: 1_234_567_891_234_567_891n, localDecimals: 18, remoteDecimals: 6 })
 * // { sent: 1_234_567_000_000_000_000n, amountReceived: 1_234_567n, dust: 891_234_567_891n }
 * ```
 */
export function scaleTransferAmount({
  amount,
  localDecimals,
  remoteDecimals,
}: ScaleTransferAmountParameters): ScaleTransferAmountReturnType {
  const isU8 = (d: number) => Number.isInteger(d) && d >= 0 && d <= 0xff
  if (
    !isU8(localDecimals) ||
    !isU8(remoteDecimals) ||
    Math.abs(localDecimals - remoteDecimals) > MAX_DECIMALS_GAP
  )
    throw new TransferDecimalsError({ localDecimals, remoteDecimals })
  let scaled: ScaleTransferAmountReturnType
  let minimum = 1n
  if (remoteDecimals >= localDecimals) {
    scaled = {
      sent: amount,
      amountReceived: amount * 10n ** BigInt(remoteDecimals - localDecimals),
      dust: 0n,
    }
  } else {
    minimum = 10n ** BigInt(localDecimals - remoteDecimals)
    const amountReceived = amount / minimum
    const sent = amountReceived * minimum
    scaled = { sent, amountReceived, dust: amount - sent }
  }
  if (amount <= 0n || scaled.amountReceived === 0n)
    throw new TransferAmountZeroError({ amount, minimum })
  if (scaled.amountReceived > MAX_TRANSFER_AMOUNT)
    throw new TransferAmountTooLargeError({
      amount: scaled.amountReceived,
      max: MAX_TRANSFER_AMOUNT,
    })
  return scaled
}

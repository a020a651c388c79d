import { concat, type Hex, numberToHex } from 'viem'
import type { InvalidBytes32Error } from '../errors/encoding.js'
import { TransferAmountTooLargeError, TransferAmountZeroError } from '../errors/tokenTransfer.js'
import { toBytes32 } from '../internal/bytes.js'
import { MAX_TRANSFER_AMOUNT, TOKEN_TRANSFER_VERSION } from './constants.js'
import type { TokenTransfer } from './types.js'

export type EncodeTokenTransferBodyParameters = TokenTransfer
export type EncodeTokenTransferBodyReturnType = Hex
export type EncodeTokenTransferBodyErrorType =
  | InvalidBytes32Error
  | TransferAmountZeroError
  | TransferAmountTooLargeError

/**
 * The body of a token transfer (spec/apps/token-bridge.md §2), 97 bytes:
 * `version u8 (1) | recipient b32 | amount u256 (≤ 2^128 − 1) | sender b32`. A zero amount is
 * refused as the bridges refuse it.
 *
 * @example
 * ```ts
 * import { encodeTokenTransferBody, evmAddressToBytes32 } from '@ferry/protocol'
 *
 * const body = encodeTokenTransferBody({ recipient: evmAddressToBytes32(to), amount: 1_234_567n, sender: evmAddressToBytes32(from) })
 * ```
 */
export function encodeTokenTransferBody({
  recipient,
  amount,
  sender,
}: EncodeTokenTransferBodyParameters): EncodeTokenTransferBodyReturnType {
  if (amount <= 0n) throw new TransferAmountZeroError({ amount, minimum: 1n })
  if (amount > MAX_TRANSFER_AMOUNT)
    throw new TransferAmountTooLargeError({ amount, max: MAX_TRANSFER_AMOUNT })
  return concat([
    numberToHex(TOKEN_TRANSFER_VERSION, { size: 1 }),
    toBytes32(recipient, 'recipient'),
    numberToHex(amount, { size: 32 }),
    toBytes32(sender, 'sender'),
  ])
}

import { bytesToBigInt, type Hex } from 'viem'
import type { InvalidHexError } from '../errors/encoding.js'
import { TokenTransferBodyLengthError, TokenTransferVersionError } from '../errors/tokenTransfer.js'
import { hex, toBytes } from '../internal/bytes.js'
import { TOKEN_TRANSFER_BODY_LENGTH, TOKEN_TRANSFER_VERSION } from './constants.js'
import type { TokenTransfer } from './types.js'

export type DecodeTokenTransferBodyParameters = Hex | Uint8Array
export type DecodeTokenTransferBodyReturnType = TokenTransfer
export type DecodeTokenTransferBodyErrorType =
  | InvalidHexError
  | TokenTransferBodyLengthError
  | TokenTransferVersionError

/**
 * Reads a token-transfer body (spec/apps/token-bridge.md §2) into its recipient, amount (in the
 * destination's units) and sender, refusing what a bridge's handler refuses (another length or
 * version): what an explorer shows for a transfer.
 *
 * @example
 * ```ts
 * import { decodeMessage, decodeTokenTransferBody } from '@ferry/protocol'
 *
 * const { recipient, amount, sender } = decodeTokenTransferBody(decodeMessage(encoded).body)
 * ```
 */
export function decodeTokenTransferBody(
  body: DecodeTokenTransferBodyParameters,
): DecodeTokenTransferBodyReturnType {
  const bytes = toBytes(body, 'body')
  if (bytes.length !== TOKEN_TRANSFER_BODY_LENGTH)
    throw new TokenTransferBodyLengthError({ length: bytes.length })
  const version = bytes[0] ?? 0
  if (version !== TOKEN_TRANSFER_VERSION) throw new TokenTransferVersionError({ version })
  // An amount above 2^128 − 1 is decoded as is: a bridge never sends one, and showing it beats hiding it.
  return {
    recipient: hex(bytes.subarray(1, 33)),
    amount: bytesToBigInt(bytes.subarray(33, 65)),
    sender: hex(bytes.subarray(65, 97)),
  }
}

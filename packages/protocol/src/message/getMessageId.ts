import { type Hex, keccak256 } from 'viem'
import type { InvalidHexError } from '../errors/encoding.js'
import { toBytes } from '../internal/bytes.js'

export type GetMessageIdParameters = Hex | Uint8Array
export type GetMessageIdReturnType = Hex
export type GetMessageIdErrorType = InvalidHexError

/**
 * A message's id: `keccak256` of its encoded bytes, which is also its merkle leaf. It hashes
 * the bytes as given; decode first if they may be malformed.
 *
 * @example
 * ```ts
 * import { encodeMessage, getMessageId } from '@ferry/protocol'
 *
 * const id = getMessageId(encodeMessage(message))
 * ```
 */
export function getMessageId(encoded: GetMessageIdParameters): GetMessageIdReturnType {
  return keccak256(toBytes(encoded, 'encoded'), 'hex')
}

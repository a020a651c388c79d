import type { Hex } from 'viem'
import { ACK_BODY_HEADER_LENGTH, MAX_RESULT_LENGTH, type MessageStatus } from '../constants.js'
import { AckBodyTooShortError, ResultTooLargeError, UnknownStatusError } from '../errors/ack.js'
import type { InvalidHexError } from '../errors/encoding.js'
import { hex, toBytes } from '../internal/bytes.js'
import { isMessageStatus } from '../internal/status.js'

export type DecodeAckBodyParameters = Hex | Uint8Array
export type DecodeAckBodyReturnType = { originalId: Hex; status: MessageStatus; result: Hex }
export type DecodeAckBodyErrorType =
  | InvalidHexError
  | AckBodyTooShortError
  | UnknownStatusError
  | ResultTooLargeError

/**
 * Decodes the body of an ack message (PROTOCOL §8) into the acknowledged message's id, its final
 * status and the handler's result.
 *
 * @example
 * ```ts
 * import { decodeAckBody, decodeMessage } from '@ferry/protocol'
 *
 * const { originalId, status, result } = decodeAckBody(decodeMessage(ack).body)
 * ```
 */
export function decodeAckBody(body: DecodeAckBodyParameters): DecodeAckBodyReturnType {
  const bytes = toBytes(body, 'body')
  if (bytes.length < ACK_BODY_HEADER_LENGTH)
    throw new AckBodyTooShortError({ length: bytes.length, min: ACK_BODY_HEADER_LENGTH })
  const status = bytes[32] ?? 0
  if (!isMessageStatus(status)) throw new UnknownStatusError({ status })
  const resultLength = bytes.length - ACK_BODY_HEADER_LENGTH
  if (resultLength > MAX_RESULT_LENGTH)
    throw new ResultTooLargeError({ length: resultLength, max: MAX_RESULT_LENGTH })
  return {
    originalId: hex(bytes.subarray(0, 32)),
    status,
    result: hex(bytes.subarray(ACK_BODY_HEADER_LENGTH)),
  }
}

import { encodePacked, type Hex } from 'viem'
import type { MessageStatus } from '../constants.js'
import { MAX_RESULT_LENGTH } from '../constants.js'
import { ResultTooLargeError, UnknownStatusError } from '../errors/ack.js'
import type {
  FieldOutOfRangeError,
  InvalidBytes32Error,
  InvalidHexError,
} from '../errors/encoding.js'
import { assertUint, hex, MAX_U8, toBytes, toBytes32 } from '../internal/bytes.js'
import { isMessageStatus } from '../internal/status.js'

export type EncodeAckBodyParameters = {
  /** Id of the message being acknowledged. */
  originalId: Hex
  /** Its final status on the destination. */
  status: MessageStatus
  /** Handler return data (Executed) or last revert data (TimedOut); at most `MAX_RESULT_LENGTH`. */
  result: Hex
}
export type EncodeAckBodyReturnType = Hex
export type EncodeAckBodyErrorType =
  | InvalidBytes32Error
  | InvalidHexError
  | FieldOutOfRangeError
  | UnknownStatusError
  | ResultTooLargeError

/**
 * Encodes the body of an ack message: `originalId b32 | status u8 | result` (PROTOCOL §8).
 *
 * @example
 * ```ts
 * import { encodeAckBody, MessageStatus } from '@ferry/protocol'
 *
 * const body = encodeAckBody({ originalId: id, status: MessageStatus.Executed, result: '0x' })
 * ```
 */
export function encodeAckBody(parameters: EncodeAckBodyParameters): EncodeAckBodyReturnType {
  const originalId = toBytes32(parameters.originalId, 'originalId')
  const { status } = parameters
  assertUint(status, MAX_U8, 'status')
  if (!isMessageStatus(status)) throw new UnknownStatusError({ status })
  const result = toBytes(parameters.result, 'result')
  if (result.length > MAX_RESULT_LENGTH)
    throw new ResultTooLargeError({ length: result.length, max: MAX_RESULT_LENGTH })
  return encodePacked(['bytes32', 'uint8', 'bytes'], [originalId, status, hex(result)])
}

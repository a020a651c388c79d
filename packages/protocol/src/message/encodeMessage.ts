import { encodePacked, type Hex } from 'viem'
import {
  ACK_BODY_HEADER_LENGTH,
  MAX_BODY_LENGTH,
  MessageFlags,
  PROTOCOL_VERSION,
} from '../constants.js'
import { AckBodyTooShortError } from '../errors/ack.js'
import type {
  FieldOutOfRangeError,
  InvalidBytes32Error,
  InvalidHexError,
} from '../errors/encoding.js'
import {
  AckRequestedOnAckError,
  AckRequestMismatchError,
  BodyTooLargeError,
  UnknownFlagsError,
  UnsupportedVersionError,
} from '../errors/message.js'
import {
  assertUint,
  assertUint64,
  hex,
  MAX_U8,
  MAX_U32,
  toBytes,
  toBytes32,
} from '../internal/bytes.js'
import type { Message } from './types.js'

export type EncodeMessageParameters = Message
export type EncodeMessageReturnType = Hex
export type EncodeMessageErrorType =
  | FieldOutOfRangeError
  | InvalidBytes32Error
  | InvalidHexError
  | UnsupportedVersionError
  | UnknownFlagsError
  | AckRequestedOnAckError
  | AckRequestMismatchError
  | BodyTooLargeError

const KNOWN_FLAGS = MessageFlags.isAck | MessageFlags.ackRequested

/**
 * Encodes a message in the packed wire format of PROTOCOL §3, after checking every field, so that
 * what it returns is a message an endpoint accepts (apart from the destination, which only the
 * endpoint knows). It is stricter than `decodeMessage`: it also rejects `ackRequested` without
 * `ackGasLimit` and the other way round (PROTOCOL §3), and an ack that requests an ack (§8).
 *
 * @example
 * ```ts
 * import { encodeMessage } from '@ferry/protocol'
 *
 * const encoded = encodeMessage({
 *   version: 1, flags: 0, origin: 31337, sender, destination: 31338, recipient,
 *   nonce: 1n, deadline: 0n, gasLimit: 200_000, ackGasLimit: 0, body: '0x',
 * })
 * ```
 */
export function encodeMessage(message: EncodeMessageParameters): EncodeMessageReturnType {
  const { version, flags, origin, destination, nonce, deadline, gasLimit, ackGasLimit } = message
  assertUint(version, MAX_U8, 'version')
  if (version !== PROTOCOL_VERSION)
    throw new UnsupportedVersionError({ version, expected: PROTOCOL_VERSION })
  assertUint(flags, MAX_U8, 'flags')
  if ((flags & ~KNOWN_FLAGS) !== 0)
    throw new UnknownFlagsError({ flags, unknown: flags & ~KNOWN_FLAGS })
  if (flags === KNOWN_FLAGS) throw new AckRequestedOnAckError({ flags })
  assertUint(origin, MAX_U32, 'origin')
  const sender = toBytes32(message.sender, 'sender')
  assertUint(destination, MAX_U32, 'destination')
  const recipient = toBytes32(message.recipient, 'recipient')
  assertUint64(nonce, 'nonce')
  assertUint64(deadline, 'deadline')
  assertUint(gasLimit, MAX_U32, 'gasLimit')
  assertUint(ackGasLimit, MAX_U32, 'ackGasLimit')
  if (ackGasLimit > 0 !== ((flags & MessageFlags.ackRequested) !== 0))
    throw new AckRequestMismatchError({ flags, ackGasLimit })
  const body = toBytes(message.body, 'body')
  if (body.length > MAX_BODY_LENGTH)
    throw new BodyTooLargeError({ length: body.length, max: MAX_BODY_LENGTH })
  if ((flags & MessageFlags.isAck) !== 0 && body.length < ACK_BODY_HEADER_LENGTH)
    throw new AckBodyTooShortError({ length: body.length, min: ACK_BODY_HEADER_LENGTH })

  return encodePacked(
    [
      'uint8',
      'uint8',
      'uint32',
      'bytes32',
      'uint32',
      'bytes32',
      'uint64',
      'uint64',
      'uint32',
      'uint32',
      'bytes',
    ],
    [
      version,
      flags,
      origin,
      sender,
      destination,
      recipient,
      nonce,
      deadline,
      gasLimit,
      ackGasLimit,
      hex(body),
    ],
  )
}

import type { Hex } from 'viem'
import {
  ACK_BODY_HEADER_LENGTH,
  MAX_BODY_LENGTH,
  MESSAGE_HEADER_LENGTH,
  MessageFlags,
  PROTOCOL_VERSION,
} from '../constants.js'
import { AckBodyTooShortError } from '../errors/ack.js'
import type { InvalidHexError } from '../errors/encoding.js'
import {
  AckRequestedOnAckError,
  BodyTooLargeError,
  MessageTooShortError,
  UnknownFlagsError,
  UnsupportedVersionError,
} from '../errors/message.js'
import { hex, toBytes } from '../internal/bytes.js'
import type { Message } from './types.js'

export type DecodeMessageParameters = Hex | Uint8Array
export type DecodeMessageReturnType = Message
export type DecodeMessageErrorType =
  | InvalidHexError
  | MessageTooShortError
  | UnsupportedVersionError
  | UnknownFlagsError
  | AckRequestedOnAckError
  | BodyTooLargeError
  | AckBodyTooShortError

const KNOWN_FLAGS = MessageFlags.isAck | MessageFlags.ackRequested

/**
 * Decodes a packed message (PROTOCOL §3), rejecting what every endpoint (EVM and CosmWasm)
 * rejects regardless of which chain it is on: fewer than 98 bytes, a wrong version, unknown flag
 * bits, an ack that requests an ack, a body over `MAX_BODY_LENGTH`, an ack whose body is shorter
 * than `originalId | status`. It does not check the destination (only the receiving endpoint
 * knows its own domain), nor the `ackGasLimit` rule that `encodeMessage` enforces on senders.
 *
 * @example
 * ```ts
 * import { decodeMessage } from '@ferry/protocol'
 *
 * const { origin, sender, nonce, body } = decodeMessage(log.args.message)
 * ```
 */
export function decodeMessage(encoded: DecodeMessageParameters): DecodeMessageReturnType {
  const bytes = toBytes(encoded, 'encoded')
  if (bytes.length < MESSAGE_HEADER_LENGTH)
    throw new MessageTooShortError({ length: bytes.length, min: MESSAGE_HEADER_LENGTH })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

  const version = view.getUint8(0)
  if (version !== PROTOCOL_VERSION)
    throw new UnsupportedVersionError({ version, expected: PROTOCOL_VERSION })
  const flags = view.getUint8(1)
  if ((flags & ~KNOWN_FLAGS) !== 0)
    throw new UnknownFlagsError({ flags, unknown: flags & ~KNOWN_FLAGS })
  const isAck = (flags & MessageFlags.isAck) !== 0
  if (isAck && (flags & MessageFlags.ackRequested) !== 0)
    throw new AckRequestedOnAckError({ flags })
  const bodyLength = bytes.length - MESSAGE_HEADER_LENGTH
  if (bodyLength > MAX_BODY_LENGTH)
    throw new BodyTooLargeError({ length: bodyLength, max: MAX_BODY_LENGTH })
  if (isAck && bodyLength < ACK_BODY_HEADER_LENGTH)
    throw new AckBodyTooShortError({ length: bodyLength, min: ACK_BODY_HEADER_LENGTH })

  // Offsets from the table in PROTOCOL §3.
  return {
    version,
    flags,
    origin: view.getUint32(2),
    sender: hex(bytes.subarray(6, 38)),
    destination: view.getUint32(38),
    recipient: hex(bytes.subarray(42, 74)),
    nonce: view.getBigUint64(74),
    deadline: view.getBigUint64(82),
    gasLimit: view.getUint32(90),
    ackGasLimit: view.getUint32(94),
    body: hex(bytes.subarray(MESSAGE_HEADER_LENGTH)),
  }
}

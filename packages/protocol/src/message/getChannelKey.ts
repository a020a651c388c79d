import { encodePacked, type Hex, keccak256 } from 'viem'
import { MessageFlags } from '../constants.js'
import type { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { assertUint, MAX_U8, MAX_U32, toBytes32 } from '../internal/bytes.js'
import type { Message } from './types.js'

export type GetChannelKeyParameters = Pick<
  Message,
  'origin' | 'sender' | 'destination' | 'recipient' | 'flags'
>
export type GetChannelKeyReturnType = Hex
export type GetChannelKeyErrorType = FieldOutOfRangeError | InvalidBytes32Error

/**
 * The key of a message's channel, under which endpoints keep its nonces:
 * `keccak256(origin u32 | sender b32 | destination u32 | recipient b32 | (flags & isAck) u8)`.
 * Messages and acks between the same two apps are separate channels.
 *
 * @example
 * ```ts
 * import { decodeMessage, getChannelKey } from '@ferry/protocol'
 *
 * const channel = getChannelKey(decodeMessage(encoded))
 * ```
 */
export function getChannelKey(parameters: GetChannelKeyParameters): GetChannelKeyReturnType {
  const { origin, destination, flags } = parameters
  assertUint(origin, MAX_U32, 'origin')
  assertUint(destination, MAX_U32, 'destination')
  assertUint(flags, MAX_U8, 'flags')
  const sender = toBytes32(parameters.sender, 'sender')
  const recipient = toBytes32(parameters.recipient, 'recipient')
  return keccak256(
    encodePacked(
      ['uint32', 'bytes32', 'uint32', 'bytes32', 'uint8'],
      [origin, sender, destination, recipient, flags & MessageFlags.isAck],
    ),
  )
}

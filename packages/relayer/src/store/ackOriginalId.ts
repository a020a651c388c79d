import { decodeAckBody, decodeMessage, MessageFlags } from '@ferry/protocol'
import type { Hex } from 'viem'

/**
 * The id an ack acknowledges (PROTOCOL §8: its body's first 32 bytes), lower case, as the store
 * keeps it in `messages.ack_of`; `null` for a message that is not an ack, or an ack whose body
 * does not decode. The layout is `@ferry/protocol`'s: nothing here slices bytes itself.
 *
 * @example
 * ackOriginalId(ack.flags, ack.encoded) // '0x5f1c…'
 */
export function ackOriginalId(flags: number, encoded: Hex): Hex | null {
  if ((flags & MessageFlags.isAck) === 0) return null
  try {
    // CAST: lower-casing keeps the `0x` prefix, so the value is still hex.
    return decodeAckBody(decodeMessage(encoded).body).originalId.toLowerCase() as Hex
  } catch {
    return null
  }
}

import { decodeAckBody, decodeMessage } from '@ferry/protocol'
import type { Hex } from 'viem'

/**
 * The id an ack acknowledges (PROTOCOL §8: the first 32 bytes of its body), lower case; undefined
 * when `encoded` is not a well-formed ack.
 *
 * @example
 * const originalId = getAckOriginalId(ack.encoded)
 */
export function getAckOriginalId(encoded: Hex): Hex | undefined {
  try {
    // CAST: lower-casing keeps the `0x` prefix, so the value is still hex.
    return decodeAckBody(decodeMessage(encoded).body).originalId.toLowerCase() as Hex
  } catch {
    return undefined
  }
}

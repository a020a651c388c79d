import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import { type Hex, isAddress, isHex } from 'viem'
import type { FerryChain } from '../../client/defineFerryChain.js'
import { InvalidRecipientError } from '../../errors/InvalidRecipientError.js'

/**
 * `recipient` as the 32 bytes a message carries (PROTOCOL §2), checked against the destination's
 * kind: an EVM destination takes a 20-byte address (a mixed-case one with a valid checksum) or
 * 32 bytes whose first 12 are zero; a CosmWasm destination takes bech32 with its prefix or
 * any 32 bytes. Throws `InvalidRecipientError`.
 *
 * @example
 * toRecipientBytes32(osmosis, 'osmo1…') // '0x…' (32 bytes)
 */
export function toRecipientBytes32(destination: FerryChain, recipient: string): Hex {
  const invalid = (expected: string, cause?: Error) =>
    new InvalidRecipientError({ recipient, destination: destination.name, expected, cause })
  const isBytes32 = isHex(recipient, { strict: true }) && recipient.length === 66
  if (destination.kind === 'evm') {
    const expected =
      'an EVM address (0x + 40 hex digits), or 32-byte hex starting with 12 zero bytes'
    if (isBytes32) {
      if (!/^0x0{24}/.test(recipient)) throw invalid(expected)
      return recipient.toLowerCase() as Hex // CAST: checked to be 32-byte hex just above.
    }
    if (!isAddress(recipient, { strict: false })) throw invalid(expected)
    try {
      return evmAddressToBytes32(recipient)
    } catch (error) {
      // A mixed-case address whose EIP-55 checksum is wrong: likely a typo, so refused.
      throw invalid(
        `${expected}, with a valid EIP-55 checksum`,
        error instanceof Error ? error : undefined,
      )
    }
  }
  const expected = `a bech32 address with prefix "${destination.bech32Prefix}", or 32-byte hex`
  if (isBytes32) return recipient.toLowerCase() as Hex // CAST: checked to be 32-byte hex above.
  try {
    // bech32's prefix is everything before the last `1` (BIP-173); the protocol checks the rest.
    if (recipient.slice(0, recipient.lastIndexOf('1')) !== destination.bech32Prefix)
      throw invalid(expected)
    return bech32ToBytes32(recipient)
  } catch (error) {
    if (error instanceof InvalidRecipientError) throw error
    throw invalid(expected, error instanceof Error ? error : undefined)
  }
}

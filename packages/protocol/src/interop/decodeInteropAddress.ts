import type { Hex } from 'viem'
import type { InvalidHexError } from '../errors/encoding.js'
import { InvalidInteropAddressError } from '../errors/interop.js'
import { hex, toBytes } from '../internal/bytes.js'
import { INTEROP_ADDRESS_VERSION } from './constants.js'
import { checkInteropAddress } from './internal/checkInteropAddress.js'
import type { InteropAddress } from './types.js'

export type DecodeInteropAddressParameters = Hex | Uint8Array
export type DecodeInteropAddressReturnType = InteropAddress
export type DecodeInteropAddressErrorType = InvalidHexError | InvalidInteropAddressError

/**
 * Reads an ERC-7930 v1 interoperable address (spec/apps/erc7786-gateway.md §3) into its chain
 * type, reference and address. Stricter than the gateway, which ignores trailing bytes: input a
 * user typed is refused whole (`InvalidInteropAddressError`) rather than read in part.
 *
 * @example
 * ```ts
 * import { decodeInteropAddress } from '@ferry/protocol'
 *
 * decodeInteropAddress('0x00010000027a691470997970c51812dc3a010c7d01b50e0d17dc79c8')
 * // { chainType: 0, reference: '0x7a69', address: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8' }
 * ```
 */
export function decodeInteropAddress(
  value: DecodeInteropAddressParameters,
): DecodeInteropAddressReturnType {
  const bytes = toBytes(value, 'interop address')
  const shown = typeof value === 'string' ? value : hex(value)
  const fail = (reason: string): never => {
    throw new InvalidInteropAddressError({ value: shown, reason })
  }
  // version u16 | chainType u16 | refLength u8: the fixed head.
  if (bytes.length < 6) fail(`${bytes.length} bytes, shorter than the 6-byte head`)
  const version = ((bytes[0] ?? 0) << 8) | (bytes[1] ?? 0)
  if (version !== INTEROP_ADDRESS_VERSION) fail(`version ${version}, not 1`)
  const chainType = ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)
  const referenceEnd = 5 + (bytes[4] ?? 0)
  if (referenceEnd + 1 > bytes.length) fail('the reference runs past the end')
  const addressEnd = referenceEnd + 1 + (bytes[referenceEnd] ?? 0)
  if (addressEnd > bytes.length) fail('the address runs past the end')
  if (addressEnd < bytes.length) fail(`${bytes.length - addressEnd} bytes after the address`)
  const decoded: InteropAddress = {
    chainType,
    reference: hex(bytes.subarray(5, referenceEnd)),
    address: hex(bytes.subarray(referenceEnd + 1, addressEnd)),
  }
  checkInteropAddress(decoded, shown)
  return decoded
}

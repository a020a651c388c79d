import { concat, type Hex, numberToHex } from 'viem'
import type { InvalidHexError } from '../errors/encoding.js'
import type { InvalidInteropAddressError } from '../errors/interop.js'
import { hex, toBytes } from '../internal/bytes.js'
import { INTEROP_ADDRESS_VERSION } from './constants.js'
import { checkInteropAddress } from './internal/checkInteropAddress.js'
import type { InteropAddress } from './types.js'

export type EncodeInteropAddressParameters = {
  chainType: number
  reference: Hex | Uint8Array
  /** Omitted or `0x`: a chain-only address (what a gateway maps domains to). */
  address?: Hex | Uint8Array | undefined
}
export type EncodeInteropAddressReturnType = Hex
export type EncodeInteropAddressErrorType = InvalidHexError | InvalidInteropAddressError

/**
 * An ERC-7930 v1 interoperable address (spec/apps/erc7786-gateway.md §3):
 * `0x0001 | chainType u16 | refLength u8 | reference | addrLength u8 | address`, refusing what
 * `decodeInteropAddress` would (an EIP-155 address other than 20 bytes, more than 32 bytes).
 *
 * @example
 * ```ts
 * import { encodeInteropAddress, INTEROP_CHAIN_TYPES } from '@ferry/protocol'
 *
 * encodeInteropAddress({ chainType: INTEROP_CHAIN_TYPES.eip155, reference: '0x7a69', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' })
 * // '0x00010000027a691470997970c51812dc3a010c7d01b50e0d17dc79c8'
 * ```
 */
export function encodeInteropAddress({
  chainType,
  reference,
  address = '0x',
}: EncodeInteropAddressParameters): EncodeInteropAddressReturnType {
  const fields: InteropAddress = {
    chainType,
    reference: hex(toBytes(reference, 'reference')),
    address: hex(toBytes(address, 'address')),
  }
  checkInteropAddress(fields, fields)
  const referenceLength = (fields.reference.length - 2) / 2
  const addressLength = (fields.address.length - 2) / 2
  return concat([
    numberToHex(INTEROP_ADDRESS_VERSION, { size: 2 }),
    numberToHex(chainType, { size: 2 }),
    numberToHex(referenceLength, { size: 1 }),
    fields.reference,
    numberToHex(addressLength, { size: 1 }),
    fields.address,
  ])
}

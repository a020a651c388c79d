import { type Address, type Hex, isAddress, pad } from 'viem'
import { InvalidAddressError } from '../errors/address.js'

export type EvmAddressToBytes32Parameters = Address
export type EvmAddressToBytes32ReturnType = Hex
export type EvmAddressToBytes32ErrorType = InvalidAddressError

/**
 * An EVM address as the `bytes32` Ferry messages carry: its 20 bytes left-padded with zeros,
 * lower-case. A mixed-case address must have a valid EIP-55 checksum.
 *
 * @example
 * ```ts
 * import { evmAddressToBytes32 } from '@ferry/protocol'
 *
 * evmAddressToBytes32('0x5FbDB2315678afecb367f032d93F642f64180aa3')
 * // '0x0000000000000000000000005fbdb2315678afecb367f032d93f642f64180aa3'
 * ```
 */
export function evmAddressToBytes32(
  address: EvmAddressToBytes32Parameters,
): EvmAddressToBytes32ReturnType {
  if (!isAddress(address, { strict: false }))
    throw new InvalidAddressError({ address, reason: 'not 0x followed by 40 hex digits' })
  if (!isAddress(address, { strict: true }))
    throw new InvalidAddressError({ address, reason: 'bad EIP-55 checksum' })
  // CAST: isAddress proved the shape; lower-casing keeps it.
  return pad(address.toLowerCase() as Hex, { size: 32 })
}

import type { Hex } from 'viem'
import type { InvalidAddressError, InvalidBech32Error } from '../errors/address.js'
import { bech32ToBytes32 } from './bech32ToBytes32.js'
import { evmAddressToBytes32 } from './evmAddressToBytes32.js'

export type AddressToBytes32Parameters = string
export type AddressToBytes32ReturnType = Hex
export type AddressToBytes32ErrorType = InvalidAddressError | InvalidBech32Error

/**
 * Any chain-native address as a message `bytes32`: a `0x…` string is read as an EVM address,
 * anything else as bech32 (CosmWasm).
 *
 * @example
 * ```ts
 * import { addressToBytes32 } from '@ferry/protocol'
 *
 * addressToBytes32('0x5FbDB2315678afecb367f032d93F642f64180aa3')
 * addressToBytes32('wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85')
 * ```
 */
export function addressToBytes32(address: AddressToBytes32Parameters): AddressToBytes32ReturnType {
  // CAST: evmAddressToBytes32 checks the shape itself and throws a named error if it is wrong.
  if (address.startsWith('0x')) return evmAddressToBytes32(address as Hex)
  return bech32ToBytes32(address)
}

import { bech32 } from '@scure/base'
import { bytesToHex, type Hex, pad } from 'viem'
import { InvalidBech32Error } from '../errors/address.js'

export type Bech32ToBytes32Parameters = string
export type Bech32ToBytes32ReturnType = Hex
export type Bech32ToBytes32ErrorType = InvalidBech32Error

/**
 * A CosmWasm (bech32) address as a message `bytes32`: its 20 (account) or 32 (contract) data
 * bytes, left-padded with zeros. The prefix is not kept; `bytes32ToBech32` needs it back.
 *
 * @example
 * ```ts
 * import { bech32ToBytes32 } from '@ferry/protocol'
 *
 * bech32ToBytes32('wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85')
 * // '0x000000000000000000000000ad51726ae17180ce4c213458b9a988d028e07113'
 * ```
 */
export function bech32ToBytes32(address: Bech32ToBytes32Parameters): Bech32ToBytes32ReturnType {
  let bytes: Uint8Array
  try {
    // No length limit: BIP-173's 90 characters is for Bitcoin; Cosmos prefixes can be long.
    bytes = bech32.decodeToBytes(address, false).bytes
  } catch (error) {
    throw new InvalidBech32Error({
      address,
      reason: 'not bech32',
      ...(error instanceof Error ? { cause: error } : {}),
    })
  }
  if (bytes.length !== 20 && bytes.length !== 32)
    throw new InvalidBech32Error({ address, reason: `${bytes.length} data bytes, not 20 or 32` })
  return pad(bytesToHex(bytes), { size: 32 })
}

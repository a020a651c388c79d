import { bech32 } from '@scure/base'
import { type Hex, hexToBytes } from 'viem'
import { InvalidBech32Error } from '../errors/address.js'
import type { InvalidBytes32Error } from '../errors/encoding.js'
import { toBytes32 } from '../internal/bytes.js'

/** `[bytes32, prefix]`: the padded address and the chain's bech32 prefix (`wasm`, `osmo`, …). */
export type Bytes32ToBech32Parameters = [bytes32: Hex, prefix: string]
export type Bytes32ToBech32ReturnType = string
export type Bytes32ToBech32ErrorType = InvalidBytes32Error | InvalidBech32Error

/**
 * The CosmWasm address inside a message `bytes32`, bech32-encoded with `prefix`. Following
 * PROTOCOL §2, a `bytes32` whose first 12 bytes are zero is a 20-byte account address and any
 * other is a 32-byte contract address.
 *
 * @example
 * ```ts
 * import { bytes32ToBech32 } from '@ferry/protocol'
 *
 * bytes32ToBech32('0x000000000000000000000000ad51726ae17180ce4c213458b9a988d028e07113', 'wasm')
 * // 'wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85'
 * ```
 */
export function bytes32ToBech32(
  ...[bytes32, prefix]: Bytes32ToBech32Parameters
): Bytes32ToBech32ReturnType {
  const bytes = hexToBytes(toBytes32(bytes32, 'bytes32'))
  const data = bytes.subarray(0, 12).every((byte) => byte === 0) ? bytes.subarray(12) : bytes
  try {
    return bech32.encode(prefix, bech32.toWords(data), false)
  } catch (error) {
    throw new InvalidBech32Error({
      address: bytes32,
      reason: `cannot encode with prefix "${prefix}"`,
      ...(error instanceof Error ? { cause: error } : {}),
    })
  }
}

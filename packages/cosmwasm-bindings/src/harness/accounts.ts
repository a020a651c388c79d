import { bytes32ToBech32 } from '@ferry/protocol'
import type { Hex } from '../types.js'

/** The bech32 prefix of the harness's chain (wasmd's default). */
export const PREFIX = 'wasm'
/** The denomination the harness's endpoints charge fees in. */
export const DENOM = 'ustake'

/**
 * A bech32 account address made of one repeated byte (any 20 bytes are a valid account), so a
 * test names its actors without keys.
 *
 * @example
 * const alice = account(0x44) // wasm1g3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zy…
 */
export function account(byte: number): string {
  // CAST: a 0x-prefixed string of 64 hex digits.
  const bytes32 = `0x${'00'.repeat(12)}${byte.toString(16).padStart(2, '0').repeat(20)}` as Hex
  return bytes32ToBech32(bytes32, PREFIX)
}

/** The owner of every contract the harness instantiates. */
export const OWNER = account(0x11)
/** The account that delivers messages. */
export const RELAYER = account(0x22)
/** An account with no role. */
export const USER = account(0x33)

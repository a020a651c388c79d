// Conversions between the client's types and the endpoint's JSON (INTERFACE.md "Encoding rules").
// Not exported from the package: each public action names the field it converts, so an error
// says which argument was wrong.
import { FieldOutOfRangeError, InvalidBytes32Error, InvalidHexError } from '@ferry/protocol'
import { base64, hex } from '@scure/base'
import type { Hex } from '../types.js'

const HEX = /^0x(?:[0-9a-fA-F]{2})*$/
const BYTES32 = /^0x[0-9a-fA-F]{64}$/
const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/

export const MAX_U8 = 0xffn
export const MAX_U32 = 0xffff_ffffn
export const MAX_U64 = 0xffff_ffff_ffff_ffffn
export const MAX_U128 = (1n << 128n) - 1n

/** Standard base64 with padding of `value` (bytes, or whole-byte hex). */
export function toBase64(value: Hex | Uint8Array, field: string): string {
  if (value instanceof Uint8Array) return base64.encode(value)
  if (typeof value !== 'string' || !HEX.test(value)) throw new InvalidHexError({ field, value })
  return base64.encode(hex.decode(value.slice(2).toLowerCase()))
}

/** Lower-case `value`, which must be 32 bytes of hex. */
export function toBytes32(value: Hex, field: string): Hex {
  if (typeof value !== 'string' || !BYTES32.test(value))
    throw new InvalidBytes32Error({ field, value })
  // CAST: the regex above proved the shape; lower-casing keeps it.
  return value.toLowerCase() as Hex
}

/** Lower-case `value`, which must be a 20-byte Ethereum address. */
export function toEvmAddress(value: Hex, field: string): Hex {
  if (typeof value !== 'string' || !EVM_ADDRESS.test(value))
    throw new InvalidHexError({ field, value })
  // CAST: the regex above proved the shape; lower-casing keeps it.
  return value.toLowerCase() as Hex
}

/** `value` itself, once it is an integer (number) in `[0, max]`: the JSON of a u8 or u32. */
export function toUint(value: number, max: bigint, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > Number(max))
    throw new FieldOutOfRangeError({ field, value, max })
  return value
}

/** The decimal string of `value`, a bigint in `[0, max]`: the JSON of a u64 or u128. */
export function toDecimal(value: bigint, max: bigint, field: string): string {
  if (typeof value !== 'bigint' || value < 0n || value > max)
    throw new FieldOutOfRangeError({ field, value, max })
  return value.toString()
}

// Strict input checks shared by the codec. Not exported from the package: each public function
// names the field it was checking, so its errors say which argument was wrong.
import { bytesToHex, type Hex, hexToBytes } from 'viem'
import { FieldOutOfRangeError, InvalidBytes32Error, InvalidHexError } from '../errors/encoding.js'

const HEX = /^0x(?:[0-9a-fA-F]{2})*$/
const BYTES32 = /^0x[0-9a-fA-F]{64}$/

export const MAX_U8 = 0xffn
export const MAX_U32 = 0xffff_ffffn
export const MAX_U64 = 0xffff_ffff_ffff_ffffn

/** Bytes of `value`, which must be whole-byte hex (viem's `hexToBytes` would pad odd lengths). */
export function toBytes(value: Hex | Uint8Array, field: string): Uint8Array {
  if (value instanceof Uint8Array) return value
  if (typeof value !== 'string' || !HEX.test(value)) throw new InvalidHexError({ field, value })
  return hexToBytes(value)
}

/** Lower-case `value`, which must be exactly 32 bytes of hex. */
export function toBytes32(value: Hex, field: string): Hex {
  if (typeof value !== 'string' || !BYTES32.test(value))
    throw new InvalidBytes32Error({ field, value })
  // CAST: the regex above proved the shape; lower-casing keeps it.
  return value.toLowerCase() as Hex
}

/** Throws unless `value` is an integer (number) in `[0, max]`; `max` is at most 2^32 - 1. */
export function assertUint(value: number, max: bigint, field: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > Number(max))
    throw new FieldOutOfRangeError({ field, value, max })
}

/** Throws unless `value` is a bigint in `[0, 2^64 - 1]`. */
export function assertUint64(value: bigint, field: string): void {
  if (typeof value !== 'bigint' || value < 0n || value > MAX_U64)
    throw new FieldOutOfRangeError({ field, value, max: MAX_U64 })
}

/** Lower-case hex of `bytes`. */
export const hex = (bytes: Uint8Array): Hex => bytesToHex(bytes)

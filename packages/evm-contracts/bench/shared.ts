/** Helpers both sides of the gas comparison use, so their inputs and averages match exactly. */
import { type Hex, keccak256, toHex } from 'viem'

/** Deterministic, all-non-zero-looking body bytes, different for every message. */
export function bodyOf(length: number, salt: number): Hex {
  let hex = ''
  for (let i = 0; hex.length < length * 2; i++)
    hex += keccak256(toHex(`body/${salt}/${i}`)).slice(2)
  return `0x${hex.slice(0, length * 2)}`
}

export function mean(values: readonly bigint[]): number {
  return Number(values.reduce((sum, v) => sum + v, 0n)) / values.length
}

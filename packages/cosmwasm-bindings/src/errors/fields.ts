// Typed reads of the named fields of a contract error (`{"ferry_error":{"code":…,…}}`,
// INTERFACE.md "Errors"). The contract writes u8/u32 as JSON numbers, u64/u128 as decimal
// strings and bytes as 0x hex; a field of another shape reads as undefined rather than a guess.
import type { Hex } from '../types.js'

/** The fields of a contract error besides its `code`, as the contract wrote them. */
export type EndpointErrorFields = Readonly<Record<string, unknown>>

export function numberField(fields: EndpointErrorFields, key: string): number | undefined {
  const value = fields[key]
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined
}

export function bigintField(fields: EndpointErrorFields, key: string): bigint | undefined {
  const value = fields[key]
  return typeof value === 'string' && isDecimal(value) ? BigInt(value) : undefined
}

export function hexField(fields: EndpointErrorFields, key: string): Hex | undefined {
  const value = fields[key]
  if (typeof value !== 'string' || !value.startsWith('0x')) return undefined
  for (let i = 2; i < value.length; i++) if (!isHexDigit(value.charCodeAt(i))) return undefined
  // CAST: checked above, `0x` and hex digits only.
  return value as Hex
}

export function stringField(fields: EndpointErrorFields, key: string): string | undefined {
  const value = fields[key]
  return typeof value === 'string' ? value : undefined
}

function isDecimal(text: string): boolean {
  if (text.length === 0) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
}

export function booleanField(fields: EndpointErrorFields, key: string): boolean | undefined {
  const value = fields[key]
  return typeof value === 'boolean' ? value : undefined
}

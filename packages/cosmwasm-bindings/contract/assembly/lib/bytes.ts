// Byte helpers: big-endian integers, hex, concatenation, comparison.
import { asciiString } from "./strings";


export function concat(parts: Array<Uint8Array>): Uint8Array {
  let length = 0;
  for (let i = 0; i < parts.length; i++) length += parts[i].length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(parts[i], offset);
    offset += parts[i].length;
  }
  return out;
}

export function equal(a: Uint8Array, b: Uint8Array): bool {
  if (a.length != b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] != b[i]) return false;
  return true;
}

/** -1, 0 or 1, comparing two byte strings of equal length as big-endian numbers. */
export function compare(a: Uint8Array, b: Uint8Array): i32 {
  for (let i = 0; i < a.length; i++) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

export function isZero(a: Uint8Array): bool {
  for (let i = 0; i < a.length; i++) if (a[i] != 0) return false;
  return true;
}

export function readU32(bytes: Uint8Array, offset: i32): u32 {
  return (<u32>bytes[offset] << 24) | (<u32>bytes[offset + 1] << 16) | (<u32>bytes[offset + 2] << 8) | <u32>bytes[offset + 3];
}

export function readU64(bytes: Uint8Array, offset: i32): u64 {
  return (<u64>readU32(bytes, offset) << 32) | <u64>readU32(bytes, offset + 4);
}

export function writeU32(bytes: Uint8Array, offset: i32, value: u32): void {
  bytes[offset] = <u8>(value >>> 24);
  bytes[offset + 1] = <u8>(value >>> 16);
  bytes[offset + 2] = <u8>(value >>> 8);
  bytes[offset + 3] = <u8>value;
}

export function writeU64(bytes: Uint8Array, offset: i32, value: u64): void {
  writeU32(bytes, offset, <u32>(value >>> 32));
  writeU32(bytes, offset + 4, <u32>value);
}

export function u32Bytes(value: u32): Uint8Array {
  const out = new Uint8Array(4);
  writeU32(out, 0, value);
  return out;
}

export function u64Bytes(value: u64): Uint8Array {
  const out = new Uint8Array(8);
  writeU64(out, 0, value);
  return out;
}

export function utf8(text: string): Uint8Array {
  return Uint8Array.wrap(String.UTF8.encode(text));
}

const HEX = "0123456789abcdef";

/** Lower-case hex with `0x` (written as ASCII bytes: linear memory, see ./strings.ts). */
export function toHex(bytes: Uint8Array): string {
  const out = new Uint8Array(2 + 2 * bytes.length);
  out[0] = 0x30;
  out[1] = 0x78;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out[2 + 2 * i] = <u8>HEX.charCodeAt(b >> 4);
    out[3 + 2 * i] = <u8>HEX.charCodeAt(b & 15);
  }
  return asciiString(out);
}

function nibble(c: i32): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** `0x` + exactly 2 × `length` hex digits (any case), or null. */
export function fromHex(text: string, length: i32): Uint8Array | null {
  if (text.length != 2 + 2 * length || text.charCodeAt(0) != 48 || text.charCodeAt(1) != 120) return null;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const hi = nibble(text.charCodeAt(2 + 2 * i));
    const lo = nibble(text.charCodeAt(3 + 2 * i));
    if (hi < 0 || lo < 0) return null;
    out[i] = <u8>((hi << 4) | lo);
  }
  return out;
}

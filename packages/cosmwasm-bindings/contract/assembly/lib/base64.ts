// Standard base64 with padding (CosmWasm's `Binary`). Decoding is strict like the base64 crate's
// STANDARD engine: length a multiple of 4, padding only at the end, no non-zero trailing bits.
import { asciiString } from "./strings";


const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard padded base64, written as ASCII bytes (linear memory, see ./strings.ts). */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(((bytes.length + 2) / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (<u32>bytes[i] << 16) | (<u32>bytes[i + 1] << 8) | <u32>bytes[i + 2];
    out[o++] = sextetChar(n >> 18);
    out[o++] = sextetChar((n >> 12) & 63);
    out[o++] = sextetChar((n >> 6) & 63);
    out[o++] = sextetChar(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (<u32>bytes[i] << 16) | (rest == 2 ? <u32>bytes[i + 1] << 8 : 0);
    out[o++] = sextetChar(n >> 18);
    out[o++] = sextetChar((n >> 12) & 63);
    out[o++] = rest == 2 ? sextetChar((n >> 6) & 63) : 61;
    out[o++] = 61;
  }
  return asciiString(out);
}

function sextetChar(n: u32): u8 {
  return <u8>ALPHABET.charCodeAt(<i32>n);
}

function sextet(c: i32): i32 {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c == 43) return 62;
  if (c == 47) return 63;
  return -1;
}

/** The decoded bytes, or null when `text` is not canonical padded base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const length = text.length;
  if (length % 4 != 0) return null;
  if (length == 0) return new Uint8Array(0);
  let padding = 0;
  if (text.charCodeAt(length - 1) == 61) padding = text.charCodeAt(length - 2) == 61 ? 2 : 1;
  const out = new Uint8Array((length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < length; i += 4) {
    const last = i + 4 == length;
    let n: u32 = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      let s = sextet(c);
      if (s < 0) {
        if (!(last && c == 61 && j >= 4 - padding)) return null;
        s = 0;
      }
      n = (n << 6) | <u32>s;
    }
    out[o++] = <u8>(n >> 16);
    if (o < out.length) out[o++] = <u8>(n >> 8);
    if (o < out.length) out[o++] = <u8>n;
    // Canonical form: the bits the padding hides must be zero.
    if (last && padding == 1 && (n & 0xff) != 0) return null;
    if (last && padding == 2 && (n & 0xffff) != 0) return null;
  }
  return out;
}

// Unsigned integers beyond u64 (fees are u128, their products need 256 bits) and exact decimal
// parsing. AssemblyScript integers wrap silently, so every operation here checks for overflow
// and reports it instead.
import { joinStrings } from "./strings";


/** A 256-bit unsigned integer as eight little-endian u32 limbs. */
export class U256 {
  limbs: StaticArray<u32> = new StaticArray<u32>(8);

  static fromU64(value: u64): U256 {
    const n = new U256();
    n.limbs[0] = <u32>value;
    n.limbs[1] = <u32>(value >>> 32);
    return n;
  }

  isZero(): bool {
    for (let i = 0; i < 8; i++) if (this.limbs[i] != 0) return false;
    return true;
  }

  /** Whether the value fits `bits` bits (a multiple of 32). */
  fitsBits(bits: i32): bool {
    for (let i = bits / 32; i < 8; i++) if (this.limbs[i] != 0) return false;
    return true;
  }

  cmp(other: U256): i32 {
    for (let i = 7; i >= 0; i--) {
      const a = this.limbs[i];
      const b = other.limbs[i];
      if (a != b) return a < b ? -1 : 1;
    }
    return 0;
  }

  /** this + other, or null on overflow. */
  add(other: U256): U256 | null {
    const out = new U256();
    let carry: u64 = 0;
    for (let i = 0; i < 8; i++) {
      const sum = <u64>this.limbs[i] + <u64>other.limbs[i] + carry;
      out.limbs[i] = <u32>sum;
      carry = sum >>> 32;
    }
    return carry != 0 ? null : out;
  }

  /** this − other; requires this ≥ other. */
  sub(other: U256): U256 {
    const out = new U256();
    let borrow: i64 = 0;
    for (let i = 0; i < 8; i++) {
      let diff = <i64>this.limbs[i] - <i64>other.limbs[i] - borrow;
      borrow = 0;
      if (diff < 0) {
        diff += <i64>0x100000000;
        borrow = 1;
      }
      out.limbs[i] = <u32>diff;
    }
    return out;
  }

  /** this × other, or null on overflow. */
  mul(other: U256): U256 | null {
    const wide = new StaticArray<u64>(16);
    for (let i = 0; i < 8; i++) {
      let carry: u64 = 0;
      const a = <u64>this.limbs[i];
      if (a == 0) continue;
      for (let j = 0; j < 8; j++) {
        // a × b + wide + carry < 2^64: (2^32−1)^2 + 2(2^32−1) = 2^64 − 1.
        const t = a * <u64>other.limbs[j] + (wide[i + j] & 0xffffffff) + carry;
        wide[i + j] = t & 0xffffffff;
        carry = t >>> 32;
      }
      wide[i + 8] = carry;
    }
    for (let i = 8; i < 16; i++) if (wide[i] != 0) return null;
    const out = new U256();
    for (let i = 0; i < 8; i++) out.limbs[i] = <u32>wide[i];
    return out;
  }

  /** this ÷ divisor (divisor < 2^32), rounding down; the remainder is dropped. */
  divSmall(divisor: u32): U256 {
    const out = new U256();
    let rem: u64 = 0;
    for (let i = 7; i >= 0; i--) {
      // rem < divisor < 2^32, so (rem << 32) | limb fits a u64.
      const cur = (rem << 32) | <u64>this.limbs[i];
      out.limbs[i] = <u32>(cur / <u64>divisor);
      rem = cur % <u64>divisor;
    }
    return out;
  }

  toString(): string {
    if (this.isZero()) return "0";
    const digits = new Array<string>();
    let n: U256 = this;
    while (!n.isZero()) {
      const q = n.divSmall(10);
      // n − 10q is the last digit.
      const ten = q.mulSmall(10);
      digits.push(String.fromCharCode(48 + <i32>n.sub(ten).limbs[0]));
      n = q;
    }
    digits.reverse();
    return joinStrings(digits);
  }

  /** this × m for m < 2^32, assuming no overflow (used on quotients only). */
  mulSmall(m: u32): U256 {
    const out = new U256();
    let carry: u64 = 0;
    for (let i = 0; i < 8; i++) {
      const t = <u64>this.limbs[i] * <u64>m + carry;
      out.limbs[i] = <u32>t;
      carry = t >>> 32;
    }
    return out;
  }

  /** The low 64 bits. */
  low64(): u64 {
    return (<u64>this.limbs[1] << 32) | <u64>this.limbs[0];
  }

  /** 16 bytes big-endian (requires fitsBits(128)). */
  toBytes16(): Uint8Array {
    const out = new Uint8Array(16);
    for (let i = 0; i < 4; i++) {
      const limb = this.limbs[3 - i];
      out[i * 4] = <u8>(limb >>> 24);
      out[i * 4 + 1] = <u8>(limb >>> 16);
      out[i * 4 + 2] = <u8>(limb >>> 8);
      out[i * 4 + 3] = <u8>limb;
    }
    return out;
  }

  static fromBytes16(bytes: Uint8Array, offset: i32): U256 {
    const n = new U256();
    for (let i = 0; i < 4; i++) {
      const o = offset + i * 4;
      n.limbs[3 - i] = (<u32>bytes[o] << 24) | (<u32>bytes[o + 1] << 16) | (<u32>bytes[o + 2] << 8) | <u32>bytes[o + 3];
    }
    return n;
  }
}

/**
 * A canonical unsigned decimal (digits only, no sign, no leading zero unless "0") of at most
 * `bits` bits, or null.
 */
export function parseDecimal(text: string, bits: i32): U256 | null {
  const length = text.length;
  if (length == 0 || length > 78) return null;
  if (length > 1 && text.charCodeAt(0) == 48) return null;
  let n = new U256();
  const ten = U256.fromU64(10);
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    const times = n.mul(ten);
    if (times === null) return null;
    const next = times.add(U256.fromU64(<u64>(c - 48)));
    if (next === null) return null;
    n = next;
  }
  return n.fitsBits(bits) ? n : null;
}

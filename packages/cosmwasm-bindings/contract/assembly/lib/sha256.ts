// SHA-256 (FIPS 180-4). The CosmWasm VM has no sha256 import, and instantiate2 addresses
// (wasmd's BuildContractAddressPredictable) and interchain account salts need it.

const K: StaticArray<u32> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

/** The SHA-256 digest of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  const length = data.length;
  // Message, 0x80, zeros, then the bit length as u64 big-endian: a multiple of 64 bytes.
  const padded = new Uint8Array(((length + 9 + 63) / 64) * 64);
  padded.set(data);
  padded[length] = 0x80;
  const bits: u64 = <u64>length * 8;
  for (let i = 0; i < 8; i++) padded[padded.length - 1 - i] = <u8>(bits >>> (<u64>(8 * i)));

  let h0: u32 = 0x6a09e667, h1: u32 = 0xbb67ae85, h2: u32 = 0x3c6ef372, h3: u32 = 0xa54ff53a;
  let h4: u32 = 0x510e527f, h5: u32 = 0x9b05688c, h6: u32 = 0x1f83d9ab, h7: u32 = 0x5be0cd19;
  const w = new StaticArray<u32>(64);
  for (let block = 0; block < padded.length; block += 64) {
    for (let t = 0; t < 16; t++) {
      const o = block + 4 * t;
      w[t] = (<u32>padded[o] << 24) | (<u32>padded[o + 1] << 16) | (<u32>padded[o + 2] << 8) | <u32>padded[o + 3];
    }
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15];
      const b = w[t - 2];
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let t = 0; t < 64; t++) {
      const t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
      const t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      h = g; g = f; f = e; e = d + t1;
      d = c; c = b; b = a; a = t1 + t2;
    }
    h0 += a; h1 += b; h2 += c; h3 += d; h4 += e; h5 += f; h6 += g; h7 += h;
  }
  const out = new Uint8Array(32);
  writeWord(out, 0, h0); writeWord(out, 4, h1); writeWord(out, 8, h2); writeWord(out, 12, h3);
  writeWord(out, 16, h4); writeWord(out, 20, h5); writeWord(out, 24, h6); writeWord(out, 28, h7);
  return out;
}

@inline
function rotr(x: u32, n: u32): u32 {
  return (x >>> n) | (x << (32 - n));
}

function writeWord(out: Uint8Array, offset: i32, value: u32): void {
  out[offset] = <u8>(value >>> 24);
  out[offset + 1] = <u8>(value >>> 16);
  out[offset + 2] = <u8>(value >>> 8);
  out[offset + 3] = <u8>value;
}

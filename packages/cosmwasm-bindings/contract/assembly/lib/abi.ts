// Solidity ABI encoding of `bytes[]` (the interchain account router's results, decoded by the
// SDK as the EVM router's): `abi.encode(bytes[] results)` = the offset of the array (0x20), its
// length, each element's offset (from the start of the offsets), then each element's length and
// its bytes right-padded to 32.

function padded(length: i32): i32 {
  return ((length + 31) / 32) * 32;
}

function writeWord(out: Uint8Array, offset: i32, value: u64): void {
  for (let i = 0; i < 8; i++) out[offset + 31 - i] = <u8>(value >>> (<u64>(8 * i)));
}

/** `abi.encode(items)` for `bytes[] items`. */
export function encodeBytesArray(items: Array<Uint8Array>): Uint8Array {
  const n = items.length;
  let total = 64 + 32 * n;
  for (let i = 0; i < n; i++) total += 32 + padded(items[i].length);
  const out = new Uint8Array(total);
  writeWord(out, 0, 32);
  writeWord(out, 32, <u64>n);
  let offset = 32 * n; // from the first offset word
  let cursor = 64 + 32 * n;
  for (let i = 0; i < n; i++) {
    writeWord(out, 64 + 32 * i, <u64>offset);
    writeWord(out, cursor, <u64>items[i].length);
    out.set(items[i], cursor + 32);
    const size = 32 + padded(items[i].length);
    offset += size;
    cursor += size;
  }
  return out;
}

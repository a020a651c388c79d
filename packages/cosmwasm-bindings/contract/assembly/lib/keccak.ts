// keccak256 (the original Keccak padding 0x01, as Ethereum uses), in wasm: the CosmWasm VM has
// no keccak import, and a contract must not rely on simulator-only ones.
//
// The 25 lanes live in a static 200-byte buffer: no allocation per permutation, and few locals
// (the VM limits locals per function).

// Round constants of Keccak-f[1600].
const RC: StaticArray<u64> = [
  0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000,
  0x000000000000808b, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
  0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
  0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003,
  0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
  0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
];
// Rotation offsets (rho) and destination lanes (pi), in the order of the pi walk from lane 1.
const ROTC: StaticArray<u32> = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
const PILN: StaticArray<u32> = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

const STATE: usize = memory.data(200, 8);
const BC: usize = memory.data(40, 8);
const RATE: i32 = 136;

@inline function lane(i: u32): u64 {
  return load<u64>(STATE + (<usize>i << 3));
}
@inline function setLane(i: u32, v: u64): void {
  store<u64>(STATE + (<usize>i << 3), v);
}

function permute(): void {
  for (let round = 0; round < 24; round++) {
    // theta
    for (let x: u32 = 0; x < 5; x++) {
      store<u64>(BC + (<usize>x << 3), lane(x) ^ lane(x + 5) ^ lane(x + 10) ^ lane(x + 15) ^ lane(x + 20));
    }
    for (let x: u32 = 0; x < 5; x++) {
      const t = load<u64>(BC + (<usize>((x + 4) % 5) << 3)) ^ rotl<u64>(load<u64>(BC + (<usize>((x + 1) % 5) << 3)), 1);
      for (let y: u32 = 0; y < 25; y += 5) setLane(y + x, lane(y + x) ^ t);
    }
    // rho and pi
    let t = lane(1);
    for (let i = 0; i < 24; i++) {
      const j = unchecked(PILN[i]);
      const next = lane(j);
      setLane(j, rotl<u64>(t, unchecked(ROTC[i])));
      t = next;
    }
    // chi
    for (let y: u32 = 0; y < 25; y += 5) {
      for (let x: u32 = 0; x < 5; x++) store<u64>(BC + (<usize>x << 3), lane(y + x));
      for (let x: u32 = 0; x < 5; x++) {
        const a = load<u64>(BC + (<usize>x << 3));
        const b = load<u64>(BC + (<usize>((x + 1) % 5) << 3));
        const c = load<u64>(BC + (<usize>((x + 2) % 5) << 3));
        setLane(y + x, a ^ (~b & c));
      }
    }
    // iota
    setLane(0, lane(0) ^ unchecked(RC[round]));
  }
}

/** XORs `length` bytes at `ptr` into the state, from byte 0 of the state. */
function absorb(ptr: usize, length: i32): void {
  for (let i = 0; i < length; i++) {
    store<u8>(STATE + i, load<u8>(STATE + i) ^ load<u8>(ptr + i));
  }
}

/** keccak256 of `length` bytes at `ptr`, written to the 32 bytes at `out`. */
export function keccakInto(ptr: usize, length: i32, out: usize): void {
  for (let i = 0; i < 25; i++) setLane(i, 0);
  let offset = 0;
  while (length - offset >= RATE) {
    absorb(ptr + offset, RATE);
    permute();
    offset += RATE;
  }
  const rest = length - offset;
  absorb(ptr + offset, rest);
  // Keccak padding: 0x01 after the data, 0x80 on the last byte of the block.
  store<u8>(STATE + rest, load<u8>(STATE + rest) ^ 0x01);
  store<u8>(STATE + RATE - 1, load<u8>(STATE + RATE - 1) ^ 0x80);
  permute();
  // Lanes are little-endian, as wasm memory is: the first 32 state bytes are the digest.
  for (let i = 0; i < 32; i++) store<u8>(out + i, load<u8>(STATE + i));
}

/** keccak256 of `data`. */
export function keccak256(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  keccakInto(data.dataStart, data.length, out.dataStart);
  return out;
}

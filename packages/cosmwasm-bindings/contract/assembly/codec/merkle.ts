// The incremental keccak256 merkle tree of depth 32 (PROTOCOL.md §5), as the Solidity
// MerkleTree library: only the left frontier (`branch`, 32 × 32 bytes) and the count are kept.
import { fail } from "../lib/fail";
import { keccakInto } from "../lib/keccak";

export const DEPTH = 32;
export const MAX_LEAVES: u64 = 0xffffffff;

const PAIR: usize = memory.data(64, 8);

/** keccak256(left | right) into `out` (32 bytes; may alias either input). */
function hashPair(left: usize, right: usize, out: usize): void {
  memory.copy(PAIR, left, 32);
  memory.copy(PAIR + 32, right, 32);
  keccakInto(PAIR, 64, out);
}

/** Z[i] → Z[i+1] = keccak256(Z[i] | Z[i]), in place (`zero` is 32 bytes). */
export function nextZero(zero: Uint8Array): void {
  hashPair(zero.dataStart, zero.dataStart, zero.dataStart);
}

export class Tree {
  /** 32 × 32 bytes, level 0 first. */
  branch: Uint8Array = new Uint8Array(DEPTH * 32);
  count: u64 = 0;

  /** Appends `leaf`; returns its index, or fails with `tree_full`. */
  insert(leaf: Uint8Array): u32 {
    if (this.count >= MAX_LEAVES) {
      fail("tree_full", this.count.toString());
      return 0;
    }
    const index = <u32>this.count;
    // count < 2^32 − 1, so size fits and has a set bit below bit 32.
    let size = this.count + 1;
    this.count = size;
    const node = new Uint8Array(32);
    node.set(leaf);
    let i = 0;
    while ((size & 1) == 0) {
      hashPair(this.branch.dataStart + i * 32, node.dataStart, node.dataStart);
      size >>= 1;
      i++;
    }
    this.branch.set(node, i * 32);
    return index;
  }

  root(): Uint8Array {
    const current = new Uint8Array(32);
    const zero = new Uint8Array(32);
    for (let i = 0; i < DEPTH; i++) {
      if (((this.count >> i) & 1) == 1) {
        hashPair(this.branch.dataStart + i * 32, current.dataStart, current.dataStart);
      } else {
        hashPair(current.dataStart, zero.dataStart, current.dataStart);
      }
      nextZero(zero);
    }
    return current;
  }
}

/** The root of the tree holding `leaf` at `index` with the 32 siblings at `branch[offset..]`. */
export function branchRoot(leaf: Uint8Array, branch: Uint8Array, offset: i32, index: u32): Uint8Array {
  const current = new Uint8Array(32);
  current.set(leaf);
  for (let i = 0; i < DEPTH; i++) {
    const sibling = branch.dataStart + offset + i * 32;
    if (((index >> i) & 1) == 1) hashPair(sibling, current.dataStart, current.dataStart);
    else hashPair(current.dataStart, sibling, current.dataStart);
  }
  return current;
}

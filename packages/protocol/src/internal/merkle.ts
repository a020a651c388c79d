// Hashing shared by the merkle tree implementations. Nodes are kept as bytes, not hex, because
// the trees hash millions of them and converting each to a string would dominate the cost.
import { keccak256 } from 'viem'
import { MERKLE_TREE_DEPTH } from '../constants.js'

/** Leaves a depth-32 tree can hold: Hyperlane's and the deposit contract's `2^32 - 1`. */
export const MAX_LEAVES = 2 ** MERKLE_TREE_DEPTH - 1

// One buffer reused for every pair: JavaScript is single-threaded and keccak256 copies nothing
// out of it after returning.
const pair = new Uint8Array(64)

/** `keccak256(left | right)`. */
export function hashPair(left: Uint8Array, right: Uint8Array): Uint8Array {
  pair.set(left, 0)
  pair.set(right, 32)
  return keccak256(pair, 'bytes')
}

/** `Z[0] = 0x00…00`, `Z[i + 1] = keccak256(Z[i] | Z[i])`: the root of an empty subtree of height i. */
export const ZERO_NODES: readonly Uint8Array[] = (() => {
  const zeros: Uint8Array[] = [new Uint8Array(32)]
  for (let height = 0; height < MERKLE_TREE_DEPTH; height++) {
    const below = zeros[height] ?? new Uint8Array(32)
    zeros.push(hashPair(below, below))
  }
  return zeros
})()

/** `ZERO_NODES[height]`, which always exists for heights 0 to 32. */
export function zeroNode(height: number): Uint8Array {
  const node = ZERO_NODES[height]
  if (!node) throw new RangeError(`No zero node at height ${height}.`)
  return node
}

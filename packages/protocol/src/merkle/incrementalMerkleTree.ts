import { bytesToHex, type Hex, hexToBytes } from 'viem'
import { MERKLE_TREE_DEPTH } from '../constants.js'
import type { InvalidBytes32Error } from '../errors/encoding.js'
import {
  BranchLengthError,
  MerkleCountOutOfRangeError,
  MerkleTreeFullError,
} from '../errors/merkle.js'
import { toBytes32 } from '../internal/bytes.js'
import { hashPair, MAX_LEAVES, zeroNode } from '../internal/merkle.js'

/**
 * The whole state of an incremental tree: what a validator persists between blocks.
 *
 * @example
 * ```ts
 * const state: IncrementalMerkleTreeState = tree.toState()
 * const restored = new IncrementalMerkleTree(state)
 * ```
 */
export type IncrementalMerkleTreeState = {
  /** For each level, the last left child whose right sibling has not arrived yet. */
  branch: readonly Hex[]
  /** Leaves inserted so far. */
  count: number
}
export type IncrementalMerkleTreeErrorType =
  | InvalidBytes32Error
  | BranchLengthError
  | MerkleCountOutOfRangeError
  | MerkleTreeFullError

/**
 * The on-chain tree as the endpoints keep it (Hyperlane's `MerkleLib.Tree`, the deposit
 * contract's): 32 nodes and a count, O(depth) per insert and per root, and no leaves, so it
 * cannot produce proofs (use `MerkleTree` for that). A validator follows an endpoint with it and
 * signs `root()`; the state is plain data, so it can be saved and restored.
 *
 * @example
 * ```ts
 * import { IncrementalMerkleTree } from '@ferry/protocol'
 *
 * const tree = new IncrementalMerkleTree()
 * tree.insert(messageId)
 * const checkpoint = { origin, originEndpoint, root: tree.root(), index: tree.count - 1 }
 * const saved = tree.toState() // later: new IncrementalMerkleTree(saved)
 * ```
 */
export class IncrementalMerkleTree {
  #branch: Uint8Array[]
  #count: number

  constructor(state?: IncrementalMerkleTreeState) {
    if (!state) {
      this.#branch = Array.from({ length: MERKLE_TREE_DEPTH }, () => zeroNode(0))
      this.#count = 0
      return
    }
    const { branch, count } = state
    if (branch.length !== MERKLE_TREE_DEPTH)
      throw new BranchLengthError({ length: branch.length, expected: MERKLE_TREE_DEPTH })
    if (!Number.isInteger(count) || count < 0 || count > MAX_LEAVES)
      throw new MerkleCountOutOfRangeError({ count, size: MAX_LEAVES })
    this.#branch = branch.map((node, i) => hexToBytes(toBytes32(node, `branch[${i}]`)))
    this.#count = count
  }

  /** Leaves inserted so far. */
  get count(): number {
    return this.#count
  }

  /** Appends `leaf` and returns its index. */
  insert(leaf: Hex): number {
    if (this.#count >= MAX_LEAVES) throw new MerkleTreeFullError({ count: this.#count })
    let node = hexToBytes(toBytes32(leaf, 'leaf'))
    const index = this.#count
    this.#count += 1
    // Climb while the new node is a right child, folding in the stored left sibling; the first
    // level where it is a left child is where it waits for its sibling.
    let size = this.#count
    for (let height = 0; height < MERKLE_TREE_DEPTH; height++) {
      if (size % 2 === 1) {
        this.#branch[height] = node
        return index
      }
      node = hashPair(this.#branchAt(height), node)
      size = Math.floor(size / 2)
    }
    // Unreachable: count < 2^32 always has a set bit below 32.
    return index
  }

  /** The current root; `ZERO_HASHES[32]` when empty. */
  root(): Hex {
    let node = zeroNode(0)
    let position = this.#count
    for (let height = 0; height < MERKLE_TREE_DEPTH; height++) {
      node =
        position % 2 === 1
          ? hashPair(this.#branchAt(height), node)
          : hashPair(node, zeroNode(height))
      position = Math.floor(position / 2)
    }
    return bytesToHex(node)
  }

  /** The state to persist; `new IncrementalMerkleTree(state)` restores it. */
  toState(): { branch: Hex[]; count: number } {
    return { branch: this.#branch.map((node) => bytesToHex(node)), count: this.#count }
  }

  #branchAt(height: number): Uint8Array {
    return this.#branch[height] ?? zeroNode(0)
  }
}

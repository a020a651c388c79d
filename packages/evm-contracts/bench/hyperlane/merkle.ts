/**
 * Off-chain mirror of Hyperlane's `MerkleLib` (contracts/libs/Merkle.sol): an append-only keccak
 * tree of fixed depth 32 whose empty subtrees hash to the zero-hash ladder Z_0 = 0x00..00,
 * Z_{i+1} = keccak256(Z_i ‖ Z_i). Hyperlane's format, written here only to build the proofs its
 * MerkleRootMultisigIsm checks; it is not Ferry's tree.
 *
 * Leaves are kept in full, so a proof can be produced for any leaf against the root of any prefix
 * of the tree, which is what a relayer does when it proves message i against a validator
 * checkpoint signed at a later index. The layers of the last prefix asked for are kept, so that
 * proving many leaves against one checkpoint of a 65,536-leaf tree hashes it once.
 */

import type { Hex } from 'viem'
import { concatHex, keccak256 } from 'viem'

export const TREE_DEPTH = 32

const ZERO_WORD: Hex = `0x${'00'.repeat(32)}`

function hashPair(left: Hex, right: Hex): Hex {
  return keccak256(concatHex([left, right]))
}

/** Z_0 .. Z_31, the roots of empty subtrees of height 0 .. 31 (MerkleLib.zeroHashes()). */
export const ZERO_HASHES: readonly Hex[] = (() => {
  const zeroes: Hex[] = []
  for (let h = 0, z = ZERO_WORD; h < TREE_DEPTH; h++, z = hashPair(z, z)) zeroes.push(z)
  return zeroes
})()

function zeroHash(height: number): Hex {
  const zero = ZERO_HASHES[height]
  if (zero === undefined) throw new Error(`merkle: no zero hash at height ${height}`)
  return zero
}

export class HyperlaneMerkleTree {
  readonly #leaves: Hex[] = []
  #cached: { size: number; layers: Hex[][] } | undefined

  get count(): number {
    return this.#leaves.length
  }

  insert(leaf: Hex): number {
    this.#leaves.push(leaf)
    return this.#leaves.length - 1
  }

  leaf(index: number): Hex {
    const leaf = this.#leaves[index]
    if (leaf === undefined) throw new Error(`merkle: no leaf at index ${index}`)
    return leaf
  }

  /**
   * Node layers of the tree made of the first `size` leaves, bottom-up: layers[h] holds the
   * non-empty nodes at height h (a missing right sibling is the empty subtree Z_h), and
   * layers[32] is the single root.
   */
  #layers(size: number): Hex[][] {
    if (size < 1 || size > this.#leaves.length) throw new Error(`merkle: bad tree size ${size}`)
    // A prefix's layers never change: later inserts only add leaves after it.
    if (this.#cached?.size === size) return this.#cached.layers
    let below = this.#leaves.slice(0, size)
    const layers: Hex[][] = [below]
    for (let h = 0; h < TREE_DEPTH; h++) {
      const above: Hex[] = []
      for (let i = 0; i < below.length; i += 2) {
        const left = below[i] ?? zeroHash(h) // always present: i < below.length
        above.push(hashPair(left, below[i + 1] ?? zeroHash(h)))
      }
      layers.push(above)
      below = above
    }
    this.#cached = { size, layers }
    return layers
  }

  /** Root of the tree made of the first `size` leaves (equals MerkleTreeHook.root() at that count). */
  root(size: number = this.count): Hex {
    const root = this.#layers(size)[TREE_DEPTH]?.[0]
    if (root === undefined) throw new Error('merkle: tree has no root')
    return root
  }

  /** The 32 siblings proving leaf `index` against `root(size)`, bottom-up, as MerkleLib.branchRoot takes them. */
  proof(index: number, size: number = this.count): Hex[] {
    if (index < 0 || index >= size)
      throw new Error(`merkle: leaf ${index} not in a tree of ${size}`)
    const layers = this.#layers(size)
    const branch: Hex[] = []
    for (let h = 0; h < TREE_DEPTH; h++) {
      const sibling = (index >> h) ^ 1
      branch.push(layers[h]?.[sibling] ?? zeroHash(h))
    }
    return branch
  }
}

/** MerkleLib.branchRoot: folds a leaf up its branch; used to self-check proofs before sending. */
export function branchRoot(leaf: Hex, branch: readonly Hex[], index: number): Hex {
  let current = leaf
  for (let h = 0; h < TREE_DEPTH; h++) {
    const next = branch[h]
    if (next === undefined) throw new Error('merkle: branch shorter than the tree depth')
    current = ((index >> h) & 1) === 1 ? hashPair(next, current) : hashPair(current, next)
  }
  return current
}

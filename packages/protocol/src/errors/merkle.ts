import { BaseError } from './base.js'

/**
 * The merkle tree already holds its maximum of `2^32 - 1` leaves.
 *
 * @example
 * ```ts
 * new IncrementalMerkleTree({ branch, count: 2 ** 32 - 1 }).insert(leaf) // throws MerkleTreeFullError
 * ```
 */
export class MerkleTreeFullError extends BaseError {
  override name = 'MerkleTreeFullError' as const
  readonly count: number
  constructor({ count }: { count: number }) {
    super(`Merkle tree is full (${count} leaves).`)
    this.count = count
  }
}

/**
 * A proof was asked for a leaf the tree (at the requested size) does not hold.
 *
 * @example
 * ```ts
 * tree.getProof(5, 3) // throws LeafIndexOutOfRangeError { leafIndex: 5, count: 3 }
 * ```
 */
export class LeafIndexOutOfRangeError extends BaseError {
  override name = 'LeafIndexOutOfRangeError' as const
  readonly leafIndex: number
  readonly count: number
  constructor({ leafIndex, count }: { leafIndex: number; count: number }) {
    super(`Leaf ${leafIndex} is not in a tree of ${count} leaves.`)
    this.leafIndex = leafIndex
    this.count = count
  }
}

/**
 * A historical tree size was asked for that is negative or larger than the tree.
 *
 * @example
 * ```ts
 * tree.root(tree.count + 1) // throws MerkleCountOutOfRangeError
 * ```
 */
export class MerkleCountOutOfRangeError extends BaseError {
  override name = 'MerkleCountOutOfRangeError' as const
  readonly count: number
  readonly size: number
  constructor({ count, size }: { count: number; size: number }) {
    super(`Count ${count} is not between 0 and the tree's ${size} leaves.`)
    this.count = count
    this.size = size
  }
}

/**
 * A merkle branch does not hold exactly `MERKLE_TREE_DEPTH` siblings.
 *
 * @example
 * ```ts
 * branchRoot({ leaf, branch: [], index: 0 }) // throws BranchLengthError { length: 0, expected: 32 }
 * ```
 */
export class BranchLengthError extends BaseError {
  override name = 'BranchLengthError' as const
  readonly length: number
  readonly expected: number
  constructor({ length, expected }: { length: number; expected: number }) {
    super(`Branch has ${length} siblings; expected ${expected}.`)
    this.length = length
    this.expected = expected
  }
}

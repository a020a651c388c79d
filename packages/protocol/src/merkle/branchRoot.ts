import { bytesToHex, type Hex, hexToBytes } from 'viem'
import { MERKLE_TREE_DEPTH } from '../constants.js'
import type { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { BranchLengthError } from '../errors/merkle.js'
import { assertUint, MAX_U32, toBytes32 } from '../internal/bytes.js'
import { hashPair } from '../internal/merkle.js'

export type BranchRootParameters = {
  /** The leaf (a message id). */
  leaf: Hex
  /** Its 32 siblings, from the leaf's level up. */
  branch: readonly Hex[]
  /** The leaf's index in the tree. */
  index: number
}
export type BranchRootReturnType = Hex
export type BranchRootErrorType = InvalidBytes32Error | BranchLengthError | FieldOutOfRangeError

/**
 * The root a leaf and its branch lead to (Hyperlane's `MerkleLib.branchRoot`): at each level,
 * bit `i` of `index` says whether the node is a right child (`keccak256(branch[i] | node)`) or a
 * left one (`keccak256(node | branch[i])`). A proof is valid if this equals the signed root.
 *
 * @example
 * ```ts
 * import { branchRoot } from '@ferry/protocol'
 *
 * const { leaf, branch } = tree.getProof(5)
 * branchRoot({ leaf, branch, index: 5 }) === tree.root() // true
 * ```
 */
export function branchRoot({ leaf, branch, index }: BranchRootParameters): BranchRootReturnType {
  if (branch.length !== MERKLE_TREE_DEPTH)
    throw new BranchLengthError({ length: branch.length, expected: MERKLE_TREE_DEPTH })
  assertUint(index, MAX_U32, 'index')
  let node = hexToBytes(toBytes32(leaf, 'leaf'))
  // Division instead of `>>`: indexes reach 2^32 - 1, beyond JavaScript's signed 32-bit shifts.
  let position = index
  for (const [height, sibling] of branch.entries()) {
    const siblingBytes = hexToBytes(toBytes32(sibling, `branch[${height}]`))
    node = position % 2 === 1 ? hashPair(siblingBytes, node) : hashPair(node, siblingBytes)
    position = Math.floor(position / 2)
  }
  return bytesToHex(node)
}

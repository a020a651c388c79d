import { bytesToHex, type Hex, hexToBytes } from 'viem'
import { MERKLE_TREE_DEPTH } from '../constants.js'
import type { InvalidBytes32Error } from '../errors/encoding.js'
import {
  LeafIndexOutOfRangeError,
  MerkleCountOutOfRangeError,
  MerkleTreeFullError,
} from '../errors/merkle.js'
import { toBytes32 } from '../internal/bytes.js'
import { hashPair, MAX_LEAVES, zeroNode } from '../internal/merkle.js'
import { NodeList } from '../internal/nodeList.js'

/**
 * A leaf's inclusion proof against the root of the tree's first `count` leaves.
 *
 * @example
 * ```ts
 * const { leaf, branch, root }: MerkleProof = tree.getProof(5, 8)
 * ```
 */
export type MerkleProof = {
  leafIndex: number
  leaf: Hex
  /** 32 siblings, from the leaf's level up. */
  branch: Hex[]
  /** The root `branch` leads to: `branchRoot({ leaf, branch, index: leafIndex })`. */
  root: Hex
}
export type MerkleTreeErrorType =
  | InvalidBytes32Error
  | MerkleTreeFullError
  | LeafIndexOutOfRangeError
  | MerkleCountOutOfRangeError

/**
 * The full tree, with every leaf, for whoever builds proofs (the relayer). It keeps each
 * *complete* node (one whose subtree is full), so inserting costs one hash on average; the few
 * incomplete nodes along the right edge of the tree at a given size are recomputed on demand
 * (≤ 32 hashes) and cached for the last size asked. Any earlier size can be proven against,
 * since complete nodes never change: this is how a relayer proves messages against a signed
 * checkpoint that is behind the tip.
 *
 * @example
 * ```ts
 * import { MerkleTree } from '@ferry/protocol'
 *
 * const tree = new MerkleTree(ids)
 * const { branch } = tree.getProof(5, checkpoint.index + 1)
 * ```
 */
export class MerkleTree {
  /** `#levels[h]`: the complete nodes at height h, left to right; `#levels[0]` the leaves. */
  #levels = Array.from({ length: MERKLE_TREE_DEPTH + 1 }, () => new NodeList())
  #edge: { count: number; nodes: Uint8Array[] } | undefined

  constructor(leaves: Iterable<Hex> = []) {
    for (const leaf of leaves) this.insert(leaf)
  }

  /** Leaves inserted so far. */
  get count(): number {
    return this.#level(0).length
  }

  /** Appends `leaf` and returns its index. */
  insert(leaf: Hex): number {
    const index = this.count
    if (index >= MAX_LEAVES) throw new MerkleTreeFullError({ count: index })
    let node = hexToBytes(toBytes32(leaf, 'leaf'))
    this.#level(0).push(node)
    // Each time the new node is a right child, its parent just became complete.
    let position = index
    for (let height = 0; position % 2 === 1; height++) {
      node = hashPair(this.#level(height).at(position - 1), node)
      this.#level(height + 1).push(node)
      position = (position - 1) / 2
    }
    return index
  }

  /** The root when the tree held its first `count` leaves (default: all of them). */
  root(count: number = this.count): Hex {
    this.#checkCount(count)
    return bytesToHex(this.#node(MERKLE_TREE_DEPTH, 0, count))
  }

  /** The proof of leaf `leafIndex` against the root of the first `count` leaves (default: all). */
  getProof(leafIndex: number, count: number = this.count): MerkleProof {
    this.#checkCount(count)
    if (!Number.isInteger(leafIndex) || leafIndex < 0 || leafIndex >= count)
      throw new LeafIndexOutOfRangeError({ leafIndex, count })
    const branch: Hex[] = []
    let position = leafIndex
    for (let height = 0; height < MERKLE_TREE_DEPTH; height++) {
      const sibling = position % 2 === 0 ? position + 1 : position - 1
      branch.push(bytesToHex(this.#node(height, sibling, count)))
      position = Math.floor(position / 2)
    }
    return {
      leafIndex,
      leaf: bytesToHex(this.#level(0).at(leafIndex)),
      branch,
      root: bytesToHex(this.#node(MERKLE_TREE_DEPTH, 0, count)),
    }
  }

  /** Node `index` at `height` in the tree of the first `count` leaves, whose edge is `edge`. */
  #node(height: number, index: number, count: number, edge?: Uint8Array[]): Uint8Array {
    const width = 2 ** height
    if ((index + 1) * width <= count) return this.#level(height).at(index)
    if (index * width >= count) return zeroNode(height)
    // Incomplete: it straddles `count`, so it is the one edge node at this height.
    const node = (edge ?? this.#edgeNodes(count))[height]
    if (!node) throw new RangeError(`No edge node at height ${height}.`)
    return node
  }

  /** The incomplete nodes of the tree of `count` leaves, one per height (if any), bottom-up. */
  #edgeNodes(count: number): Uint8Array[] {
    if (this.#edge?.count === count) return this.#edge.nodes
    const nodes: Uint8Array[] = []
    for (let height = 1; height <= MERKLE_TREE_DEPTH; height++) {
      const width = 2 ** height
      if (count % width === 0) continue
      const index = Math.floor(count / width)
      // Children come from complete levels, the zero nodes, or the edge node just computed.
      nodes[height] = hashPair(
        this.#node(height - 1, 2 * index, count, nodes),
        this.#node(height - 1, 2 * index + 1, count, nodes),
      )
    }
    this.#edge = { count, nodes }
    return nodes
  }

  #checkCount(count: number): void {
    if (!Number.isInteger(count) || count < 0 || count > this.count)
      throw new MerkleCountOutOfRangeError({ count, size: this.count })
  }

  #level(height: number): NodeList {
    const level = this.#levels[height]
    if (!level) throw new RangeError(`No level ${height}.`)
    return level
  }
}

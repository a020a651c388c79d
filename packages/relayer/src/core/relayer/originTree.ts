import { MerkleTree } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { RelayerStore } from '../../store/types.js'

/**
 * The relayer's own copy of one origin's tree (PROTOCOL §6 proofs come from it, never from a
 * validator), filled from the store's indexed leaves as far as they are contiguous. A reorg
 * resets it; it refills on the next proof.
 *
 * @example
 * const tree = createOriginTree(store, 31337)
 * if (await tree.ensure(index + 1)) tree.getBranch(leafIndex, index + 1)
 */
export function createOriginTree(store: RelayerStore, origin: number) {
  let tree = new MerkleTree()
  return {
    get count() {
      return tree.count
    },
    /** Loads leaves until the tree holds `count`; false when the store does not have them yet. */
    async ensure(count: number): Promise<boolean> {
      while (tree.count < count) {
        const filling = tree
        const leaves = await store.getLeaves(
          origin,
          filling.count,
          Math.max(count, filling.count + 10_000),
        )
        // A reorg reset the tree while the store answered: these leaves may be stale; start over.
        if (filling !== tree) continue
        if (leaves.length === 0) return false
        for (const leaf of leaves) tree.insert(leaf)
      }
      return true
    },
    /** The root when the tree held its first `count` leaves, or undefined if it holds fewer. */
    rootAt(count: number): Hex | undefined {
      return count <= tree.count ? tree.root(count) : undefined
    },
    /** The leaf at `index`; the tree must hold it. */
    leafAt(index: number): Hex {
      return tree.getProof(index, index + 1).leaf
    },
    getBranch(leafIndex: number, count: number): Hex[] {
      return tree.getProof(leafIndex, count).branch
    },
    reset(): void {
      tree = new MerkleTree()
    },
  }
}

export type OriginTree = ReturnType<typeof createOriginTree>

import { merkleVectors } from '@ferry/spec'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InvalidBytes32Error } from '../errors/encoding.js'
import { LeafIndexOutOfRangeError, MerkleCountOutOfRangeError } from '../errors/merkle.js'
import { bytes32 } from '../test/arbitraries.js'
import { branchRoot } from './branchRoot.js'
import { IncrementalMerkleTree } from './incrementalMerkleTree.js'
import { MerkleTree } from './merkleTree.js'
import { ZERO_HASHES } from './zeroHashes.js'

// Every case's leaves are a prefix of the largest case's, so one tree answers for all counts.
const allLeaves = merkleVectors.cases.at(-1)?.leaves ?? []
const tree = new MerkleTree(allLeaves)

describe('MerkleTree', () => {
  test.each(merkleVectors.cases)('vector: root after $count leaves', ({ count, leaves, root }) => {
    expect(leaves).toEqual(allLeaves.slice(0, count))
    expect(new MerkleTree(leaves).root()).toBe(root)
    expect(tree.root(count)).toBe(root)
  })

  test.each(merkleVectors.cases)(
    'vector: proofs in a tree of $count',
    ({ count, root, proofs }) => {
      const fresh = new MerkleTree(allLeaves.slice(0, count))
      for (const { leafIndex, leaf, branch } of proofs) {
        // From a tree of exactly `count` leaves, and from a bigger tree at checkpoint `count`.
        expect(fresh.getProof(leafIndex)).toEqual({ leafIndex, leaf, branch, root })
        expect(tree.getProof(leafIndex, count)).toEqual({ leafIndex, leaf, branch, root })
      }
    },
  )

  test('an empty tree has the zero root', () => {
    expect(new MerkleTree().root()).toBe(ZERO_HASHES[32])
    expect(new MerkleTree().count).toBe(0)
  })

  test('insert returns the leaf index', () => {
    const fresh = new MerkleTree()
    expect(allLeaves.slice(0, 5).map((leaf) => fresh.insert(leaf))).toEqual([0, 1, 2, 3, 4])
    expect(fresh.count).toBe(5)
  })

  test('every proof, against every earlier count, leads to that count’s root', () => {
    fc.assert(
      fc.property(fc.array(bytes32(), { minLength: 1, maxLength: 70 }), (leaves) => {
        const full = new MerkleTree(leaves)
        const incremental = new IncrementalMerkleTree()
        for (const [index, leaf] of leaves.entries()) {
          incremental.insert(leaf)
          const count = index + 1
          const root = full.root(count)
          expect(incremental.root()).toBe(root)
          for (let leafIndex = 0; leafIndex < count; leafIndex++) {
            const proof = full.getProof(leafIndex, count)
            expect(proof.root).toBe(root)
            expect(branchRoot({ leaf: proof.leaf, branch: proof.branch, index: leafIndex })).toBe(
              root,
            )
          }
        }
      }),
      { numRuns: 30 },
    )
  })

  test('rejects leaves and counts out of range', () => {
    expect(() => tree.getProof(allLeaves.length)).toThrow(LeafIndexOutOfRangeError)
    expect(() => tree.getProof(5, 5)).toThrow(
      expect.objectContaining({ name: 'LeafIndexOutOfRangeError', leafIndex: 5, count: 5 }),
    )
    expect(() => tree.getProof(-1)).toThrow(LeafIndexOutOfRangeError)
    expect(() => tree.getProof(0, allLeaves.length + 1)).toThrow(MerkleCountOutOfRangeError)
    expect(() => tree.root(-1)).toThrow(MerkleCountOutOfRangeError)
    expect(() => tree.root(1.5)).toThrow(MerkleCountOutOfRangeError)
    expect(() => new MerkleTree().insert('0x1234')).toThrow(InvalidBytes32Error)
  })
})

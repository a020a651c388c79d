import { merkleVectors } from '@ferry/spec'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InvalidBytes32Error } from '../errors/encoding.js'
import {
  BranchLengthError,
  MerkleCountOutOfRangeError,
  MerkleTreeFullError,
} from '../errors/merkle.js'
import { bytes32 } from '../test/arbitraries.js'
import { IncrementalMerkleTree } from './incrementalMerkleTree.js'
import { MerkleTree } from './merkleTree.js'
import { ZERO_HASHES } from './zeroHashes.js'

describe('IncrementalMerkleTree', () => {
  test.each(merkleVectors.cases)('vector: root after $count leaves', ({ leaves, root }) => {
    const tree = new IncrementalMerkleTree()
    for (const leaf of leaves) tree.insert(leaf)
    expect(tree.count).toBe(leaves.length)
    expect(tree.root()).toBe(root)
  })

  test('agrees with MerkleTree', () => {
    fc.assert(
      fc.property(fc.array(bytes32(), { maxLength: 200 }), (leaves) => {
        const tree = new IncrementalMerkleTree()
        for (const leaf of leaves) tree.insert(leaf)
        expect(tree.root()).toBe(new MerkleTree(leaves).root())
      }),
      { numRuns: 50 },
    )
  })

  test('state survives a save and restore', () => {
    fc.assert(
      fc.property(fc.array(bytes32(), { maxLength: 40 }), bytes32(), (leaves, next) => {
        const tree = new IncrementalMerkleTree()
        for (const leaf of leaves) tree.insert(leaf)
        const restored = new IncrementalMerkleTree(tree.toState())
        expect(restored.root()).toBe(tree.root())
        expect(restored.insert(next)).toBe(tree.insert(next))
        expect(restored.root()).toBe(tree.root())
      }),
      { numRuns: 30 },
    )
  })

  test('starts empty', () => {
    const tree = new IncrementalMerkleTree()
    expect(tree.count).toBe(0)
    expect(tree.root()).toBe(ZERO_HASHES[32])
  })

  test('refuses the leaf after 2^32 - 1', () => {
    const branch = ZERO_HASHES.slice(0, 32)
    const full = new IncrementalMerkleTree({ branch, count: 2 ** 32 - 1 })
    expect(() => full.insert(ZERO_HASHES[0] ?? '0x')).toThrow(MerkleTreeFullError)
    const almost = new IncrementalMerkleTree({ branch, count: 2 ** 32 - 2 })
    expect(almost.insert(ZERO_HASHES[0] ?? '0x')).toBe(2 ** 32 - 2)
    expect(almost.count).toBe(2 ** 32 - 1)
  })

  test('rejects a malformed state', () => {
    const branch = ZERO_HASHES.slice(0, 32)
    expect(() => new IncrementalMerkleTree({ branch: branch.slice(1), count: 0 })).toThrow(
      BranchLengthError,
    )
    expect(() => new IncrementalMerkleTree({ branch, count: 2 ** 32 })).toThrow(
      MerkleCountOutOfRangeError,
    )
    expect(
      () => new IncrementalMerkleTree({ branch: [...branch.slice(1), '0x'], count: 0 }),
    ).toThrow(InvalidBytes32Error)
  })
})

describe('IncrementalMerkleTree at the top of the index range', () => {
  // A tree of 2^32 - 1 zero leaves has zero subtrees as its branch, and the empty root: a state
  // we can build without inserting, to check index arithmetic past JavaScript's 31-bit shifts.
  test('2^32 - 1 zero leaves have the empty root', () => {
    const tree = new IncrementalMerkleTree({ branch: ZERO_HASHES.slice(0, 32), count: 2 ** 32 - 1 })
    expect(tree.root()).toBe(ZERO_HASHES[32])
  })
})

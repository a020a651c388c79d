import { keccak256, numberToHex } from 'viem'
import { bench, describe } from 'vitest'
import { IncrementalMerkleTree } from './incrementalMerkleTree.js'
import { MerkleTree } from './merkleTree.js'

const COUNT = 100_000
// Leaves are hashes, like real message ids; computed once so the benches time only the trees.
const leaves = Array.from({ length: COUNT }, (_, i) => keccak256(numberToHex(i, { size: 32 })))
const tree = new MerkleTree(leaves)
let next = 0

describe(`insert ${COUNT} leaves`, () => {
  bench('MerkleTree', () => {
    const fresh = new MerkleTree()
    for (const leaf of leaves) fresh.insert(leaf)
  })
  bench('IncrementalMerkleTree', () => {
    const fresh = new IncrementalMerkleTree()
    for (const leaf of leaves) fresh.insert(leaf)
  })
})

describe(`getProof in a tree of ${COUNT} leaves`, () => {
  bench('against the tip', () => {
    tree.getProof(next++ % COUNT)
  })
  bench('against an older checkpoint (same checkpoint each time)', () => {
    tree.getProof(next++ % 50_000, 50_001)
  })
  bench('against a different checkpoint each time', () => {
    const count = 1 + (next++ % COUNT)
    tree.getProof(count - 1, count)
  })
  bench('root at a different count each time', () => {
    tree.root(1 + (next++ % COUNT))
  })
})

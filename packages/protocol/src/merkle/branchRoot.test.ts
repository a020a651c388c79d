import { merkleVectors } from '@ferry/spec'
import { concat, keccak256 } from 'viem'
import { describe, expect, test } from 'vitest'
import { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { BranchLengthError } from '../errors/merkle.js'
import { branchRoot } from './branchRoot.js'
import { ZERO_HASHES } from './zeroHashes.js'

const proofCases = merkleVectors.cases.flatMap(({ count, root, proofs }) =>
  proofs.map((proof) => ({ count, root, ...proof })),
)

describe('branchRoot', () => {
  test.each(proofCases)(
    'vector: leaf $leafIndex of $count',
    ({ leaf, branch, leafIndex, root }) => {
      expect(branchRoot({ leaf, branch, index: leafIndex })).toBe(root)
    },
  )

  test('the zero leaf with zero siblings at index 0 is the empty root', () => {
    const branch = ZERO_HASHES.slice(0, 32)
    expect(branchRoot({ leaf: ZERO_HASHES[0] ?? '0x', branch, index: 0 })).toBe(ZERO_HASHES[32])
  })

  test('rejects malformed input', () => {
    const leaf = ZERO_HASHES[0] ?? '0x'
    const branch = ZERO_HASHES.slice(0, 32)
    expect(() => branchRoot({ leaf, branch: branch.slice(1), index: 0 })).toThrow(BranchLengthError)
    expect(() => branchRoot({ leaf: '0x00', branch, index: 0 })).toThrow(InvalidBytes32Error)
    expect(() => branchRoot({ leaf, branch, index: 2 ** 32 })).toThrow(FieldOutOfRangeError)
    expect(() => branchRoot({ leaf, branch: [...branch.slice(1), '0x'], index: 0 })).toThrow(
      expect.objectContaining({ name: 'InvalidBytes32Error', field: 'branch[31]' }),
    )
  })
})

describe('branchRoot at large indexes', () => {
  // In an all-zero tree every sibling is a zero subtree, whatever the index: this checks that
  // indexes at and above 2^31 take the right side at every level.
  test.each([2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1])('index %i', (index) => {
    const leaf = ZERO_HASHES[0] ?? '0x'
    expect(branchRoot({ leaf, branch: ZERO_HASHES.slice(0, 32), index })).toBe(ZERO_HASHES[32])
  })

  test('index 2^31 is a left child at every level but the top', () => {
    const leaf = `0x${'11'.repeat(32)}` as const
    const branch = ZERO_HASHES.slice(0, 32)
    let expected: `0x${string}` = leaf
    for (const sibling of branch.slice(0, 31)) expected = keccak256(concat([expected, sibling]))
    expected = keccak256(concat([branch[31] ?? '0x', expected]))
    expect(branchRoot({ leaf, branch, index: 2 ** 31 })).toBe(expected)
    expect(branchRoot({ leaf, branch, index: 0 })).not.toBe(expected)
  })
})

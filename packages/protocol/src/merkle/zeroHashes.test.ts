import { merkleVectors } from '@ferry/spec'
import { concat, keccak256 } from 'viem'
import { describe, expect, test } from 'vitest'
import { MERKLE_TREE_DEPTH } from '../constants.js'
import { ZERO_HASHES } from './zeroHashes.js'

describe('ZERO_HASHES', () => {
  test('vector: all 33 zero hashes', () => {
    expect(merkleVectors.depth).toBe(MERKLE_TREE_DEPTH)
    expect(ZERO_HASHES).toHaveLength(MERKLE_TREE_DEPTH + 1)
    expect(ZERO_HASHES).toEqual(merkleVectors.zeroHashes)
  })

  test('Z[i + 1] = keccak256(Z[i] | Z[i])', () => {
    for (let i = 0; i < MERKLE_TREE_DEPTH; i++) {
      const below = ZERO_HASHES[i] ?? '0x'
      expect(ZERO_HASHES[i + 1]).toBe(keccak256(concat([below, below])))
    }
  })

  test('is frozen', () => {
    expect(Object.isFrozen(ZERO_HASHES)).toBe(true)
  })
})

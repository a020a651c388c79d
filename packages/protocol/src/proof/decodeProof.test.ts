import { checkpointsVectors } from '@ferry/spec'
import fc from 'fast-check'
import { type Hex, hexToBytes, size } from 'viem'
import { describe, expect, test } from 'vitest'
import { MERKLE_TREE_DEPTH, PROOF_HEADER_LENGTH, SIGNATURE_LENGTH } from '../constants.js'
import { InvalidBytes32Error, InvalidHexError } from '../errors/encoding.js'
import { BranchLengthError } from '../errors/merkle.js'
import { ProofLengthError } from '../errors/proof.js'
import { SignatureLengthError } from '../errors/signature.js'
import { ZERO_HASHES } from '../merkle/zeroHashes.js'
import { bytes32, hexBytes, u32 } from '../test/arbitraries.js'
import { decodeProof } from './decodeProof.js'
import { encodeProof } from './encodeProof.js'

const { proof, signatures, checkpoint, valid } = checkpointsVectors
const decoded = {
  checkpointIndex: checkpoint.index,
  leafIndex: proof.leafIndex,
  zeroMask: proof.zeroMask,
  branch: proof.branch,
  signatures,
}

/** A branch whose level `h` is the zero hash where `zeroAt(h)`, else an arbitrary node. */
const branchArbitrary = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: MERKLE_TREE_DEPTH, maxLength: MERKLE_TREE_DEPTH }),
    fc.array(bytes32(), { minLength: MERKLE_TREE_DEPTH, maxLength: MERKLE_TREE_DEPTH }),
  )
  .map(([zeroAt, nodes]) => nodes.map((node, h) => (zeroAt[h] ? (ZERO_HASHES[h] ?? node) : node)))

function popcount(mask: number): number {
  return [...mask.toString(2)].filter((bit) => bit === '1').length
}

describe('encodeProof / decodeProof', () => {
  test('vector: the valid proof, in the compact layout', () => {
    expect(PROOF_HEADER_LENGTH).toBe(12)
    const { zeroMask: _, ...parts } = decoded
    expect(encodeProof(parts)).toBe(proof.encoded)
    expect(size(proof.encoded)).toBe(proof.length)
    expect(decodeProof(proof.encoded)).toEqual(decoded)
    expect(decodeProof(hexToBytes(proof.encoded))).toEqual(decoded)
    expect(proof.branch.filter((_, h) => (proof.zeroMask & (1 << h)) === 0)).toEqual(proof.siblings)
  })

  test('vector: every valid proof decodes to its branch, and re-encodes compact', () => {
    for (const vector of valid) {
      const fromVector = decodeProof(vector.encoded)
      expect(fromVector.zeroMask).toBe(vector.zeroMask)
      expect(fromVector.leafIndex).toBe(vector.leafIndex)
      if (vector.branch) expect(fromVector.branch).toEqual(vector.branch)
      expect(fromVector.signatures).toEqual(signatures)
    }
    // A zero sibling listed explicitly decodes to the branch of the compact form.
    const explicit = valid.find(({ name }) => name.startsWith('a zero sibling listed explicitly'))
    if (!explicit) throw new Error('vector missing')
    const { zeroMask: _, ...parts } = decodeProof(explicit.encoded)
    expect(parts.branch).toEqual(proof.branch)
    expect(encodeProof(parts)).toBe(proof.encoded)
  })

  test('round trip: the mask marks exactly the zero siblings', () => {
    fc.assert(
      fc.property(
        u32(),
        u32(),
        branchArbitrary,
        fc.array(hexBytes({ minLength: 65, maxLength: 65 }), { maxLength: 8 }),
        (checkpointIndex, leafIndex, branch, sigs) => {
          const value = { checkpointIndex, leafIndex, branch, signatures: sigs }
          const encoded = encodeProof(value)
          const back = decodeProof(encoded)
          expect(back).toEqual({ ...value, zeroMask: back.zeroMask })
          for (const [h, node] of branch.entries())
            expect(Math.floor(back.zeroMask / 2 ** h) % 2 === 1).toBe(node === ZERO_HASHES[h])
          const siblings = MERKLE_TREE_DEPTH - popcount(back.zeroMask)
          expect(size(encoded)).toBe(PROOF_HEADER_LENGTH + 32 * siblings + 65 * sigs.length)
        },
      ),
    )
  })

  test('decode rejects every length but 12 + 32 × siblings + 65k', () => {
    fc.assert(
      fc.property(u32(), fc.integer({ min: 0, max: 1_400 }), (zeroMask, length) => {
        const bytes = new Uint8Array(length)
        if (length >= PROOF_HEADER_LENGTH) new DataView(bytes.buffer).setUint32(8, zeroMask)
        const rest = length - PROOF_HEADER_LENGTH - 32 * (MERKLE_TREE_DEPTH - popcount(zeroMask))
        const valid = length >= PROOF_HEADER_LENGTH && rest >= 0 && rest % SIGNATURE_LENGTH === 0
        if (valid) expect(decodeProof(bytes).signatures).toHaveLength(rest / SIGNATURE_LENGTH)
        else expect(() => decodeProof(bytes)).toThrow(ProofLengthError)
      }),
    )
  })

  test('a length error names the mask it measured against', () => {
    const cut: Hex = proof.encoded.slice(0, -2) as Hex // CAST: one byte less of hex is hex.
    expect(() => decodeProof(cut)).toThrow(
      expect.objectContaining({
        name: 'ProofLengthError',
        length: proof.length - 1,
        zeroMask: proof.zeroMask,
      }),
    )
    expect(() => decodeProof('0x0000000700000005')).toThrow(
      expect.objectContaining({ name: 'ProofLengthError', length: 8, zeroMask: undefined }),
    )
  })

  test('decode does not judge what the proof claims', () => {
    const { zeroMask: _, ...parts } = decoded
    const after = { ...parts, leafIndex: decoded.checkpointIndex + 1 }
    expect(decodeProof(encodeProof(after))).toEqual({ ...after, zeroMask: proof.zeroMask })
  })

  test('encode rejects malformed parts', () => {
    expect(() => encodeProof({ ...decoded, branch: decoded.branch.slice(1) })).toThrow(
      BranchLengthError,
    )
    expect(() => encodeProof({ ...decoded, branch: [...decoded.branch.slice(1), '0x'] })).toThrow(
      InvalidBytes32Error,
    )
    expect(() => encodeProof({ ...decoded, signatures: ['0x1234'] })).toThrow(SignatureLengthError)
    expect(() => encodeProof({ ...decoded, signatures: ['0x123'] })).toThrow(InvalidHexError)
  })
})

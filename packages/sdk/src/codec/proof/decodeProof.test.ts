import fc from 'fast-check'
import { hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { bytes32, hexBytes, u32 } from '../../test/arbitraries.js'
import { checkpointsVectors } from '../../vectors/index.js'
import { PROOF_HEADER_LENGTH } from '../constants.js'
import { InvalidBytes32Error, InvalidHexError } from '../errors/encoding.js'
import { BranchLengthError } from '../errors/merkle.js'
import { ProofLengthError } from '../errors/proof.js'
import { SignatureLengthError } from '../errors/signature.js'
import { decodeProof } from './decodeProof.js'
import { encodeProof } from './encodeProof.js'

const { proof, signatures, checkpoint } = checkpointsVectors
const decoded = {
  checkpointIndex: checkpoint.index,
  leafIndex: proof.leafIndex,
  branch: proof.branch,
  signatures,
}

describe('encodeProof / decodeProof', () => {
  test('vector: the valid proof', () => {
    expect(PROOF_HEADER_LENGTH).toBe(1032)
    expect(encodeProof(decoded)).toBe(proof.encoded)
    expect(hexToBytes(proof.encoded)).toHaveLength(proof.length)
    expect(decodeProof(proof.encoded)).toEqual(decoded)
    expect(decodeProof(hexToBytes(proof.encoded))).toEqual(decoded)
  })

  test('round trip', () => {
    fc.assert(
      fc.property(
        u32(),
        u32(),
        fc.array(bytes32(), { minLength: 32, maxLength: 32 }),
        fc.array(hexBytes({ minLength: 65, maxLength: 65 }), { maxLength: 8 }),
        (checkpointIndex, leafIndex, branch, sigs) => {
          const value = { checkpointIndex, leafIndex, branch, signatures: sigs }
          expect(decodeProof(encodeProof(value))).toEqual(value)
        },
      ),
    )
  })

  test('decode rejects every length but 1032 + 65k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1300 }), (length) => {
        const bytes = new Uint8Array(length)
        const valid = length >= 1032 && (length - 1032) % 65 === 0
        if (valid) expect(decodeProof(bytes).signatures).toHaveLength((length - 1032) / 65)
        else expect(() => decodeProof(bytes)).toThrow(ProofLengthError)
      }),
    )
  })

  test('decode does not judge what the proof claims', () => {
    const after = { ...decoded, leafIndex: decoded.checkpointIndex + 1 }
    expect(decodeProof(encodeProof(after))).toEqual(after)
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

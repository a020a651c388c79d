import { checkpointsVectors } from '@ferry/spec'
import { hexToBytes } from 'viem'
import { describe, expect, test } from 'vitest'
import { signCheckpoint } from '../checkpoint/signCheckpoint.js'
import {
  InvalidThresholdError,
  LeafIndexAfterCheckpointError,
  ProofLengthError,
  SignerNotValidatorError,
  SignersNotAscendingError,
  ThresholdNotMetError,
} from '../errors/proof.js'
import { SignatureMalleableError, SignatureVError } from '../errors/signature.js'
import { MerkleTree } from '../merkle/merkleTree.js'
import { getMessageId } from '../message/getMessageId.js'
import { decodeProof } from './decodeProof.js'
import { encodeProof } from './encodeProof.js'
import { sortSignaturesBySigner } from './sortSignaturesBySigner.js'
import { verifyProof } from './verifyProof.js'

const { checkpoint, validators, threshold, proof, signers, messages, valid, invalid } =
  checkpointsVectors
const params = {
  origin: checkpoint.origin,
  originEndpoint: checkpoint.originEndpoint,
  validators: validators.map(({ address }) => address),
  threshold,
}

// The vectors name each invalid case but not the failure; this is the error PROTOCOL §6 implies.
// A wrong root (branch, leaf index, a sibling the mask wrongly calls zero, or a flipped signature
// byte) recovers a stranger; a mask that disagrees with the length is a length error.
const expected: Record<string, new (...args: never[]) => Error> = {
  'too few signatures (2 of threshold 3)': ThresholdNotMetError,
  'duplicated signer': SignersNotAscendingError,
  'signers not ascending': SignersNotAscendingError,
  'high-s signature (valid on the curve, malleated)': SignatureMalleableError,
  'v = 29': SignatureVError,
  'one flipped byte in a signature': SignerNotValidatorError,
  'leafIndex greater than checkpointIndex': LeafIndexAfterCheckpointError,
  'wrong branch (sibling 1 changed)': SignerNotValidatorError,
  'wrong leaf index for the branch': SignerNotValidatorError,
  'truncated proof (last signature cut by one byte)': ProofLengthError,
  'zeroMask marks a non-zero sibling as zero (level 0)': SignerNotValidatorError,
  'one sibling fewer than zeroMask implies': ProofLengthError,
  'every sibling marked zero': SignerNotValidatorError,
  'shorter than the 12-byte header': ProofLengthError,
}

describe('verifyProof', () => {
  test('vector: the valid proof verifies with threshold 3', async () => {
    expect(getMessageId(proof.message)).toBe(proof.leaf)
    expect(messages[proof.leafIndex]).toBe(proof.message)
    const result = await verifyProof({ ...params, message: proof.message, proof: proof.encoded })
    expect(result).toEqual({ root: checkpoint.root, signers })
  })

  test('vector: the valid proof verifies by id, decoded, and with lower-case validators', async () => {
    // CAST: lower-casing an address keeps it 0x-hex.
    const validatorsLower = params.validators.map(
      (address) => address.toLowerCase() as `0x${string}`,
    )
    const result = await verifyProof({
      ...params,
      validators: validatorsLower,
      id: proof.leaf,
      proof: decodeProof(hexToBytes(proof.encoded)),
    })
    expect(result.signers).toEqual(signers)
  })

  test.each(valid)('vector: accepts "$name"', async ({ message, encoded }) => {
    const result = await verifyProof({ ...params, message, proof: encoded })
    expect(result).toEqual({ root: checkpoint.root, signers })
  })

  test('every invalid vector has an expected error', () => {
    expect(invalid.map(({ name }) => name).sort()).toEqual(Object.keys(expected).sort())
  })

  test.each(invalid)('vector: rejects "$name"', async ({ name, proof: bad }) => {
    const ErrorClass = expected[name]
    if (!ErrorClass) throw new Error(`no expected error for "${name}"`)
    await expect(verifyProof({ ...params, message: proof.message, proof: bad })).rejects.toThrow(
      ErrorClass,
    )
    // Only the length errors are structural; decodeProof accepts the rest.
    if (ErrorClass === ProofLengthError) expect(() => decodeProof(bad)).toThrow(ProofLengthError)
    else expect(() => decodeProof(bad)).not.toThrow()
  })

  test('vector: the high-s case is the malleated twin of a valid signature', () => {
    const highS = invalid.find(({ name }) => name.startsWith('high-s'))
    const [malleated = '0x'] = highS ? decodeProof(highS.proof).signatures : []
    const [original = '0x'] = checkpointsVectors.signatures
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
    expect(malleated.slice(0, 66)).toBe(original.slice(0, 66))
    expect(BigInt(`0x${malleated.slice(66, 130)}`)).toBe(n - BigInt(`0x${original.slice(66, 130)}`))
  })

  test('the two-signature proof passes a threshold of 2', async () => {
    const twoSignatures = invalid.find(({ name }) => name.startsWith('too few'))
    if (!twoSignatures) throw new Error('vector missing')
    const result = await verifyProof({
      ...params,
      threshold: 2,
      message: proof.message,
      proof: twoSignatures.proof,
    })
    expect(result.signers).toEqual(signers.slice(0, 2))
  })

  test('rejects a signer that is not a validator, and the wrong origin', async () => {
    const [, ...others] = params.validators
    await expect(
      verifyProof({ ...params, validators: others, message: proof.message, proof: proof.encoded }),
    ).rejects.toThrow(expect.objectContaining({ name: 'SignerNotValidatorError', index: 0 }))
    await expect(
      verifyProof({ ...params, origin: 1, message: proof.message, proof: proof.encoded }),
    ).rejects.toBeInstanceOf(SignerNotValidatorError)
  })

  test('rejects a threshold below 1', async () => {
    await expect(
      verifyProof({ ...params, threshold: 0, message: proof.message, proof: proof.encoded }),
    ).rejects.toBeInstanceOf(InvalidThresholdError)
  })

  test('end to end: every message of the checkpoint, with all five validators', async () => {
    const tree = new MerkleTree(messages.map((message) => getMessageId(message)))
    const cp = { ...checkpoint, root: tree.root(), index: tree.count - 1 }
    const collected = await Promise.all(
      // Reversed, so that sorting has work to do; one repeated, so that it has a duplicate.
      [...validators, validators[0]]
        .reverse()
        .map((validator) =>
          signCheckpoint({ privateKey: validator?.privateKey ?? '0x', checkpoint: cp }),
        ),
    )
    const sorted = await sortSignaturesBySigner({ checkpoint: cp, signatures: collected })
    expect(sorted).toHaveLength(validators.length)
    for (const [leafIndex, message] of messages.entries()) {
      const { branch } = tree.getProof(leafIndex)
      const encoded = encodeProof({
        checkpointIndex: cp.index,
        leafIndex,
        branch,
        signatures: sorted,
      })
      const result = await verifyProof({ ...params, threshold: 5, message, proof: encoded })
      expect(result.root).toBe(cp.root)
      expect(result.signers).toHaveLength(5)
    }
  })
})

import { checkpointsVectors } from '@ferry/spec'
import { describe, expect, test } from 'vitest'
import { SignatureVError } from '../errors/signature.js'
import { sortSignaturesBySigner } from './sortSignaturesBySigner.js'

const { checkpoint, signatures } = checkpointsVectors

describe('sortSignaturesBySigner', () => {
  test('vector: restores the order of the vector signatures and drops repeats', async () => {
    const shuffled = [signatures[2], signatures[0], signatures[1], signatures[0]].filter(
      (signature) => signature !== undefined,
    )
    expect(await sortSignaturesBySigner({ checkpoint, signatures: shuffled })).toEqual(signatures)
  })

  test('rejects a signature the verifier would reject', async () => {
    const [signature = '0x'] = signatures
    // CAST: replacing the last byte of hex with `1d` (v = 29) keeps it hex.
    const badV = `${signature.slice(0, -2)}1d` as `0x${string}`
    await expect(sortSignaturesBySigner({ checkpoint, signatures: [badV] })).rejects.toBeInstanceOf(
      SignatureVError,
    )
  })
})

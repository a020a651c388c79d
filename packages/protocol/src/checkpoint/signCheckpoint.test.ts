import { checkpointsVectors } from '@ferry/spec'
import { hexToBytes, toHex } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  SignatureLengthError,
  SignatureMalleableError,
  SignatureRecoveryError,
  SignatureVError,
} from '../errors/signature.js'
import { recoverCheckpointSigner } from './recoverCheckpointSigner.js'
import { signCheckpoint } from './signCheckpoint.js'

const { checkpoint, validators, signatures, signers } = checkpointsVectors
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

/** `signature` with byte `index` set to `value`. */
function withByte(signature: `0x${string}`, index: number, value: number) {
  const bytes = hexToBytes(signature)
  bytes[index] = value
  return bytes
}

describe('signCheckpoint / recoverCheckpointSigner', () => {
  test('vector: the listed keys reproduce the listed signatures', async () => {
    const signed = await Promise.all(
      validators.map(({ privateKey }) => signCheckpoint({ privateKey, checkpoint })),
    )
    expect(signed.slice(0, signatures.length)).toEqual(signatures)
  })

  test('vector: every signature recovers its signer', async () => {
    const recovered = await Promise.all(
      signatures.map((signature) => recoverCheckpointSigner({ checkpoint, signature })),
    )
    expect(recovered).toEqual(signers)
  })

  test('every validator key round trips', async () => {
    for (const { privateKey, address } of validators) {
      const signature = await signCheckpoint({ privateKey, checkpoint })
      expect(hexToBytes(signature)).toHaveLength(65)
      expect([27, 28]).toContain(hexToBytes(signature)[64])
      expect(await recoverCheckpointSigner({ checkpoint, signature })).toBe(address)
    }
  })

  test('rejects v other than 27 or 28', async () => {
    const [signature = '0x'] = signatures
    for (const v of [0, 1, 26, 29, 255])
      await expect(
        recoverCheckpointSigner({ checkpoint, signature: withByte(signature, 64, v) }),
      ).rejects.toThrow(expect.objectContaining({ name: 'SignatureVError', v }))
    await expect(
      recoverCheckpointSigner({ checkpoint, signature: withByte(signature, 64, 0) }),
    ).rejects.toBeInstanceOf(SignatureVError)
  })

  test('rejects the high-s twin of a valid signature', async () => {
    const [signature = '0x'] = signatures
    const bytes = hexToBytes(signature)
    const s = BigInt(toHex(bytes.subarray(32, 64)))
    const twin = new Uint8Array(65)
    twin.set(bytes.subarray(0, 32))
    twin.set(hexToBytes(toHex(N - s, { size: 32 })), 32)
    twin[64] = bytes[64] === 27 ? 28 : 27
    await expect(recoverCheckpointSigner({ checkpoint, signature: twin })).rejects.toBeInstanceOf(
      SignatureMalleableError,
    )
  })

  test('rejects wrong lengths and unrecoverable signatures', async () => {
    const [signature = '0x'] = signatures
    // CAST: dropping the last byte of hex keeps it hex.
    await expect(
      recoverCheckpointSigner({ checkpoint, signature: signature.slice(0, -2) as `0x${string}` }),
    ).rejects.toBeInstanceOf(SignatureLengthError)
    const zeroR = hexToBytes(signature)
    zeroR.fill(0, 0, 32)
    await expect(recoverCheckpointSigner({ checkpoint, signature: zeroR })).rejects.toBeInstanceOf(
      SignatureRecoveryError,
    )
  })
})

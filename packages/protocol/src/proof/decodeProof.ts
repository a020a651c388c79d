import type { Hex } from 'viem'
import { MERKLE_TREE_DEPTH, PROOF_HEADER_LENGTH, SIGNATURE_LENGTH } from '../constants.js'
import type { InvalidHexError } from '../errors/encoding.js'
import { ProofLengthError } from '../errors/proof.js'
import { hex, toBytes } from '../internal/bytes.js'
import { ZERO_HASHES } from '../merkle/zeroHashes.js'

export type DecodeProofParameters = Hex | Uint8Array
export type DecodeProofReturnType = {
  checkpointIndex: number
  leafIndex: number
  /** Bit `h` set: the sibling at level `h` was left out, being the zero hash `ZERO_HASHES[h]`. */
  zeroMask: number
  /** All 32 siblings, the left-out ones filled in with their zero hashes. */
  branch: Hex[]
  signatures: Hex[]
}
export type DecodeProofErrorType = InvalidHexError | ProofLengthError

/**
 * Decodes a multisig proof in the compact layout of PROTOCOL §6. It checks structure only: the
 * 12-byte header, the `32 − popcount(zeroMask)` siblings the mask implies and whole 65-byte
 * signatures after them; `verifyProof` checks what the proof claims. A zero sibling listed with
 * its bit clear decodes to the same branch as the compact form.
 *
 * @example
 * ```ts
 * import { decodeProof } from '@ferry/protocol'
 *
 * const { checkpointIndex, leafIndex, zeroMask, branch, signatures } = decodeProof(proof)
 * ```
 */
export function decodeProof(proof: DecodeProofParameters): DecodeProofReturnType {
  const bytes = toBytes(proof, 'proof')
  if (bytes.length < PROOF_HEADER_LENGTH) throw new ProofLengthError({ length: bytes.length })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zeroMask = view.getUint32(8)
  const branch: Hex[] = []
  let offset = PROOF_HEADER_LENGTH
  for (let height = 0; height < MERKLE_TREE_DEPTH; height++) {
    // Division instead of `>>`: bit 31 would make a signed 32-bit shift negative.
    const zero = Math.floor(zeroMask / 2 ** height) % 2 === 1
    if (zero) {
      branch.push(ZERO_HASHES[height] ?? '0x')
      continue
    }
    if (offset + 32 > bytes.length) throw new ProofLengthError({ length: bytes.length, zeroMask })
    branch.push(hex(bytes.subarray(offset, offset + 32)))
    offset += 32
  }
  if ((bytes.length - offset) % SIGNATURE_LENGTH !== 0)
    throw new ProofLengthError({ length: bytes.length, zeroMask })
  const signatures: Hex[] = []
  for (; offset < bytes.length; offset += SIGNATURE_LENGTH)
    signatures.push(hex(bytes.subarray(offset, offset + SIGNATURE_LENGTH)))
  return {
    checkpointIndex: view.getUint32(0),
    leafIndex: view.getUint32(4),
    zeroMask,
    branch,
    signatures,
  }
}

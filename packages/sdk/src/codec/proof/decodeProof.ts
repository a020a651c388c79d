import type { Hex } from 'viem'
import { MERKLE_TREE_DEPTH, PROOF_HEADER_LENGTH, SIGNATURE_LENGTH } from '../constants.js'
import type { InvalidHexError } from '../errors/encoding.js'
import { ProofLengthError } from '../errors/proof.js'
import { hex, toBytes } from '../internal/bytes.js'

export type DecodeProofParameters = Hex | Uint8Array
export type DecodeProofReturnType = {
  checkpointIndex: number
  leafIndex: number
  branch: Hex[]
  signatures: Hex[]
}
export type DecodeProofErrorType = InvalidHexError | ProofLengthError

/**
 * Decodes a multisig proof (PROTOCOL §6). It checks structure only (1032 bytes plus whole
 * 65-byte signatures); `verifyProof` checks what the proof claims.
 *
 * @example
 * ```ts
 * import { decodeProof } from '@ferry/sdk/codec'
 *
 * const { checkpointIndex, leafIndex, branch, signatures } = decodeProof(proof)
 * ```
 */
export function decodeProof(proof: DecodeProofParameters): DecodeProofReturnType {
  const bytes = toBytes(proof, 'proof')
  if (bytes.length < PROOF_HEADER_LENGTH || (bytes.length - PROOF_HEADER_LENGTH) % SIGNATURE_LENGTH)
    throw new ProofLengthError({ length: bytes.length })
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const branch: Hex[] = []
  for (let i = 0; i < MERKLE_TREE_DEPTH; i++)
    branch.push(hex(bytes.subarray(8 + 32 * i, 40 + 32 * i)))
  const signatures: Hex[] = []
  for (let offset = PROOF_HEADER_LENGTH; offset < bytes.length; offset += SIGNATURE_LENGTH)
    signatures.push(hex(bytes.subarray(offset, offset + SIGNATURE_LENGTH)))
  return {
    checkpointIndex: view.getUint32(0),
    leafIndex: view.getUint32(4),
    branch,
    signatures,
  }
}

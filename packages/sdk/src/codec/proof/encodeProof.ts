import { concat, type Hex, numberToHex } from 'viem'
import { MERKLE_TREE_DEPTH, SIGNATURE_LENGTH } from '../constants.js'
import type {
  FieldOutOfRangeError,
  InvalidBytes32Error,
  InvalidHexError,
} from '../errors/encoding.js'
import { BranchLengthError } from '../errors/merkle.js'
import { SignatureLengthError } from '../errors/signature.js'
import { assertUint, hex, MAX_U32, toBytes, toBytes32 } from '../internal/bytes.js'
import type { Proof } from './types.js'

export type EncodeProofParameters = Proof
export type EncodeProofReturnType = Hex
export type EncodeProofErrorType =
  | FieldOutOfRangeError
  | InvalidBytes32Error
  | InvalidHexError
  | BranchLengthError
  | SignatureLengthError

/**
 * Encodes a proof for the destination's multisig verifier:
 * `checkpointIndex u32 | leafIndex u32 | branch 32 × b32 | signatures k × 65 bytes`.
 * Signatures go in the order given; the verifier wants them sorted by signer
 * (`sortSignaturesBySigner`).
 *
 * @example
 * ```ts
 * import { encodeProof } from '@ferry/sdk/codec'
 *
 * const { branch } = tree.getProof(5, 8)
 * const proof = encodeProof({ checkpointIndex: 7, leafIndex: 5, branch, signatures })
 * ```
 */
export function encodeProof(proof: EncodeProofParameters): EncodeProofReturnType {
  const { checkpointIndex, leafIndex, branch, signatures } = proof
  assertUint(checkpointIndex, MAX_U32, 'checkpointIndex')
  assertUint(leafIndex, MAX_U32, 'leafIndex')
  if (branch.length !== MERKLE_TREE_DEPTH)
    throw new BranchLengthError({ length: branch.length, expected: MERKLE_TREE_DEPTH })
  const siblings = branch.map((node, i) => toBytes32(node, `branch[${i}]`))
  const checked = signatures.map((signature, i) => {
    const bytes = toBytes(signature, `signatures[${i}]`)
    if (bytes.length !== SIGNATURE_LENGTH) throw new SignatureLengthError({ length: bytes.length })
    return bytes
  })
  return concat([
    numberToHex(checkpointIndex, { size: 4 }),
    numberToHex(leafIndex, { size: 4 }),
    ...siblings,
    ...checked.map((bytes) => hex(bytes)),
  ])
}

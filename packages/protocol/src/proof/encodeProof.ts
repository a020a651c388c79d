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
import { ZERO_HASHES } from '../merkle/zeroHashes.js'
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
 * Encodes a proof for the destination's multisig verifier in the compact layout of PROTOCOL §6:
 * `checkpointIndex u32 | leafIndex u32 | zeroMask u32 | siblings | signatures k × 65 bytes`.
 * Every sibling equal to the zero hash of its level is left out and its bit set in `zeroMask`,
 * so a young tree's proof carries a few siblings instead of 32. Signatures go in the order
 * given; the verifier wants them sorted by signer (`sortSignaturesBySigner`).
 *
 * @example
 * ```ts
 * import { encodeProof } from '@ferry/protocol'
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
  let zeroMask = 0
  const siblings: Hex[] = []
  for (const [height, node] of branch.entries()) {
    const sibling = toBytes32(node, `branch[${height}]`)
    // `2 ** height` rather than `1 << height`: bit 31 would make a signed 32-bit shift negative.
    if (sibling === ZERO_HASHES[height]) zeroMask += 2 ** height
    else siblings.push(sibling)
  }
  const checked = signatures.map((signature, i) => {
    const bytes = toBytes(signature, `signatures[${i}]`)
    if (bytes.length !== SIGNATURE_LENGTH) throw new SignatureLengthError({ length: bytes.length })
    return hex(bytes)
  })
  return concat([
    numberToHex(checkpointIndex, { size: 4 }),
    numberToHex(leafIndex, { size: 4 }),
    numberToHex(zeroMask, { size: 4 }),
    ...siblings,
    ...checked,
  ])
}

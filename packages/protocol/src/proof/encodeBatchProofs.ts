import type { Hex } from 'viem'
import { type EncodeProofErrorType, encodeProof } from './encodeProof.js'

export type EncodeBatchProofsParameters = {
  /** Index of the signed checkpoint every message is proven against. */
  checkpointIndex: number
  /** The checkpoint's signatures, sorted by signer (`sortSignaturesBySigner`). */
  signatures: readonly Hex[]
  /** Each message's leaf index and 32-sibling branch against the checkpoint, in batch order. */
  leaves: readonly { leafIndex: number; branch: readonly Hex[] }[]
}
export type EncodeBatchProofsReturnType = Hex[]
export type EncodeBatchProofsErrorType = EncodeProofErrorType

/**
 * The proofs of a `deliverBatch` against one checkpoint (PROTOCOL §6): the first carries the
 * checkpoint's signatures, the others none, since a verifier remembers a checked checkpoint for
 * the rest of the transaction. Every proof is in the compact layout.
 *
 * @example
 * ```ts
 * import { encodeBatchProofs } from '@ferry/protocol'
 *
 * const proofs = encodeBatchProofs({
 *   checkpointIndex: checkpoint.index,
 *   signatures,
 *   leaves: leafIndexes.map((leafIndex) => ({ leafIndex, branch: tree.getProof(leafIndex, checkpoint.index + 1).branch })),
 * })
 * ```
 */
export function encodeBatchProofs({
  checkpointIndex,
  signatures,
  leaves,
}: EncodeBatchProofsParameters): EncodeBatchProofsReturnType {
  return leaves.map(({ leafIndex, branch }, i) =>
    encodeProof({ checkpointIndex, leafIndex, branch, signatures: i === 0 ? signatures : [] }),
  )
}

import type { Address, Hex } from 'viem'
import type { GetCheckpointDigestErrorType } from '../checkpoint/getCheckpointDigest.js'
import { getCheckpointDigest } from '../checkpoint/getCheckpointDigest.js'
import {
  type RecoverDigestSignerErrorType,
  recoverDigestSigner,
} from '../checkpoint/recoverDigestSigner.js'
import type { Checkpoint } from '../checkpoint/types.js'
import { hex, toBytes } from '../internal/bytes.js'

export type SortSignaturesBySignerParameters = {
  checkpoint: Checkpoint
  signatures: readonly (Hex | Uint8Array)[]
}
export type SortSignaturesBySignerReturnType = Hex[]
export type SortSignaturesBySignerErrorType =
  | GetCheckpointDigestErrorType
  | RecoverDigestSignerErrorType

/**
 * Puts checkpoint signatures in the order a proof needs: by recovered signer address, ascending,
 * keeping one signature per signer (a repeated signer would fail verification). Throws, like the
 * verifier, on a malformed, high-s or bad-`v` signature. It does not check that the signers are
 * validators.
 *
 * @example
 * ```ts
 * import { encodeProof, sortSignaturesBySigner } from '@ferry/protocol'
 *
 * const signatures = await sortSignaturesBySigner({ checkpoint, signatures: collected })
 * const proof = encodeProof({ checkpointIndex: checkpoint.index, leafIndex, branch, signatures })
 * ```
 */
export async function sortSignaturesBySigner({
  checkpoint,
  signatures,
}: SortSignaturesBySignerParameters): Promise<SortSignaturesBySignerReturnType> {
  const digest = getCheckpointDigest(checkpoint)
  const bySigner = new Map<string, Hex>()
  for (const [i, signature] of signatures.entries()) {
    const normalized = hex(toBytes(signature, `signatures[${i}]`))
    const signer: Address = await recoverDigestSigner({ digest, signature: normalized })
    const key = signer.toLowerCase()
    if (!bySigner.has(key)) bySigner.set(key, normalized)
  }
  return [...bySigner.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, signature]) => signature)
}

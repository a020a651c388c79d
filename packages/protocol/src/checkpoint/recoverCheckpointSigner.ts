import type { Hex } from 'viem'
import type { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { getCheckpointDigest } from './getCheckpointDigest.js'
import {
  type RecoverDigestSignerErrorType,
  type RecoverDigestSignerReturnType,
  recoverDigestSigner,
} from './recoverDigestSigner.js'
import type { Checkpoint } from './types.js'

export type RecoverCheckpointSignerParameters = {
  checkpoint: Checkpoint
  /** 65 bytes `r | s | v`. */
  signature: Hex | Uint8Array
}
export type RecoverCheckpointSignerReturnType = RecoverDigestSignerReturnType
export type RecoverCheckpointSignerErrorType =
  | FieldOutOfRangeError
  | InvalidBytes32Error
  | RecoverDigestSignerErrorType

/**
 * The address that signed a checkpoint. Rejects what verifiers reject: a length other than 65
 * (`SignatureLengthError`), `v` not 27 or 28 (`SignatureVError`), high `s`
 * (`SignatureMalleableError`), and unrecoverable signatures (`SignatureRecoveryError`).
 *
 * @example
 * ```ts
 * import { recoverCheckpointSigner } from '@ferry/protocol'
 *
 * const signer = await recoverCheckpointSigner({ checkpoint, signature })
 * ```
 */
export async function recoverCheckpointSigner({
  checkpoint,
  signature,
}: RecoverCheckpointSignerParameters): Promise<RecoverCheckpointSignerReturnType> {
  return recoverDigestSigner({ digest: getCheckpointDigest(checkpoint), signature })
}

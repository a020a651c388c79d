import type { Hex } from 'viem'
import { signMessage } from 'viem/accounts'
import type { FieldOutOfRangeError, InvalidBytes32Error } from '../errors/encoding.js'
import { getCheckpointDigest } from './getCheckpointDigest.js'
import type { Checkpoint } from './types.js'

export type SignCheckpointParameters = {
  /** The validator's secp256k1 key. */
  privateKey: Hex
  checkpoint: Checkpoint
}
export type SignCheckpointReturnType = Hex
export type SignCheckpointErrorType = FieldOutOfRangeError | InvalidBytes32Error | Error

/**
 * A validator's signature of a checkpoint: 65 bytes `r | s | v`, low-s, `v` 27 or 28, over the
 * EIP-191 hash of the 32-byte digest (`"\x19Ethereum Signed Message:\n32" | digest`).
 * Deterministic (RFC 6979), so the same key and checkpoint always give the same bytes. Only sign
 * a checkpoint whose block is final on the origin.
 *
 * @example
 * ```ts
 * import { signCheckpoint } from '@ferry/protocol'
 *
 * const signature = await signCheckpoint({ privateKey, checkpoint })
 * ```
 */
export async function signCheckpoint({
  privateKey,
  checkpoint,
}: SignCheckpointParameters): Promise<SignCheckpointReturnType> {
  // `raw`: sign the digest's 32 bytes as the message, not its hex text.
  return signMessage({ message: { raw: getCheckpointDigest(checkpoint) }, privateKey })
}

import { type Address, type Hex, hashMessage, recoverAddress } from 'viem'
import { SIGNATURE_LENGTH } from '../constants.js'
import type { InvalidBytes32Error, InvalidHexError } from '../errors/encoding.js'
import {
  SignatureLengthError,
  SignatureMalleableError,
  SignatureRecoveryError,
  SignatureVError,
} from '../errors/signature.js'
import { hex, toBytes, toBytes32 } from '../internal/bytes.js'

export type RecoverDigestSignerParameters = {
  /** The checkpoint digest (`getCheckpointDigest`), not yet EIP-191 hashed. */
  digest: Hex
  signature: Hex | Uint8Array
}
export type RecoverDigestSignerReturnType = Address
export type RecoverDigestSignerErrorType =
  | InvalidBytes32Error
  | InvalidHexError
  | SignatureLengthError
  | SignatureVError
  | SignatureMalleableError
  | SignatureRecoveryError

/** secp256k1 group order n, and n / 2: the largest `s` a canonical (low-s) signature has. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const HALF_N = N / 2n

/**
 * The address that signed a checkpoint digest, with the checks every Ferry verifier makes:
 * 65 bytes, `v` 27 or 28, `s` at most n / 2 (no malleated twins), and a recoverable key. Use it
 * to check many signatures of one checkpoint while hashing the checkpoint once.
 *
 * @example
 * ```ts
 * import { getCheckpointDigest, recoverDigestSigner } from '@ferry/protocol'
 *
 * const digest = getCheckpointDigest(checkpoint)
 * const signers = await Promise.all(signatures.map((signature) => recoverDigestSigner({ digest, signature })))
 * ```
 */
export async function recoverDigestSigner({
  digest,
  signature,
}: RecoverDigestSignerParameters): Promise<RecoverDigestSignerReturnType> {
  const hash = hashMessage({ raw: toBytes32(digest, 'digest') })
  const bytes = toBytes(signature, 'signature')
  if (bytes.length !== SIGNATURE_LENGTH) throw new SignatureLengthError({ length: bytes.length })
  const v = bytes[64] ?? 0
  if (v !== 27 && v !== 28) throw new SignatureVError({ v })
  const s = hex(bytes.subarray(32, 64))
  if (BigInt(s) > HALF_N) throw new SignatureMalleableError({ s })
  try {
    return await recoverAddress({ hash, signature: bytes })
  } catch (error) {
    throw new SignatureRecoveryError({
      signature: hex(bytes),
      ...(error instanceof Error ? { cause: error } : {}),
    })
  }
}

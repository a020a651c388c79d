import type { Hex } from 'viem'
import { BaseError } from './base.js'

/**
 * A signature is not 65 bytes (`r | s | v`).
 *
 * @example
 * ```ts
 * recoverCheckpointSigner({ checkpoint, signature: '0x1234' }) // throws SignatureLengthError
 * ```
 */
export class SignatureLengthError extends BaseError {
  override name = 'SignatureLengthError' as const
  readonly length: number
  constructor({ length }: { length: number }) {
    super(`Signature is ${length} bytes; expected 65 (r | s | v).`)
    this.length = length
  }
}

/**
 * A signature's `v` byte is neither 27 nor 28.
 *
 * @example
 * ```ts
 * recoverCheckpointSigner({ checkpoint, signature: withV29 }) // throws SignatureVError { v: 29 }
 * ```
 */
export class SignatureVError extends BaseError {
  override name = 'SignatureVError' as const
  readonly v: number
  constructor({ v }: { v: number }) {
    super(`Signature v is ${v}; only 27 and 28 are accepted.`)
    this.v = v
  }
}

/**
 * A signature's `s` is in the upper half of the curve order: the malleated twin of a valid
 * signature, which Ferry rejects so that one signer has exactly one signature per digest.
 *
 * @example
 * ```ts
 * recoverCheckpointSigner({ checkpoint, signature: highS }) // throws SignatureMalleableError
 * ```
 */
export class SignatureMalleableError extends BaseError {
  override name = 'SignatureMalleableError' as const
  readonly s: Hex
  constructor({ s }: { s: Hex }) {
    super('Signature s is above half the curve order (malleable); only low-s is accepted.', {
      metaMessages: [`s: ${s}`],
    })
    this.s = s
  }
}

/**
 * No public key can be recovered from a signature (r or s out of range, r not on the curve).
 *
 * @example
 * ```ts
 * recoverCheckpointSigner({ checkpoint, signature: zeroR }) // throws SignatureRecoveryError
 * ```
 */
export class SignatureRecoveryError extends BaseError {
  override name = 'SignatureRecoveryError' as const
  readonly signature: Hex
  constructor({ signature, cause }: { signature: Hex; cause?: Error }) {
    super('No signer can be recovered from the signature.', {
      metaMessages: [`Signature: ${signature}`],
      ...(cause ? { cause } : {}),
    })
    this.signature = signature
  }
}

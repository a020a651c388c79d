import type { Address } from 'viem'
import { BaseError } from './base.js'

/**
 * An encoded proof is not its 12-byte header, the `32 − popcount(zeroMask)` siblings its mask
 * implies and whole 65-byte signatures (PROTOCOL §6): it is cut short, or a sibling or part of
 * a signature is missing or extra.
 *
 * @example
 * ```ts
 * decodeProof('0x00') // throws ProofLengthError { length: 1 }
 * ```
 */
export class ProofLengthError extends BaseError {
  override name = 'ProofLengthError' as const
  readonly length: number
  /** The proof's `zeroMask`, when its header was whole. */
  readonly zeroMask: number | undefined
  constructor({ length, zeroMask }: { length: number; zeroMask?: number }) {
    const expected =
      zeroMask === undefined
        ? 'at least the 12-byte header'
        : `12 + 32 × ${32 - popcount(zeroMask)} siblings (zeroMask 0x${zeroMask.toString(16).padStart(8, '0')}) + 65 × k`
    super(`Proof is ${length} bytes; expected ${expected}.`)
    this.length = length
    this.zeroMask = zeroMask
  }
}

function popcount(mask: number): number {
  let count = 0
  for (let rest = mask; rest > 0; rest = Math.floor(rest / 2)) count += rest % 2
  return count
}

/**
 * A proof's leaf comes after its checkpoint, so the checkpoint's root cannot contain it.
 *
 * @example
 * ```ts
 * await verifyProof({ ...params, proof }) // throws LeafIndexAfterCheckpointError { leafIndex: 8, checkpointIndex: 7 }
 * ```
 */
export class LeafIndexAfterCheckpointError extends BaseError {
  override name = 'LeafIndexAfterCheckpointError' as const
  readonly leafIndex: number
  readonly checkpointIndex: number
  constructor({ leafIndex, checkpointIndex }: { leafIndex: number; checkpointIndex: number }) {
    super(`Leaf ${leafIndex} is after checkpoint ${checkpointIndex}.`)
    this.leafIndex = leafIndex
    this.checkpointIndex = checkpointIndex
  }
}

/**
 * A proof signature recovers to an address that is not one of the origin's validators. A wrong
 * branch, leaf index or message also ends here: the recomputed root differs from the signed one,
 * so every signature recovers to an unrelated address.
 *
 * @example
 * ```ts
 * await verifyProof({ ...params, validators: [] }) // throws SignerNotValidatorError { index: 0 }
 * ```
 */
export class SignerNotValidatorError extends BaseError {
  override name = 'SignerNotValidatorError' as const
  readonly signer: Address
  readonly index: number
  constructor({ signer, index }: { signer: Address; index: number }) {
    super(`Signature ${index} recovers to ${signer}, which is not a validator.`)
    this.signer = signer
    this.index = index
  }
}

/**
 * Proof signers are not strictly ascending by address (a repeated signer fails this too).
 *
 * @example
 * ```ts
 * await verifyProof({ ...params, proof: unsorted }) // throws SignersNotAscendingError
 * ```
 */
export class SignersNotAscendingError extends BaseError {
  override name = 'SignersNotAscendingError' as const
  readonly signer: Address
  readonly previous: Address
  readonly index: number
  constructor({ signer, previous, index }: { signer: Address; previous: Address; index: number }) {
    const what = signer.toLowerCase() === previous.toLowerCase() ? 'repeats' : 'is below'
    super(`Signer ${index} (${signer}) ${what} the previous signer ${previous}.`)
    this.signer = signer
    this.previous = previous
    this.index = index
  }
}

/**
 * A proof carries fewer signatures than the validator threshold.
 *
 * @example
 * ```ts
 * await verifyProof({ ...params, threshold: 4 }) // throws ThresholdNotMetError { count: 3, threshold: 4 }
 * ```
 */
export class ThresholdNotMetError extends BaseError {
  override name = 'ThresholdNotMetError' as const
  readonly count: number
  readonly threshold: number
  constructor({ count, threshold }: { count: number; threshold: number }) {
    super(`Proof has ${count} signatures; the threshold is ${threshold}.`)
    this.count = count
    this.threshold = threshold
  }
}

/**
 * A verifier threshold below 1: with no signatures required, any proof would pass.
 *
 * @example
 * ```ts
 * await verifyProof({ ...params, threshold: 0 }) // throws InvalidThresholdError { threshold: 0 }
 * ```
 */
export class InvalidThresholdError extends BaseError {
  override name = 'InvalidThresholdError' as const
  readonly threshold: number
  constructor({ threshold }: { threshold: number }) {
    super(`Threshold ${threshold} is not a positive integer.`)
    this.threshold = threshold
  }
}

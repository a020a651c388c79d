import type { Address, Hex } from 'viem'
import { getCheckpointDigest } from '../checkpoint/getCheckpointDigest.js'
import {
  type RecoverDigestSignerErrorType,
  recoverDigestSigner,
} from '../checkpoint/recoverDigestSigner.js'
import type {
  FieldOutOfRangeError,
  InvalidBytes32Error,
  InvalidHexError,
} from '../errors/encoding.js'
import type { BranchLengthError } from '../errors/merkle.js'
import {
  InvalidThresholdError,
  LeafIndexAfterCheckpointError,
  type ProofLengthError,
  SignerNotValidatorError,
  SignersNotAscendingError,
  ThresholdNotMetError,
} from '../errors/proof.js'
import { toBytes32 } from '../internal/bytes.js'
import { branchRoot } from '../merkle/branchRoot.js'
import { getMessageId } from '../message/getMessageId.js'
import { decodeProof } from './decodeProof.js'
import type { Proof } from './types.js'

export type VerifyProofParameters = (
  | { /** The encoded message. */ message: Hex | Uint8Array; id?: never }
  | { /** The message id (its leaf). */ id: Hex; message?: never }
) & {
  /** Encoded (`encodeProof`) or decoded. */
  proof: Hex | Uint8Array | Proof
  /** Origin domain of the message. */
  origin: number
  /** The origin endpoint's address as bytes32. */
  originEndpoint: Hex
  /** The origin's validator addresses (any order, any case). */
  validators: readonly Address[]
  /** How many distinct validators must have signed. */
  threshold: number
}
export type VerifyProofReturnType = {
  /** The root the branch leads to, which the signers signed. */
  root: Hex
  /** The recovered signers, ascending. */
  signers: Address[]
}
export type VerifyProofErrorType =
  | InvalidHexError
  | InvalidBytes32Error
  | FieldOutOfRangeError
  | ProofLengthError
  | BranchLengthError
  | InvalidThresholdError
  | LeafIndexAfterCheckpointError
  | ThresholdNotMetError
  | RecoverDigestSignerErrorType
  | SignerNotValidatorError
  | SignersNotAscendingError

/**
 * Checks a proof as the multisig verifier does (PROTOCOL §6), throwing a named error at the first
 * failure: `leafIndex ≤ checkpointIndex`; the root from the id, leaf index and branch; each
 * signature well formed, low-s, `v` 27 or 28, from a validator, signers strictly ascending; and
 * at least `threshold` of them. A wrong message, branch or leaf index yields another root, so
 * it surfaces as `SignerNotValidatorError`. Stateless: unlike an on-chain verifier, it never
 * accepts a proof without signatures for an already-checked checkpoint.
 *
 * @example
 * ```ts
 * import { verifyProof } from '@ferry/protocol'
 *
 * const { root, signers } = await verifyProof({
 *   message, proof, origin: 31337, originEndpoint, validators, threshold: 3,
 * })
 * ```
 */
export async function verifyProof(
  parameters: VerifyProofParameters,
): Promise<VerifyProofReturnType> {
  const { origin, originEndpoint, threshold } = parameters
  const proof =
    typeof parameters.proof === 'string' || parameters.proof instanceof Uint8Array
      ? decodeProof(parameters.proof)
      : parameters.proof
  const { checkpointIndex, leafIndex, branch, signatures } = proof
  if (!Number.isInteger(threshold) || threshold < 1) throw new InvalidThresholdError({ threshold })
  if (leafIndex > checkpointIndex)
    throw new LeafIndexAfterCheckpointError({ leafIndex, checkpointIndex })
  // Fail before any recovery when there cannot be enough signers.
  if (signatures.length < threshold)
    throw new ThresholdNotMetError({ count: signatures.length, threshold })

  const id =
    parameters.message !== undefined
      ? getMessageId(parameters.message)
      : toBytes32(parameters.id, 'id')
  const root = branchRoot({ leaf: id, branch, index: leafIndex })
  const digest = getCheckpointDigest({ origin, originEndpoint, root, index: checkpointIndex })

  const validators = new Set(parameters.validators.map((validator) => validator.toLowerCase()))
  const signers: Address[] = []
  for (const [index, signature] of signatures.entries()) {
    const signer = await recoverDigestSigner({ digest, signature })
    // Membership first: when the root is wrong every signer is a stranger, and saying so is
    // more useful than complaining about the order of strangers.
    if (!validators.has(signer.toLowerCase())) throw new SignerNotValidatorError({ signer, index })
    const previous = signers.at(-1)
    if (previous !== undefined && signer.toLowerCase() <= previous.toLowerCase())
      throw new SignersNotAscendingError({ signer, previous, index })
    signers.push(signer)
  }
  return { root, signers }
}

// Errors of proofs and their verification (PROTOCOL §6): one class per error code of the contract ("<code>: <detail>", INTERFACE.md
// "Errors"). Fields parsed from the detail are undefined when the contract words it otherwise.
import type { Hex } from '../types.js'
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'

/**
 * A proof is not its 12-byte header (`checkpointIndex | leafIndex | zeroMask`), the
 * `32 − popcount(zeroMask)` siblings the mask implies and whole 65-byte signatures (PROTOCOL §6).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('malformed_proof: length 7')) // MalformedProofError { length: 7 }
 * ```
 */
export class MalformedProofError extends EndpointError {
  static readonly code = 'malformed_proof'
  override name = 'MalformedProofError' as const
  readonly length: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The proof is not a header, its siblings and whole signatures.', {
      code: 'malformed_proof',
      detail,
      cause,
      retryable: false,
    })
    const match = /length (\d+)/.exec(detail)
    this.length = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * A proof’s leaf index is greater than its checkpoint index.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('leaf_index_too_high: 8 > 7')) // LeafIndexTooHighError { leafIndex: 8, checkpointIndex: 7 }
 * ```
 */
export class LeafIndexTooHighError extends EndpointError {
  static readonly code = 'leaf_index_too_high'
  override name = 'LeafIndexTooHighError' as const
  readonly leafIndex: number | undefined
  readonly checkpointIndex: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The proof’s leaf comes after its checkpoint.', {
      code: 'leaf_index_too_high',
      detail,
      cause,
      retryable: false,
    })
    const match = /(\d+) > (\d+)/.exec(detail)
    this.leafIndex = match?.[1] === undefined ? undefined : Number(match?.[1])
    this.checkpointIndex = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

/**
 * A proof signature recovers no public key.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('invalid_signature: 1')) // InvalidSignatureError { index: 1 }
 * ```
 */
export class InvalidSignatureError extends EndpointError {
  static readonly code = 'invalid_signature'
  override name = 'InvalidSignatureError' as const
  readonly index: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('A proof signature recovers no key.', {
      code: 'invalid_signature',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.index = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * A proof signature is malleable: its `s` is in the upper half of the curve order.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('high_s: 0x…')) // HighSError { code: 'high_s' }
 * ```
 */
export class HighSError extends EndpointError {
  static readonly code = 'high_s'
  override name = 'HighSError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('A proof signature has a high s.', { code: 'high_s', detail, cause, retryable: false })
  }
}

/**
 * A proof signature’s recovery byte is not 27 or 28.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('invalid_v: 29')) // InvalidVError { v: 29 }
 * ```
 */
export class InvalidVError extends EndpointError {
  static readonly code = 'invalid_v'
  override name = 'InvalidVError' as const
  readonly v: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('A proof signature’s v is not 27 or 28.', {
      code: 'invalid_v',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.v = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * A proof’s signatures do not recover to strictly ascending addresses.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('signers_not_ascending: 0x2b… then 0x1a…')) // SignersNotAscendingError { previous: '0x2b…', signer: '0x1a…' }
 * ```
 */
export class SignersNotAscendingError extends EndpointError {
  static readonly code = 'signers_not_ascending'
  override name = 'SignersNotAscendingError' as const
  readonly previous: Hex | undefined
  readonly signer: Hex | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The proof’s signers are not strictly ascending.', {
      code: 'signers_not_ascending',
      detail,
      cause,
      retryable: false,
    })
    const match = /(0x[0-9a-fA-F]+) then (0x[0-9a-fA-F]+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.previous = match?.[1] as Hex | undefined
    // CAST: the pattern matched `0x` and hex digits.
    this.signer = match?.[2] as Hex | undefined
  }
}

/**
 * A proof signature recovers to an address outside the origin’s validator set (also the symptom of a wrong branch or message).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('signer_not_validator: 0x…')) // SignerNotValidatorError { signer: '0x…' }
 * ```
 */
export class SignerNotValidatorError extends EndpointError {
  static readonly code = 'signer_not_validator'
  override name = 'SignerNotValidatorError' as const
  readonly signer: Hex | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('A proof signer is not a validator of the origin.', {
      code: 'signer_not_validator',
      detail,
      cause,
      retryable: false,
    })
    const match = /(0x[0-9a-fA-F]{40})/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.signer = match?.[1] as Hex | undefined
  }
}

/**
 * A proof carries fewer validator signatures than the origin’s threshold.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('threshold_not_met: 2 of 3')) // ThresholdNotMetError { signatures: 2, threshold: 3 }
 * ```
 */
export class ThresholdNotMetError extends EndpointError {
  static readonly code = 'threshold_not_met'
  override name = 'ThresholdNotMetError' as const
  readonly signatures: number | undefined
  readonly threshold: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The proof has fewer valid signatures than the threshold.', {
      code: 'threshold_not_met',
      detail,
      cause,
      retryable: false,
    })
    const match = /(\d+) of (\d+)/.exec(detail)
    this.signatures = match?.[1] === undefined ? undefined : Number(match?.[1])
    this.threshold = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

/**
 * The endpoint has no validator set for the origin domain.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('unknown_origin: 31337')) // UnknownOriginError { origin: 31337 }
 * ```
 */
export class UnknownOriginError extends EndpointError {
  static readonly code = 'unknown_origin'
  override name = 'UnknownOriginError' as const
  readonly origin: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint has no validator set for the origin.', {
      code: 'unknown_origin',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\d+)/.exec(detail)
    this.origin = match?.[1] === undefined ? undefined : Number(match?.[1])
  }
}

/**
 * The verifier the recipient app chose answered `{"valid":false}`.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('proof_rejected: 0x… by wasm1…')) // ProofRejectedError { id: '0x…', verifier: 'wasm1…' }
 * ```
 */
export class ProofRejectedError extends EndpointError {
  static readonly code = 'proof_rejected'
  override name = 'ProofRejectedError' as const
  readonly id: Hex | undefined
  readonly verifier: string | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The app’s verifier rejected the proof.', {
      code: 'proof_rejected',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(0x[0-9a-fA-F]+) by (\S+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.id = match?.[1] as Hex | undefined
    this.verifier = match?.[2]
  }
}

/**
 * A contract the endpoint queried (an app’s verifier) failed or answered malformed JSON.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('query_failed: wasm1…: malformed answer')) // QueryFailedError { contract: 'wasm1…' }
 * ```
 */
export class QueryFailedError extends EndpointError {
  static readonly code = 'query_failed'
  override name = 'QueryFailedError' as const
  readonly contract: string | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('A contract the endpoint queried failed.', {
      code: 'query_failed',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(\S+):/.exec(detail)
    this.contract = match?.[1]
  }
}

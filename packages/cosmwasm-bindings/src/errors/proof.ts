// Errors of proofs and their verification (PROTOCOL §6): one class per error code of the contract
// (`{"ferry_error":{"code":…}}`, INTERFACE.md "Errors"). A field the contract did not write, or
// wrote in another shape, is undefined.
import type { Hex } from '../types.js'
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'
import { hexField, numberField, stringField } from './fields.js'

/**
 * A proof is not its 12-byte header (`checkpointIndex | leafIndex | zeroMask`), the
 * `32 − popcount(zeroMask)` siblings the mask implies and whole 65-byte signatures (PROTOCOL §6).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"malformed_proof","length":7}}')) // MalformedProofError { length: 7 }
 * ```
 */
export class MalformedProofError extends EndpointError {
  static readonly code = 'malformed_proof'
  override name = 'MalformedProofError' as const
  readonly length: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The proof is not a header, its siblings and whole signatures.', {
      code: 'malformed_proof',
      fields,
      cause,
      retryable: false,
    })
    this.length = numberField(fields, 'length')
  }
}

/**
 * A proof’s leaf index is greater than its checkpoint index.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"leaf_index_too_high","leaf_index":8,"checkpoint_index":7}}')) // LeafIndexTooHighError { leafIndex: 8, checkpointIndex: 7 }
 * ```
 */
export class LeafIndexTooHighError extends EndpointError {
  static readonly code = 'leaf_index_too_high'
  override name = 'LeafIndexTooHighError' as const
  readonly leafIndex: number | undefined
  readonly checkpointIndex: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The proof’s leaf comes after its checkpoint.', {
      code: 'leaf_index_too_high',
      fields,
      cause,
      retryable: false,
    })
    this.leafIndex = numberField(fields, 'leaf_index')
    this.checkpointIndex = numberField(fields, 'checkpoint_index')
  }
}

/**
 * A proof signature recovers no public key.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"invalid_signature","index":1}}')) // InvalidSignatureError { index: 1 }
 * ```
 */
export class InvalidSignatureError extends EndpointError {
  static readonly code = 'invalid_signature'
  override name = 'InvalidSignatureError' as const
  readonly index: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A proof signature recovers no key.', {
      code: 'invalid_signature',
      fields,
      cause,
      retryable: false,
    })
    this.index = numberField(fields, 'index')
  }
}

/**
 * A proof signature is malleable: its `s` is in the upper half of the curve order.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"high_s","s":"0x…"}}')) // HighSError { code: 'high_s' }
 * ```
 */
export class HighSError extends EndpointError {
  static readonly code = 'high_s'
  override name = 'HighSError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A proof signature has a high s.', { code: 'high_s', fields, cause, retryable: false })
  }
}

/**
 * A proof signature’s recovery byte is not 27 or 28.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"invalid_v","v":29}}')) // InvalidVError { v: 29 }
 * ```
 */
export class InvalidVError extends EndpointError {
  static readonly code = 'invalid_v'
  override name = 'InvalidVError' as const
  readonly v: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A proof signature’s v is not 27 or 28.', {
      code: 'invalid_v',
      fields,
      cause,
      retryable: false,
    })
    this.v = numberField(fields, 'v')
  }
}

/**
 * A proof’s signatures do not recover to strictly ascending addresses.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"signers_not_ascending","previous":"0x2b…","signer":"0x1a…"}}')) // SignersNotAscendingError { previous: '0x2b…', signer: '0x1a…' }
 * ```
 */
export class SignersNotAscendingError extends EndpointError {
  static readonly code = 'signers_not_ascending'
  override name = 'SignersNotAscendingError' as const
  readonly previous: Hex | undefined
  readonly signer: Hex | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The proof’s signers are not strictly ascending.', {
      code: 'signers_not_ascending',
      fields,
      cause,
      retryable: false,
    })
    this.previous = hexField(fields, 'previous')
    this.signer = hexField(fields, 'signer')
  }
}

/**
 * A proof signature recovers to an address outside the origin’s validator set (also the symptom of a wrong branch or message).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"signer_not_validator","signer":"0x12…"}}')) // SignerNotValidatorError { signer: '0x…' }
 * ```
 */
export class SignerNotValidatorError extends EndpointError {
  static readonly code = 'signer_not_validator'
  override name = 'SignerNotValidatorError' as const
  readonly signer: Hex | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A proof signer is not a validator of the origin.', {
      code: 'signer_not_validator',
      fields,
      cause,
      retryable: false,
    })
    this.signer = hexField(fields, 'signer')
  }
}

/**
 * A proof carries fewer validator signatures than the origin’s threshold.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"threshold_not_met","signatures":2,"threshold":3}}')) // ThresholdNotMetError { signatures: 2, threshold: 3 }
 * ```
 */
export class ThresholdNotMetError extends EndpointError {
  static readonly code = 'threshold_not_met'
  override name = 'ThresholdNotMetError' as const
  readonly signatures: number | undefined
  readonly threshold: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The proof has fewer valid signatures than the threshold.', {
      code: 'threshold_not_met',
      fields,
      cause,
      retryable: false,
    })
    this.signatures = numberField(fields, 'signatures')
    this.threshold = numberField(fields, 'threshold')
  }
}

/**
 * The endpoint has no validator set for the origin domain.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"unknown_origin","origin":31337}}')) // UnknownOriginError { origin: 31337 }
 * ```
 */
export class UnknownOriginError extends EndpointError {
  static readonly code = 'unknown_origin'
  override name = 'UnknownOriginError' as const
  readonly origin: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint has no validator set for the origin.', {
      code: 'unknown_origin',
      fields,
      cause,
      retryable: false,
    })
    this.origin = numberField(fields, 'origin')
  }
}

/**
 * The verifier the recipient app chose answered `{"valid":false}`.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"proof_rejected","id":"0xab…","verifier":"wasm1…"}}')) // ProofRejectedError { id: '0x…', verifier: 'wasm1…' }
 * ```
 */
export class ProofRejectedError extends EndpointError {
  static readonly code = 'proof_rejected'
  override name = 'ProofRejectedError' as const
  readonly id: Hex | undefined
  readonly verifier: string | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The app’s verifier rejected the proof.', {
      code: 'proof_rejected',
      fields,
      cause,
      retryable: false,
    })
    this.id = hexField(fields, 'id')
    this.verifier = stringField(fields, 'verifier')
  }
}

/**
 * A contract the endpoint queried (an app’s verifier) failed or answered malformed JSON.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"query_failed","contract":"wasm1…","error":"malformed answer"}}')) // QueryFailedError { contract: 'wasm1…' }
 * ```
 */
export class QueryFailedError extends EndpointError {
  static readonly code = 'query_failed'
  override name = 'QueryFailedError' as const
  readonly contract: string | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A contract the endpoint queried failed.', {
      code: 'query_failed',
      fields,
      cause,
      retryable: false,
    })
    this.contract = stringField(fields, 'contract')
  }
}

import type { FailureReason } from '@ferry/protocol'

/**
 * Every error code the CosmWasm endpoint can fail with (INTERFACE.md "Errors") and the failure
 * reason it reports (`@ferry/protocol`'s `failureReasons`, the names EVM errors map to as well),
 * or `null` for a code that never fails a message: administration (roles, fee and validator
 * configuration, withdrawals), queries, and the chain handing the endpoint a malformed
 * environment or reply. A test holds this table against the codes in the contract's source.
 *
 * @example
 * ```ts
 * COSMWASM_FAILURE_REASONS.threshold_not_met // 'threshold_not_met'
 * COSMWASM_FAILURE_REASONS.unauthorized // null
 * ```
 */
export const COSMWASM_FAILURE_REASONS = {
  message_too_short: 'message_too_short',
  wrong_version: 'wrong_version',
  unknown_flags: 'unknown_flags',
  ack_requests_ack: 'ack_requests_ack',
  ack_request_mismatch: 'ack_request_mismatch',
  wrong_destination: 'wrong_destination',
  body_too_large: 'body_too_large',
  malformed_ack: 'malformed_ack',
  invalid_address: 'invalid_address',

  malformed_proof: 'malformed_proof',
  leaf_index_too_high: 'leaf_index_too_high',
  invalid_signature: 'invalid_signature',
  high_s: 'high_s',
  invalid_v: 'invalid_v',
  signers_not_ascending: 'signers_not_ascending',
  signer_not_validator: 'signer_not_validator',
  threshold_not_met: 'threshold_not_met',
  unknown_origin: 'unknown_origin',
  proof_rejected: 'proof_rejected',
  // The endpoint queries only an app's verifier (and the bank), so a failed query is a failed
  // verifier: EVM's `EndpointVerifierNotContract`.
  query_failed: 'verifier_failed',

  nonce_out_of_order: 'nonce_out_of_order',
  batch_length_mismatch: 'batch_length_mismatch',
  paused: 'paused',
  reentrant_call: 'reentrant_call',
  not_retryable: 'not_retryable',
  retry_gas_limit_too_low: 'retry_gas_limit_too_low',
  deadline_passed: 'deadline_passed',
  not_timeoutable: 'not_timeoutable',
  no_deadline: 'no_deadline',
  deadline_not_passed: 'deadline_not_passed',

  unknown_destination: 'unknown_destination',
  gas_limit_too_high: 'gas_limit_too_high',
  ack_gas_limit_too_high: 'ack_gas_limit_too_high',
  fee_too_low: 'fee_too_low',
  wrong_denom: 'wrong_denom',
  fee_overflow: 'fee_overflow',
  nonce_overflow: 'nonce_overflow',
  tree_full: 'tree_full',
  message_not_sent: 'message_not_sent',
  wrong_origin: 'wrong_origin',
  zero_fee: 'zero_fee',

  invalid_json: 'invalid_call',
  nonpayable: 'invalid_call',

  // Administration and queries: these refuse an operator's call or a read, never a message.
  unauthorized: null,
  insufficient_fees: null,
  zero_rate: null,
  zero_max_gas_limit: null,
  invalid_threshold: null,
  validators_not_ascending: null,
  too_many_validators: null,
  zero_origin_endpoint: null,
  invalid_denom: null,
  unknown_domain: null,
  empty_tree: null,
  // The chain handed the endpoint a malformed environment or a reply it never asked for: a fault
  // of the chain, not of the message.
  invalid_env: null,
  invalid_reply: null,
  unknown_reply: null,
} as const satisfies Record<string, FailureReason | null>

/** An error code of the CosmWasm endpoint. */
export type CosmwasmErrorCode = keyof typeof COSMWASM_FAILURE_REASONS

export type CosmwasmFailureReasonParameters = string | undefined
export type CosmwasmFailureReasonReturnType = FailureReason | undefined

/**
 * The failure reason of a CosmWasm endpoint error code (an `EndpointError`'s `code`): undefined
 * for a code that never fails a message, or one this client does not know.
 *
 * @example
 * ```ts
 * try {
 *   await deliver(executor, { contract, message, proof })
 * } catch (error) {
 *   if (error instanceof EndpointError) cosmwasmFailureReason(error.code) // 'nonce_out_of_order'
 * }
 * ```
 */
export function cosmwasmFailureReason(
  code: CosmwasmFailureReasonParameters,
): CosmwasmFailureReasonReturnType {
  if (code === undefined || !Object.hasOwn(COSMWASM_FAILURE_REASONS, code)) return undefined
  // CAST: `hasOwn` checked that the code is a key of the table.
  return COSMWASM_FAILURE_REASONS[code as CosmwasmErrorCode] ?? undefined
}

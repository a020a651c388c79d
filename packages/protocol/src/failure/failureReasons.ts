/** What the API and explorer say about one failure reason. */
export type FailureReasonInfo = {
  /** One line, for people: what went wrong. */
  readonly description: string
  /** Whether trying the same call again later can succeed without changing the message or proof. */
  readonly retryable: boolean
}

/**
 * Every reason an endpoint or verifier refuses or fails a message, under one stable name per
 * reason whichever chain kind reports it. `@ferry/evm-contracts` maps the Solidity custom errors
 * onto these names (`evmFailureReason`), `@ferry/cosmwasm-bindings` the CosmWasm error codes
 * (`cosmwasmFailureReason`), so the API and explorer show the same name for the same problem.
 * Errors of administration (roles, fee and validator configuration, withdrawals) are not message
 * failures and have no name here.
 *
 * @example
 * ```ts
 * import { failureReasons } from '@ferry/protocol'
 * failureReasons.nonce_out_of_order
 * // { description: 'An earlier message of the channel has not been delivered yet.', retryable: true }
 * ```
 */
export const failureReasons = {
  // The message itself (PROTOCOL §3).
  message_too_short: {
    description: 'The message is shorter than its 98-byte header.',
    retryable: false,
  },
  wrong_version: { description: 'The message is not of protocol version 1.', retryable: false },
  unknown_flags: {
    description: 'The message sets flag bits other than IS_ACK and ACK_REQUESTED.',
    retryable: false,
  },
  ack_requests_ack: {
    description: 'The message is an ack that requests an ack.',
    retryable: false,
  },
  ack_request_mismatch: {
    description: 'ACK_REQUESTED is not set exactly when the ack gas limit is above zero.',
    retryable: false,
  },
  wrong_destination: {
    description: 'The message is addressed to another domain than this endpoint’s.',
    retryable: false,
  },
  body_too_large: { description: 'The message body is over 65,536 bytes.', retryable: false },
  malformed_ack: {
    description: 'The ack’s body is shorter than the original id and status.',
    retryable: false,
  },
  invalid_address: {
    description: 'An address in the message is not a valid address on the destination chain.',
    retryable: false,
  },
  // The proof and its verifier (PROTOCOL §6).
  malformed_proof: {
    description: 'The proof is not a header, the siblings its mask implies and whole signatures.',
    retryable: false,
  },
  leaf_index_too_high: {
    description: 'The proof’s leaf comes after its checkpoint.',
    retryable: false,
  },
  invalid_signature: { description: 'A proof signature recovers no signer.', retryable: false },
  high_s: { description: 'A proof signature is malleable (high s).', retryable: false },
  invalid_v: { description: 'A proof signature’s v is not 27 or 28.', retryable: false },
  signers_not_ascending: {
    description: 'The proof’s signers are not in strictly ascending order.',
    retryable: false,
  },
  signer_not_validator: {
    description:
      'A proof signer is not a validator of the origin (also the sign of a wrong branch or message).',
    retryable: false,
  },
  threshold_not_met: {
    description: 'The proof has fewer validator signatures than the threshold.',
    retryable: false,
  },
  unknown_origin: {
    description: 'The destination has no verifier or validator set for the message’s origin.',
    retryable: false,
  },
  proof_rejected: { description: 'The recipient’s verifier rejected the proof.', retryable: false },
  verifier_failed: {
    description: 'The verifier could not be called (no contract there, or it failed).',
    retryable: false,
  },
  // Delivery (PROTOCOL §7).
  nonce_out_of_order: {
    description: 'An earlier message of the channel has not been delivered yet.',
    retryable: true,
  },
  insufficient_gas: {
    description: 'The delivery transaction had too little gas left for the handler’s gas limit.',
    retryable: true,
  },
  batch_length_mismatch: {
    description: 'A batch does not have one proof per message.',
    retryable: false,
  },
  paused: { description: 'The endpoint is paused.', retryable: true },
  reentrant_call: {
    description: 'A handler called back into the endpoint while it was delivering.',
    retryable: false,
  },
  not_retryable: { description: 'Only a Failed message can be retried.', retryable: false },
  retry_gas_limit_too_low: {
    description: 'A retry’s gas limit is below the message’s own.',
    retryable: false,
  },
  deadline_passed: {
    description: 'The message’s deadline has passed: it can only time out.',
    retryable: false,
  },
  not_timeoutable: { description: 'Only a Failed message can time out.', retryable: false },
  no_deadline: {
    description: 'The message has no deadline, so it never times out.',
    retryable: false,
  },
  deadline_not_passed: {
    description: 'The message’s deadline has not passed yet.',
    retryable: true,
  },
  // The recipient's handler (PROTOCOL §7.4, §10): the message is delivered, but Failed.
  handler_reverted: {
    description: 'The recipient’s handler reverted.',
    retryable: false,
  },
  handler_out_of_gas: {
    description:
      'The recipient’s handler ran out of its gas limit: a retry with more gas can succeed.',
    retryable: false,
  },
  recipient_not_contract: {
    description: 'The recipient is not a contract with a handler on the destination.',
    retryable: false,
  },
  // Sending and fees (PROTOCOL §4, §9).
  unknown_destination: {
    description: 'The origin has no fee configuration for the destination.',
    retryable: false,
  },
  gas_limit_too_high: {
    description: 'The gas limit is above the destination’s maximum.',
    retryable: false,
  },
  ack_gas_limit_too_high: {
    description: 'The ack gas limit is above the origin’s maximum.',
    retryable: false,
  },
  fee_too_low: { description: 'The payment does not cover the fee.', retryable: false },
  wrong_denom: {
    description: 'The payment is not in the endpoint’s fee denom.',
    retryable: false,
  },
  fee_overflow: { description: 'The fee or the payment overflows.', retryable: false },
  refund_failed: {
    description: 'Refunding the payment above the fee to the sender failed.',
    retryable: false,
  },
  nonce_overflow: { description: 'The channel has used every nonce.', retryable: false },
  tree_full: { description: 'The origin’s merkle tree is full.', retryable: false },
  message_not_sent: {
    description: 'The endpoint never sent this message, so its fee cannot be topped up.',
    retryable: false,
  },
  wrong_origin: {
    description: 'The message was sent from another domain than this endpoint’s.',
    retryable: false,
  },
  zero_fee: { description: 'A fee top-up needs a positive amount.', retryable: false },
  // The call rather than the message.
  invalid_call: {
    description: 'The call to the endpoint was malformed (bad JSON, or funds it does not take).',
    retryable: false,
  },
} as const satisfies Record<string, FailureReasonInfo>

/**
 * The stable name of a failure reason, as the API and explorer show it.
 *
 * @example
 * ```ts
 * const reason: FailureReason = 'threshold_not_met'
 * ```
 */
export type FailureReason = keyof typeof failureReasons

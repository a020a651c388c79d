import type { FailureReason } from '@ferry/protocol'
import type { endpointAbi } from '../generated/endpoint.js'
import type { multisigVerifierAbi } from '../generated/multisigVerifier.js'

type ErrorName<abi extends readonly { type: string }[]> = Extract<
  abi[number],
  { type: 'error'; name: string }
>['name']

/** The name of a custom error the endpoint or the multisig verifier can revert with. */
export type EvmErrorName = ErrorName<typeof endpointAbi> | ErrorName<typeof multisigVerifierAbi>

/**
 * Every custom error of the endpoint and multisig verifier ABIs and the failure reason it reports
 * (`@ferry/protocol`'s `failureReasons`), or `null` for an error of administration (roles, fee and
 * validator configuration, withdrawals) that never fails a message. Typed over the ABIs' error
 * names, so a new Solidity error without an entry fails the build.
 *
 * @example
 * ```ts
 * EVM_FAILURE_REASONS.MultisigVerifierThresholdNotMet // 'threshold_not_met'
 * EVM_FAILURE_REASONS.EndpointNotFeeManager // null
 * ```
 */
export const EVM_FAILURE_REASONS = {
  EndpointMessageTooShort: 'message_too_short',
  MultisigVerifierMalformedMessage: 'message_too_short',
  EndpointWrongVersion: 'wrong_version',
  EndpointUnknownFlags: 'unknown_flags',
  EndpointAckRequestsAck: 'ack_requests_ack',
  EndpointAckRequestMismatch: 'ack_request_mismatch',
  EndpointWrongDestination: 'wrong_destination',
  EndpointBodyTooLarge: 'body_too_large',
  EndpointMalformedAck: 'malformed_ack',

  MultisigVerifierMalformedProof: 'malformed_proof',
  MultisigVerifierLeafIndexTooHigh: 'leaf_index_too_high',
  MultisigVerifierInvalidSignature: 'invalid_signature',
  MultisigVerifierHighS: 'high_s',
  MultisigVerifierInvalidV: 'invalid_v',
  MultisigVerifierSignersNotAscending: 'signers_not_ascending',
  MultisigVerifierSignerNotValidator: 'signer_not_validator',
  MultisigVerifierThresholdNotMet: 'threshold_not_met',
  // No verifier for the origin (endpoint) and no validator set for it (verifier) are one problem
  // to the user: the destination does not trust that origin yet. CosmWasm reports both as
  // `unknown_origin`.
  MultisigVerifierUnknownOrigin: 'unknown_origin',
  EndpointNoVerifier: 'unknown_origin',
  EndpointProofRejected: 'proof_rejected',
  EndpointVerifierNotContract: 'verifier_failed',

  EndpointNonceOutOfOrder: 'nonce_out_of_order',
  EndpointInsufficientGas: 'insufficient_gas',
  EndpointBatchLengthMismatch: 'batch_length_mismatch',
  EnforcedPause: 'paused',
  ReentrancyGuardReentrantCall: 'reentrant_call',
  EndpointNotRetryable: 'not_retryable',
  EndpointRetryGasLimitTooLow: 'retry_gas_limit_too_low',
  EndpointDeadlinePassed: 'deadline_passed',
  EndpointNotTimeoutable: 'not_timeoutable',
  EndpointNoDeadline: 'no_deadline',
  EndpointDeadlineNotPassed: 'deadline_not_passed',

  EndpointUnknownDestination: 'unknown_destination',
  EndpointGasLimitTooHigh: 'gas_limit_too_high',
  EndpointAckGasLimitTooHigh: 'ack_gas_limit_too_high',
  EndpointFeeTooLow: 'fee_too_low',
  EndpointRefundFailed: 'refund_failed',
  MerkleTreeFull: 'tree_full',
  EndpointMessageNotSent: 'message_not_sent',
  EndpointWrongOrigin: 'wrong_origin',
  EndpointZeroFee: 'zero_fee',

  // Administration: these refuse an operator's call, never a message.
  EndpointEmptyTree: null,
  EndpointInsufficientFees: null,
  EndpointNotFeeCollector: null,
  EndpointNotFeeManager: null,
  EndpointWithdrawFailed: null,
  EndpointZeroAddress: null,
  EndpointZeroMaxGasLimit: null,
  EndpointZeroRate: null,
  ExpectedPause: null,
  OwnableInvalidOwner: null,
  OwnableUnauthorizedAccount: null,
  MultisigVerifierInvalidThreshold: null,
  MultisigVerifierTooManyValidators: null,
  MultisigVerifierValidatorsNotAscending: null,
  MultisigVerifierZeroOriginEndpoint: null,
  ValidatorSetStoreDeployFailed: null,
} as const satisfies Record<EvmErrorName, FailureReason | null>

export type EvmFailureReasonParameters = string
export type EvmFailureReasonReturnType = FailureReason | undefined

/**
 * The failure reason of an endpoint or verifier custom error, by its name (viem's
 * `decodeErrorResult(...).errorName`): undefined for an error of administration or a name that
 * is not one of Ferry's.
 *
 * @example
 * ```ts
 * const { errorName } = decodeErrorResult({ abi: endpointAbi, data })
 * evmFailureReason(errorName) // 'nonce_out_of_order'
 * ```
 */
export function evmFailureReason(
  errorName: EvmFailureReasonParameters,
): EvmFailureReasonReturnType {
  if (!Object.hasOwn(EVM_FAILURE_REASONS, errorName)) return undefined
  // CAST: `hasOwn` checked that the name is a key of the table.
  return EVM_FAILURE_REASONS[errorName as EvmErrorName] ?? undefined
}

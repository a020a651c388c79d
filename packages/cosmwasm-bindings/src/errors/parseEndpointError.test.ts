import { BaseError } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import { EmbeddedChainError } from '../embedded/errors.js'
import * as admin from './admin.js'
import * as config from './config.js'
import * as delivery from './delivery.js'
import { EndpointError, UnknownEndpointError } from './endpointError.js'
import * as message from './message.js'
import { parseEndpointError } from './parseEndpointError.js'
import * as proof from './proof.js'

const id = `0x${'ab'.repeat(32)}`
const signer = `0x${'12'.repeat(20)}`
const earlier = `0x${'34'.repeat(20)}`

// Each code the contract fails with (contract/assembly, `fail(…)`), an error string in the
// contract's words, its class and the fields the client reads from it.
const cases = [
  ['message_too_short: length 97', message.MessageTooShortError, { length: 97 }],
  ['wrong_version: 2', message.WrongVersionError, { version: 2 }],
  ['unknown_flags: 4', message.UnknownFlagsError, { flags: 4 }],
  [
    'wrong_destination: expected 7001, got 31337',
    message.WrongDestinationError,
    { expected: 7001, actual: 31337 },
  ],
  ['body_too_large: 65537 > 65536', message.BodyTooLargeError, { length: 65537 }],
  ['malformed_ack: body length 3', message.MalformedAckError, {}],
  ['ack_requests_ack: 3', message.AckRequestsAckError, {}],
  [
    'gas_limit_too_high: 20000000 > 16777216 for domain 7002',
    admin.GasLimitTooHighError,
    { gasLimit: 20_000_000, maxGasLimit: 16_777_216, domain: 7002 },
  ],
  [
    'ack_gas_limit_too_high: 20000000 > 16777216 for domain 7001',
    admin.AckGasLimitTooHighError,
    { ackGasLimit: 20_000_000, maxGasLimit: 16_777_216, domain: 7001 },
  ],
  [`zero_fee: ${id}`, admin.ZeroFeeError, { id }],
  [
    'ack_request_mismatch: flags 0, ack gas limit 50000',
    message.AckRequestMismatchError,
    { flags: 0, ackGasLimit: 50_000 },
  ],
  [
    'wrong_origin: expected 7001, got 7002',
    admin.WrongOriginError,
    { expected: 7001, actual: 7002 },
  ],
  [
    `message_not_sent: ${id}: nonce 5, outbound nonce 3`,
    admin.MessageNotSentError,
    { id, nonce: 5n, outboundNonce: 3n },
  ],
  [
    'nonpayable: deliver takes no funds, got 5ustake,1uatom',
    admin.NonpayableError,
    { action: 'deliver', funds: '5ustake,1uatom' },
  ],
  ['zero_max_gas_limit: 9', config.ZeroMaxGasLimitError, { domain: 9 }],
  [
    `retry_gas_limit_too_low: ${id}: 100000 < 200000`,
    delivery.RetryGasLimitTooLowError,
    { id, gasLimit: 100_000, messageGasLimit: 200_000 },
  ],
  ['malformed_proof: length 7', proof.MalformedProofError, { length: 7 }],
  ['leaf_index_too_high: 8 > 7', proof.LeafIndexTooHighError, { leafIndex: 8, checkpointIndex: 7 }],
  ['invalid_signature: 1', proof.InvalidSignatureError, { index: 1 }],
  [`high_s: ${id}`, proof.HighSError, {}],
  ['invalid_v: 29', proof.InvalidVError, { v: 29 }],
  [
    `signers_not_ascending: ${earlier} then ${signer}`,
    proof.SignersNotAscendingError,
    { previous: earlier, signer },
  ],
  [`signer_not_validator: ${signer}`, proof.SignerNotValidatorError, { signer }],
  ['threshold_not_met: 2 of 3', proof.ThresholdNotMetError, { signatures: 2, threshold: 3 }],
  ['unknown_origin: 31337', proof.UnknownOriginError, { origin: 31337 }],
  [`proof_rejected: ${id} by wasm1v`, proof.ProofRejectedError, { id, verifier: 'wasm1v' }],
  ['query_failed: wasm1v: malformed answer', proof.QueryFailedError, { contract: 'wasm1v' }],
  [
    `nonce_out_of_order: channel ${id}, expected 3, got 4`,
    delivery.NonceOutOfOrderError,
    { channel: id, expected: 3n, actual: 4n, retryable: true },
  ],
  [`nonce_overflow: ${id}`, delivery.NonceOverflowError, { channel: id }],
  [
    'batch_length_mismatch: 2 messages, 1 proofs',
    delivery.BatchLengthMismatchError,
    { messages: 2, proofs: 1 },
  ],
  [`deadline_passed: ${id} deadline 99`, delivery.DeadlinePassedError, { id, deadline: 99n }],
  [
    `deadline_not_passed: ${id} deadline 99, now 98`,
    delivery.DeadlineNotPassedError,
    { id, deadline: 99n, now: 98n, retryable: true },
  ],
  [`no_deadline: ${id}`, delivery.NoDeadlineError, { id }],
  [`not_retryable: ${id} has status 1`, delivery.NotRetryableError, { id, status: 1 }],
  [`not_timeoutable: ${id} has status 0`, delivery.NotTimeoutableError, { id, status: 0 }],
  ['reentrant_call', delivery.ReentrantCallError, {}],
  ['empty_tree', delivery.EmptyTreeError, { retryable: true }],
  ['tree_full: 4294967295', delivery.TreeFullError, {}],
  ['fee_too_low: required 1000, paid 10', admin.FeeTooLowError, { required: 1000n, paid: 10n }],
  [
    'insufficient_fees: requested 10, available 4',
    admin.InsufficientFeesError,
    { requested: 10n, available: 4n },
  ],
  [
    'wrong_denom: expected ustake, got uatom',
    admin.WrongDenomError,
    { expected: 'ustake', actual: 'uatom' },
  ],
  ['fee_overflow: funds', admin.FeeOverflowError, {}],
  ['unknown_destination: 5', admin.UnknownDestinationError, { destination: 5 }],
  ['unknown_domain: 5', admin.UnknownDomainError, { domain: 5 }],
  ['zero_rate: 5', config.ZeroRateError, {}],
  ['paused', admin.PausedError, { detail: '', retryable: true }],
  [
    'unauthorized: wasm1x is not the owner',
    admin.UnauthorizedError,
    { detail: 'wasm1x is not the owner' },
  ],
  [
    'invalid_threshold: threshold 3, size 2',
    config.InvalidThresholdError,
    { threshold: 3, size: 2 },
  ],
  [`validators_not_ascending: ${signer} then ${earlier}`, config.ValidatorsNotAscendingError, {}],
  ['too_many_validators: 300 > 255', config.TooManyValidatorsError, {}],
  ['zero_origin_endpoint: 1', config.ZeroOriginEndpointError, {}],
  ['invalid_address: wasm1x: invalid checksum', config.InvalidAddressError, {}],
  ['invalid_denom: empty', config.InvalidDenomError, {}],
  ['invalid_json: unknown field `x`', config.InvalidJsonError, {}],
] as const

describe('parseEndpointError', () => {
  test('covers one class per code', () => {
    const classes = new Set(cases.map(([, ErrorClass]) => ErrorClass))
    expect(classes.size).toBe(
      Object.keys({ ...admin, ...config, ...delivery, ...message, ...proof }).length,
    )
  })

  test.each(cases)('%s', (reason, ErrorClass, fields) => {
    const cause = new EmbeddedChainError({ operation: 'execute', reason })
    const error = parseEndpointError(cause)
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(EndpointError)
    expect(error).toBeInstanceOf(BaseError)
    expect(error.name).toBe(ErrorClass.name)
    expect(error.code).toBe(reason.split(':')[0])
    expect(error.cause).toBe(cause)
    expect(error).toMatchObject({ retryable: false, ...fields })
  })

  test('finds the code inside a node’s broadcast error and strips the node’s suffix', () => {
    const error = parseEndpointError(
      new Error(
        'Broadcasting transaction failed with code 5 (codespace: wasm). Log: failed to execute message; message index: 0: fee_too_low: required 10, paid 5: execute wasm contract failed',
      ),
    )
    expect(error).toBeInstanceOf(admin.FeeTooLowError)
    expect(error).toMatchObject({ detail: 'required 10, paid 5', required: 10n, paid: 5n })
  })

  test('finds a code without detail inside a node’s query error', () => {
    const error = parseEndpointError(
      new Error('Query failed with (6): Generic error: paused: query wasm contract failed'),
    )
    expect(error).toBeInstanceOf(admin.PausedError)
    expect(error.detail).toBe('')
  })

  test('does not take a code inside a longer word', () => {
    expect(parseEndpointError(new Error('not_paused: x'))).toBeInstanceOf(UnknownEndpointError)
  })

  test('an unknown code keeps its code and detail', () => {
    const error = parseEndpointError(
      new EmbeddedChainError({ operation: 'execute', reason: 'new_thing: 42' }),
    )
    expect(error).toBeInstanceOf(UnknownEndpointError)
    expect(error).toMatchObject({ code: 'new_thing', detail: '42', retryable: false })
  })

  test('an error without a contract code, or not an Error, is UnknownEndpointError', () => {
    expect(parseEndpointError(new Error('socket hang up'))).toMatchObject({
      name: 'UnknownEndpointError',
      code: undefined,
      detail: 'socket hang up',
    })
    expect(parseEndpointError('boom')).toMatchObject({ code: undefined, detail: 'boom' })
  })

  test('an EndpointError passes through unchanged', () => {
    const error = new admin.PausedError({ detail: '' })
    expect(parseEndpointError(error)).toBe(error)
  })
})

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

/** The contract's error text for `code` and its fields (INTERFACE.md "Errors"). */
const contractError = (code: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ ferry_error: { code, ...fields } })

// Each code the contract fails with (contract/assembly, `fail(…)`), the fields it writes, its
// class and the typed fields the client reads from them.
const cases = [
  ['message_too_short', { length: 97 }, message.MessageTooShortError, { length: 97 }],
  ['wrong_version', { version: 2 }, message.WrongVersionError, { version: 2 }],
  ['unknown_flags', { flags: 4 }, message.UnknownFlagsError, { flags: 4 }],
  [
    'wrong_destination',
    { expected: 7001, actual: 31337 },
    message.WrongDestinationError,
    { expected: 7001, actual: 31337 },
  ],
  ['body_too_large', { length: 65537, max: 65536 }, message.BodyTooLargeError, { length: 65537 }],
  ['malformed_ack', { body_length: 3 }, message.MalformedAckError, {}],
  ['ack_requests_ack', { flags: 3 }, message.AckRequestsAckError, {}],
  [
    'gas_limit_too_high',
    { gas_limit: 20_000_000, max_gas_limit: 16_777_216, domain: 7002 },
    admin.GasLimitTooHighError,
    { gasLimit: 20_000_000, maxGasLimit: 16_777_216, domain: 7002 },
  ],
  [
    'ack_gas_limit_too_high',
    { ack_gas_limit: 20_000_000, max_gas_limit: 16_777_216, domain: 7001 },
    admin.AckGasLimitTooHighError,
    { ackGasLimit: 20_000_000, maxGasLimit: 16_777_216, domain: 7001 },
  ],
  ['zero_fee', { id }, admin.ZeroFeeError, { id }],
  [
    'ack_request_mismatch',
    { flags: 0, ack_gas_limit: 50_000 },
    message.AckRequestMismatchError,
    { flags: 0, ackGasLimit: 50_000 },
  ],
  [
    'wrong_origin',
    { expected: 7001, actual: 7002 },
    admin.WrongOriginError,
    { expected: 7001, actual: 7002 },
  ],
  [
    'message_not_sent',
    { id, nonce: '5', outbound_nonce: '3' },
    admin.MessageNotSentError,
    { id, nonce: 5n, outboundNonce: 3n },
  ],
  [
    'nonpayable',
    { action: 'deliver', funds: '5ustake,1uatom' },
    admin.NonpayableError,
    { action: 'deliver', funds: '5ustake,1uatom' },
  ],
  ['zero_max_gas_limit', { domain: 9 }, config.ZeroMaxGasLimitError, { domain: 9 }],
  [
    'retry_gas_limit_too_low',
    { id, gas_limit: 100_000, message_gas_limit: 200_000 },
    delivery.RetryGasLimitTooLowError,
    { id, gasLimit: 100_000, messageGasLimit: 200_000 },
  ],
  ['malformed_proof', { length: 7 }, proof.MalformedProofError, { length: 7 }],
  [
    'leaf_index_too_high',
    { leaf_index: 8, checkpoint_index: 7 },
    proof.LeafIndexTooHighError,
    { leafIndex: 8, checkpointIndex: 7 },
  ],
  ['invalid_signature', { index: 1 }, proof.InvalidSignatureError, { index: 1 }],
  ['high_s', { s: id }, proof.HighSError, {}],
  ['invalid_v', { v: 29 }, proof.InvalidVError, { v: 29 }],
  [
    'signers_not_ascending',
    { previous: earlier, signer },
    proof.SignersNotAscendingError,
    { previous: earlier, signer },
  ],
  ['signer_not_validator', { signer }, proof.SignerNotValidatorError, { signer }],
  [
    'threshold_not_met',
    { signatures: 2, threshold: 3 },
    proof.ThresholdNotMetError,
    { signatures: 2, threshold: 3 },
  ],
  ['unknown_origin', { origin: 31337 }, proof.UnknownOriginError, { origin: 31337 }],
  [
    'proof_rejected',
    { id, verifier: 'wasm1v' },
    proof.ProofRejectedError,
    { id, verifier: 'wasm1v' },
  ],
  [
    'query_failed',
    { contract: 'wasm1v', error: 'malformed answer' },
    proof.QueryFailedError,
    { contract: 'wasm1v' },
  ],
  [
    'nonce_out_of_order',
    { channel: id, expected: '3', actual: '4' },
    delivery.NonceOutOfOrderError,
    { channel: id, expected: 3n, actual: 4n, retryable: true },
  ],
  ['nonce_overflow', { channel: id }, delivery.NonceOverflowError, { channel: id }],
  [
    'batch_length_mismatch',
    { messages: 2, proofs: 1 },
    delivery.BatchLengthMismatchError,
    { messages: 2, proofs: 1 },
  ],
  ['deadline_passed', { id, deadline: '99' }, delivery.DeadlinePassedError, { id, deadline: 99n }],
  [
    'deadline_not_passed',
    { id, deadline: '99', now: '98' },
    delivery.DeadlineNotPassedError,
    { id, deadline: 99n, now: 98n, retryable: true },
  ],
  ['no_deadline', { id }, delivery.NoDeadlineError, { id }],
  ['not_retryable', { id, status: 1 }, delivery.NotRetryableError, { id, status: 1 }],
  ['not_timeoutable', { id, status: 0 }, delivery.NotTimeoutableError, { id, status: 0 }],
  ['reentrant_call', {}, delivery.ReentrantCallError, {}],
  ['empty_tree', {}, delivery.EmptyTreeError, { retryable: true }],
  ['tree_full', { count: 4294967296 }, delivery.TreeFullError, {}],
  [
    'fee_too_low',
    { required: '1000', paid: '10' },
    admin.FeeTooLowError,
    { required: 1000n, paid: 10n },
  ],
  [
    'insufficient_fees',
    { requested: '10', available: '4' },
    admin.InsufficientFeesError,
    { requested: 10n, available: 4n },
  ],
  [
    'wrong_denom',
    { expected: 'ustake', actual: 'uatom' },
    admin.WrongDenomError,
    { expected: 'ustake', actual: 'uatom' },
  ],
  ['fee_overflow', { of: 'funds' }, admin.FeeOverflowError, {}],
  ['unknown_destination', { destination: 5 }, admin.UnknownDestinationError, { destination: 5 }],
  ['unknown_domain', { domain: 5 }, admin.UnknownDomainError, { domain: 5 }],
  ['zero_rate', { domain: 5 }, config.ZeroRateError, {}],
  ['paused', {}, admin.PausedError, { detail: '', retryable: true }],
  [
    'unauthorized',
    { sender: 'wasm1x', role: 'owner' },
    admin.UnauthorizedError,
    { fields: { sender: 'wasm1x', role: 'owner' } },
  ],
  [
    'invalid_threshold',
    { threshold: 3, size: 2 },
    config.InvalidThresholdError,
    { threshold: 3, size: 2 },
  ],
  [
    'validators_not_ascending',
    { previous: signer, validator: earlier },
    config.ValidatorsNotAscendingError,
    {},
  ],
  ['too_many_validators', { size: 300, max: 255 }, config.TooManyValidatorsError, {}],
  ['zero_origin_endpoint', { origin: 1 }, config.ZeroOriginEndpointError, {}],
  [
    'invalid_address',
    { address: 'wasm1x', error: 'invalid checksum' },
    config.InvalidAddressError,
    {},
  ],
  ['invalid_denom', { denom: '' }, config.InvalidDenomError, {}],
  [
    'invalid_json',
    { path: 'deliver', problem: 'unknown field', field: 'x' },
    config.InvalidJsonError,
    { fields: { path: 'deliver', problem: 'unknown field', field: 'x' } },
  ],
] as const

describe('parseEndpointError', () => {
  test('covers one class per code', () => {
    const classes = new Set(cases.map(([, , ErrorClass]) => ErrorClass))
    expect(classes.size).toBe(
      Object.keys({ ...admin, ...config, ...delivery, ...message, ...proof }).length,
    )
  })

  test.each(cases)('%s', (code, fields, ErrorClass, expected) => {
    const cause = new EmbeddedChainError({
      operation: 'execute',
      reason: contractError(code, fields),
    })
    const error = parseEndpointError(cause)
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(EndpointError)
    expect(error).toBeInstanceOf(BaseError)
    expect(error.name).toBe(ErrorClass.name)
    expect(error.code).toBe(code)
    expect(error.fields).toEqual(fields)
    expect(error.cause).toBe(cause)
    expect(error).toMatchObject({ retryable: false, ...expected })
  })

  test('finds the error inside a node’s broadcast error', () => {
    const error = parseEndpointError(
      new Error(
        `Broadcasting transaction failed with code 5 (codespace: wasm). Log: failed to execute message; message index: 0: ${contractError('fee_too_low', { required: '10', paid: '5' })}: execute wasm contract failed`,
      ),
    )
    expect(error).toBeInstanceOf(admin.FeeTooLowError)
    expect(error).toMatchObject({ detail: '{"required":"10","paid":"5"}', required: 10n, paid: 5n })
  })

  test('finds an error without fields inside a node’s query error', () => {
    const error = parseEndpointError(
      new Error(
        `Query failed with (6): Generic error: ${contractError('paused')}: query wasm contract failed`,
      ),
    )
    expect(error).toBeInstanceOf(admin.PausedError)
    expect(error.detail).toBe('')
  })

  test('reads braces and quotes inside a field as text', () => {
    const nested = 'Generic error: {"ferry_error":{"code":"paused"}} } {'
    const error = parseEndpointError(
      new Error(`x: ${contractError('query_failed', { contract: 'wasm1v', error: nested })}: y`),
    )
    expect(error).toBeInstanceOf(proof.QueryFailedError)
    expect(error.fields).toEqual({ contract: 'wasm1v', error: nested })
  })

  test('a field of the wrong shape reads as undefined, never as a guess', () => {
    const error = parseEndpointError(
      new Error(contractError('nonce_out_of_order', { channel: 'xyz', expected: 3, actual: '4x' })),
    )
    expect(error).toMatchObject({ channel: undefined, expected: undefined, actual: undefined })
  })

  test('skips a marker that is not followed by a whole error', () => {
    const error = parseEndpointError(
      new Error(`{"ferry_error":{"code": 1}} and {"ferry_error": then ${contractError('paused')}`),
    )
    expect(error).toBeInstanceOf(admin.PausedError)
  })

  test('prose in the old "<code>: <detail>" shape is not read as a contract error', () => {
    expect(parseEndpointError(new Error('paused: x'))).toMatchObject({
      name: 'UnknownEndpointError',
      code: undefined,
    })
  })

  test('an unknown code keeps its code and fields', () => {
    const error = parseEndpointError(
      new EmbeddedChainError({
        operation: 'execute',
        reason: contractError('new_thing', { answer: 42 }),
      }),
    )
    expect(error).toBeInstanceOf(UnknownEndpointError)
    expect(error).toMatchObject({
      code: 'new_thing',
      fields: { answer: 42 },
      detail: '{"answer":42}',
      retryable: false,
    })
  })

  test('an error without a contract error, or not an Error, is UnknownEndpointError', () => {
    expect(parseEndpointError(new Error('socket hang up'))).toMatchObject({
      name: 'UnknownEndpointError',
      code: undefined,
      detail: 'socket hang up',
    })
    expect(parseEndpointError('boom')).toMatchObject({ code: undefined, detail: 'boom' })
  })

  test('an EndpointError passes through unchanged', () => {
    const error = new admin.PausedError({ fields: {} })
    expect(parseEndpointError(error)).toBe(error)
  })
})

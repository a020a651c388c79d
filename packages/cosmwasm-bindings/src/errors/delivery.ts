// Errors of delivery, retry and timeout, and of the endpoint's state (PROTOCOL §7): one class per error code of the contract ("<code>: <detail>", INTERFACE.md
// "Errors"). Fields parsed from the detail are undefined when the contract words it otherwise.
import type { Hex } from '../types.js'
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'

/**
 * A message arrived before the earlier ones of its channel. Retryable: it is accepted once they are delivered.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('nonce_out_of_order: channel 0x…, expected 3, got 4')) // NonceOutOfOrderError { expected: 3n, actual: 4n }
 * ```
 */
export class NonceOutOfOrderError extends EndpointError {
  static readonly code = 'nonce_out_of_order'
  override name = 'NonceOutOfOrderError' as const
  readonly channel: Hex | undefined
  readonly expected: bigint | undefined
  readonly actual: bigint | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message’s nonce is not the next of its channel.', {
      code: 'nonce_out_of_order',
      detail,
      cause,
      retryable: true,
    })
    const match = /channel (0x[0-9a-fA-F]+), expected (\d+), got (\d+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.channel = match?.[1] as Hex | undefined
    this.expected = match?.[2] === undefined ? undefined : BigInt(match?.[2])
    this.actual = match?.[3] === undefined ? undefined : BigInt(match?.[3])
  }
}

/**
 * A channel has used every u64 nonce.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('nonce_overflow: 0x…')) // NonceOverflowError { channel: '0x…' }
 * ```
 */
export class NonceOverflowError extends EndpointError {
  static readonly code = 'nonce_overflow'
  override name = 'NonceOverflowError' as const
  readonly channel: Hex | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The channel’s nonce would overflow u64.', {
      code: 'nonce_overflow',
      detail,
      cause,
      retryable: false,
    })
    const match = /(0x[0-9a-fA-F]+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.channel = match?.[1] as Hex | undefined
  }
}

/**
 * `deliverBatch` was given a different number of messages and proofs.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('batch_length_mismatch: 2 messages, 1 proofs')) // BatchLengthMismatchError { messages: 2, proofs: 1 }
 * ```
 */
export class BatchLengthMismatchError extends EndpointError {
  static readonly code = 'batch_length_mismatch'
  override name = 'BatchLengthMismatchError' as const
  readonly messages: number | undefined
  readonly proofs: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('A batch has not one proof per message.', {
      code: 'batch_length_mismatch',
      detail,
      cause,
      retryable: false,
    })
    const match = /(\d+) messages, (\d+) proofs/.exec(detail)
    this.messages = match?.[1] === undefined ? undefined : Number(match?.[1])
    this.proofs = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

/**
 * `retry` came after the message’s deadline: only `timeout` is left.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('deadline_passed: 0x… deadline 1700000000')) // DeadlinePassedError { deadline: 1700000000n }
 * ```
 */
export class DeadlinePassedError extends EndpointError {
  static readonly code = 'deadline_passed'
  override name = 'DeadlinePassedError' as const
  readonly id: Hex | undefined
  readonly deadline: bigint | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message’s deadline has passed.', {
      code: 'deadline_passed',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(0x[0-9a-fA-F]+) deadline (\d+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.id = match?.[1] as Hex | undefined
    this.deadline = match?.[2] === undefined ? undefined : BigInt(match?.[2])
  }
}

/**
 * `timeout` came before the message’s deadline. Retryable: it works once the deadline passes.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('deadline_not_passed: 0x… deadline 1700000000, now 1600000000')) // DeadlineNotPassedError { deadline: 1700000000n, now: 1600000000n }
 * ```
 */
export class DeadlineNotPassedError extends EndpointError {
  static readonly code = 'deadline_not_passed'
  override name = 'DeadlineNotPassedError' as const
  readonly id: Hex | undefined
  readonly deadline: bigint | undefined
  readonly now: bigint | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message’s deadline has not passed yet.', {
      code: 'deadline_not_passed',
      detail,
      cause,
      retryable: true,
    })
    const match = /^(0x[0-9a-fA-F]+) deadline (\d+), now (\d+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.id = match?.[1] as Hex | undefined
    this.deadline = match?.[2] === undefined ? undefined : BigInt(match?.[2])
    this.now = match?.[3] === undefined ? undefined : BigInt(match?.[3])
  }
}

/**
 * `timeout` was called for a message without a deadline, which never times out.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('no_deadline: 0x…')) // NoDeadlineError { id: '0x…' }
 * ```
 */
export class NoDeadlineError extends EndpointError {
  static readonly code = 'no_deadline'
  override name = 'NoDeadlineError' as const
  readonly id: Hex | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The message has no deadline.', { code: 'no_deadline', detail, cause, retryable: false })
    const match = /^(0x[0-9a-fA-F]+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.id = match?.[1] as Hex | undefined
  }
}

/**
 * `retry` was called for a message that is not Failed.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('not_retryable: 0x… has status 1')) // NotRetryableError { status: 1 }
 * ```
 */
export class NotRetryableError extends EndpointError {
  static readonly code = 'not_retryable'
  override name = 'NotRetryableError' as const
  readonly id: Hex | undefined
  readonly status: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('Only a Failed message can be retried.', {
      code: 'not_retryable',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(0x[0-9a-fA-F]+) has status (\d+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.id = match?.[1] as Hex | undefined
    this.status = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

/**
 * `timeout` was called for a message that is not Failed.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('not_timeoutable: 0x… has status 0')) // NotTimeoutableError { status: 0 }
 * ```
 */
export class NotTimeoutableError extends EndpointError {
  static readonly code = 'not_timeoutable'
  override name = 'NotTimeoutableError' as const
  readonly id: Hex | undefined
  readonly status: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('Only a Failed message can time out.', {
      code: 'not_timeoutable',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(0x[0-9a-fA-F]+) has status (\d+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.id = match?.[1] as Hex | undefined
    this.status = match?.[2] === undefined ? undefined : Number(match?.[2])
  }
}

/**
 * A recipient called back into the endpoint while it was delivering to it.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('reentrant_call')) // ReentrantCallError { code: 'reentrant_call' }
 * ```
 */
export class ReentrantCallError extends EndpointError {
  static readonly code = 'reentrant_call'
  override name = 'ReentrantCallError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint was re-entered.', {
      code: 'reentrant_call',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * `latestCheckpoint` was queried before the first send. Retryable: it answers after one.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('empty_tree')) // EmptyTreeError { code: 'empty_tree' }
 * ```
 */
export class EmptyTreeError extends EndpointError {
  static readonly code = 'empty_tree'
  override name = 'EmptyTreeError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint has sent no message yet.', {
      code: 'empty_tree',
      detail,
      cause,
      retryable: true,
    })
  }
}

/**
 * The endpoint has sent 2^32 messages, all its tree holds.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('tree_full: 4294967295')) // TreeFullError { code: 'tree_full' }
 * ```
 */
export class TreeFullError extends EndpointError {
  static readonly code = 'tree_full'
  override name = 'TreeFullError' as const
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The endpoint’s merkle tree is full.', {
      code: 'tree_full',
      detail,
      cause,
      retryable: false,
    })
  }
}

/**
 * `retry` was given a gas limit below the message's own `gasLimit` (PROTOCOL §7: a retry may
 * give the handler more gas, never less).
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('retry_gas_limit_too_low: 0xab…: 100000 < 200000'))
 * // RetryGasLimitTooLowError { id: '0xab…', gasLimit: 100000, messageGasLimit: 200000 }
 * ```
 */
export class RetryGasLimitTooLowError extends EndpointError {
  static readonly code = 'retry_gas_limit_too_low'
  override name = 'RetryGasLimitTooLowError' as const
  readonly id: Hex | undefined
  /** The gas limit the retry asked for. */
  readonly gasLimit: number | undefined
  /** The message's own gas limit, the least a retry may give. */
  readonly messageGasLimit: number | undefined
  constructor({ detail, cause }: EndpointErrorParameters) {
    super('The retry’s gas limit is below the message’s own.', {
      code: 'retry_gas_limit_too_low',
      detail,
      cause,
      retryable: false,
    })
    const match = /^(0x[0-9a-fA-F]+): (\d+) < (\d+)/.exec(detail)
    // CAST: the pattern matched `0x` and hex digits.
    this.id = match?.[1] as Hex | undefined
    this.gasLimit = match?.[2] === undefined ? undefined : Number(match?.[2])
    this.messageGasLimit = match?.[3] === undefined ? undefined : Number(match?.[3])
  }
}

// Errors of delivery, retry and timeout, and of the endpoint's state (PROTOCOL §7): one class per
// error code of the contract (`{"ferry_error":{"code":…}}`, INTERFACE.md "Errors"). A field the
// contract did not write, or wrote in another shape, is undefined.
import type { Hex } from '../types.js'
import { EndpointError, type EndpointErrorParameters } from './endpointError.js'
import { bigintField, hexField, numberField } from './fields.js'

/**
 * A message arrived before the earlier ones of its channel. Retryable: it is accepted once they are delivered.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"nonce_out_of_order","channel":"0x…","expected":"3","actual":"4"}}')) // NonceOutOfOrderError { expected: 3n, actual: 4n }
 * ```
 */
export class NonceOutOfOrderError extends EndpointError {
  static readonly code = 'nonce_out_of_order'
  override name = 'NonceOutOfOrderError' as const
  readonly channel: Hex | undefined
  readonly expected: bigint | undefined
  readonly actual: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message’s nonce is not the next of its channel.', {
      code: 'nonce_out_of_order',
      fields,
      cause,
      retryable: true,
    })
    this.channel = hexField(fields, 'channel')
    this.expected = bigintField(fields, 'expected')
    this.actual = bigintField(fields, 'actual')
  }
}

/**
 * A channel has used every u64 nonce.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"nonce_overflow","channel":"0x…"}}')) // NonceOverflowError { channel: '0x…' }
 * ```
 */
export class NonceOverflowError extends EndpointError {
  static readonly code = 'nonce_overflow'
  override name = 'NonceOverflowError' as const
  readonly channel: Hex | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The channel’s nonce would overflow u64.', {
      code: 'nonce_overflow',
      fields,
      cause,
      retryable: false,
    })
    this.channel = hexField(fields, 'channel')
  }
}

/**
 * `deliverBatch` was given a different number of messages and proofs.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"batch_length_mismatch","messages":2,"proofs":1}}')) // BatchLengthMismatchError { messages: 2, proofs: 1 }
 * ```
 */
export class BatchLengthMismatchError extends EndpointError {
  static readonly code = 'batch_length_mismatch'
  override name = 'BatchLengthMismatchError' as const
  readonly messages: number | undefined
  readonly proofs: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('A batch has not one proof per message.', {
      code: 'batch_length_mismatch',
      fields,
      cause,
      retryable: false,
    })
    this.messages = numberField(fields, 'messages')
    this.proofs = numberField(fields, 'proofs')
  }
}

/**
 * `retry` came after the message’s deadline: only `timeout` is left.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"deadline_passed","id":"0xab…","deadline":"1700000000"}}')) // DeadlinePassedError { deadline: 1700000000n }
 * ```
 */
export class DeadlinePassedError extends EndpointError {
  static readonly code = 'deadline_passed'
  override name = 'DeadlinePassedError' as const
  readonly id: Hex | undefined
  readonly deadline: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message’s deadline has passed.', {
      code: 'deadline_passed',
      fields,
      cause,
      retryable: false,
    })
    this.id = hexField(fields, 'id')
    this.deadline = bigintField(fields, 'deadline')
  }
}

/**
 * `timeout` came before the message’s deadline. Retryable: it works once the deadline passes.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"deadline_not_passed","id":"0xab…","deadline":"1700000000","now":"1600000000"}}')) // DeadlineNotPassedError { deadline: 1700000000n, now: 1600000000n }
 * ```
 */
export class DeadlineNotPassedError extends EndpointError {
  static readonly code = 'deadline_not_passed'
  override name = 'DeadlineNotPassedError' as const
  readonly id: Hex | undefined
  readonly deadline: bigint | undefined
  readonly now: bigint | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message’s deadline has not passed yet.', {
      code: 'deadline_not_passed',
      fields,
      cause,
      retryable: true,
    })
    this.id = hexField(fields, 'id')
    this.deadline = bigintField(fields, 'deadline')
    this.now = bigintField(fields, 'now')
  }
}

/**
 * `timeout` was called for a message without a deadline, which never times out.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"no_deadline","id":"0xab…"}}')) // NoDeadlineError { id: '0x…' }
 * ```
 */
export class NoDeadlineError extends EndpointError {
  static readonly code = 'no_deadline'
  override name = 'NoDeadlineError' as const
  readonly id: Hex | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The message has no deadline.', { code: 'no_deadline', fields, cause, retryable: false })
    this.id = hexField(fields, 'id')
  }
}

/**
 * `retry` was called for a message that is not Failed.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"not_retryable","id":"0xab…","status":1}}')) // NotRetryableError { status: 1 }
 * ```
 */
export class NotRetryableError extends EndpointError {
  static readonly code = 'not_retryable'
  override name = 'NotRetryableError' as const
  readonly id: Hex | undefined
  readonly status: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('Only a Failed message can be retried.', {
      code: 'not_retryable',
      fields,
      cause,
      retryable: false,
    })
    this.id = hexField(fields, 'id')
    this.status = numberField(fields, 'status')
  }
}

/**
 * `timeout` was called for a message that is not Failed.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"not_timeoutable","id":"0xab…","status":0}}')) // NotTimeoutableError { status: 0 }
 * ```
 */
export class NotTimeoutableError extends EndpointError {
  static readonly code = 'not_timeoutable'
  override name = 'NotTimeoutableError' as const
  readonly id: Hex | undefined
  readonly status: number | undefined
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('Only a Failed message can time out.', {
      code: 'not_timeoutable',
      fields,
      cause,
      retryable: false,
    })
    this.id = hexField(fields, 'id')
    this.status = numberField(fields, 'status')
  }
}

/**
 * A recipient called back into the endpoint while it was delivering to it.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('{"ferry_error":{"code":"reentrant_call"}}')) // ReentrantCallError { code: 'reentrant_call' }
 * ```
 */
export class ReentrantCallError extends EndpointError {
  static readonly code = 'reentrant_call'
  override name = 'ReentrantCallError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint was re-entered.', {
      code: 'reentrant_call',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"empty_tree"}}')) // EmptyTreeError { code: 'empty_tree' }
 * ```
 */
export class EmptyTreeError extends EndpointError {
  static readonly code = 'empty_tree'
  override name = 'EmptyTreeError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint has sent no message yet.', {
      code: 'empty_tree',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"tree_full","count":4294967296}}')) // TreeFullError { code: 'tree_full' }
 * ```
 */
export class TreeFullError extends EndpointError {
  static readonly code = 'tree_full'
  override name = 'TreeFullError' as const
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The endpoint’s merkle tree is full.', {
      code: 'tree_full',
      fields,
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
 * parseEndpointError(new Error('{"ferry_error":{"code":"retry_gas_limit_too_low","id":"0xab…","gas_limit":100000,"message_gas_limit":200000}}'))
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
  constructor({ fields, cause }: EndpointErrorParameters) {
    super('The retry’s gas limit is below the message’s own.', {
      code: 'retry_gas_limit_too_low',
      fields,
      cause,
      retryable: false,
    })
    this.id = hexField(fields, 'id')
    this.gasLimit = numberField(fields, 'gas_limit')
    this.messageGasLimit = numberField(fields, 'message_gas_limit')
  }
}

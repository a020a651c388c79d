/**
 * Options every Ferry error accepts, after viem's `BaseErrorParameters`.
 *
 * @example
 * ```ts
 * new BaseError('RPC timed out.', { cause: error, retryable: true })
 * ```
 */
export type BaseErrorParameters = {
  cause?: Error | undefined
  details?: string | undefined
  metaMessages?: string[] | undefined
  name?: string | undefined
  /** Whether trying the same operation again can help (the relayer's retry policy reads this). */
  retryable?: boolean | undefined
}

export type BaseErrorType = BaseError & { name: 'BaseError' }

/**
 * Root of every error the Ferry SDK throws, modelled on viem's `BaseError`: a one-line
 * `shortMessage`, optional `details` and `metaMessages`, the `cause` chain, and `walk()`.
 * Ferry adds `retryable`: codec errors are never retryable (the same bytes fail the same way);
 * network errors in other packages may be.
 *
 * @example
 * ```ts
 * import { BaseError } from '@ferry/protocol'
 *
 * try {
 *   decodeMessage('0x01')
 * } catch (error) {
 *   if (error instanceof BaseError) console.error(error.shortMessage, error.retryable)
 * }
 * ```
 */
export class BaseError extends Error {
  details: string
  metaMessages: string[] | undefined
  shortMessage: string
  retryable: boolean
  override name = 'BaseError'

  constructor(shortMessage: string, args: BaseErrorParameters = {}) {
    // A wrapped BaseError already carries the useful detail; a plain Error only its message.
    const details =
      args.cause instanceof BaseError
        ? args.cause.details
        : (args.cause?.message ?? args.details ?? '')
    const message = [
      shortMessage || 'An error occurred.',
      ...(args.metaMessages ? ['', ...args.metaMessages] : []),
      ...(details ? ['', `Details: ${details}`] : []),
    ].join('\n')
    super(message, args.cause ? { cause: args.cause } : undefined)
    this.details = details
    this.metaMessages = args.metaMessages
    this.shortMessage = shortMessage
    this.retryable = args.retryable ?? false
    this.name = args.name ?? this.name
  }

  /** The deepest error in the `cause` chain. */
  walk(): Error
  /** The first error in the `cause` chain (starting with this one) for which `fn` is true. */
  walk(fn: (error: unknown) => boolean): Error | null
  walk(fn?: (error: unknown) => boolean): Error | null {
    return walk(this, fn)
  }
}

function walk(error: Error, fn: ((error: unknown) => boolean) | undefined): Error | null {
  if (fn?.(error)) return error
  if (error.cause instanceof Error) return walk(error.cause, fn)
  return fn ? null : error
}

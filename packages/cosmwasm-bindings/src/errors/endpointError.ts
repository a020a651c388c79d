import { BaseError } from '@ferry/protocol'

/** What every endpoint error is built from: the contract's `"<code>: <detail>"` and its cause. */
export type EndpointErrorParameters = {
  /** What followed `<code>: ` in the contract's error string ('' when nothing did). */
  detail: string
  /** The executor's own error (an `EmbeddedChainError`, a `@cosmjs` broadcast error, …). */
  cause?: Error | undefined
}

/**
 * Root of the errors the endpoint contract reports; `parseEndpointError` picks the subclass from
 * the error code. `code` is the contract's snake_case code, `detail` the rest of its message.
 *
 * @example
 * ```ts
 * try {
 *   await deliver(executor, { contract, message, proof })
 * } catch (error) {
 *   if (error instanceof EndpointError && error.retryable) schedule(message)
 * }
 * ```
 */
export class EndpointError extends BaseError {
  override name = 'EndpointError'
  readonly code: string | undefined
  readonly detail: string
  constructor(
    shortMessage: string,
    {
      code,
      detail,
      cause,
      retryable,
    }: EndpointErrorParameters & { code: string | undefined; retryable: boolean },
  ) {
    super(shortMessage, {
      details: code === undefined ? detail : `${code}: ${detail}`,
      retryable,
      ...(cause ? { cause } : {}),
    })
    this.code = code
    this.detail = detail
  }
}

/**
 * The endpoint failed with a code this client does not know, or the executor failed without a
 * contract error (a network error, a VM abort); `code` is then undefined and `detail` the message.
 *
 * @example
 * ```ts
 * parseEndpointError(new Error('socket hang up')) // UnknownEndpointError { code: undefined }
 * ```
 */
export class UnknownEndpointError extends EndpointError {
  override name = 'UnknownEndpointError' as const
  constructor({ code, detail, cause }: EndpointErrorParameters & { code: string | undefined }) {
    super(
      code === undefined ? 'The endpoint call failed.' : `The endpoint failed with "${code}".`,
      { code, detail, cause, retryable: false },
    )
  }
}

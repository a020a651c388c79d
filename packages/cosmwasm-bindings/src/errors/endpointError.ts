import { BaseError } from '@ferry/protocol'
import type { EndpointErrorFields } from './fields.js'

/** What every endpoint error is built from: the contract error's named fields and its cause. */
export type EndpointErrorParameters = {
  /** The fields of the contract's `{"ferry_error":{…}}` besides `code` (INTERFACE.md "Errors"). */
  fields: EndpointErrorFields
  /** The executor's own error (an `EmbeddedChainError`, a `@cosmjs` broadcast error, …). */
  cause?: Error | undefined
}

/**
 * Root of the errors the endpoint contract reports; `parseEndpointError` picks the subclass from
 * the error code. `code` is the contract's snake_case code, `fields` its named fields as the
 * contract wrote them (each subclass also reads them into typed properties) and `detail` those
 * fields as JSON text, for people.
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
  readonly fields: EndpointErrorFields
  readonly detail: string
  constructor(
    shortMessage: string,
    {
      code,
      fields,
      detail,
      cause,
      retryable,
    }: {
      code: string | undefined
      fields: EndpointErrorFields
      detail?: string | undefined
      cause?: Error | undefined
      retryable: boolean
    },
  ) {
    const text = detail ?? (Object.keys(fields).length === 0 ? '' : JSON.stringify(fields))
    super(shortMessage, {
      details: code === undefined ? text : text === '' ? code : `${code}: ${text}`,
      retryable,
      ...(cause ? { cause } : {}),
    })
    this.code = code
    this.fields = fields
    this.detail = text
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
  constructor({
    code,
    fields = {},
    detail,
    cause,
  }: Partial<EndpointErrorParameters> & { code: string | undefined; detail?: string | undefined }) {
    super(
      code === undefined ? 'The endpoint call failed.' : `The endpoint failed with "${code}".`,
      { code, fields, detail, cause, retryable: false },
    )
  }
}

import { BaseError } from '@ferry/protocol'

/** The `code` of an API error answer. */
export type ApiErrorCode =
  | 'invalid_parameter'
  | 'unauthorized'
  | 'forbidden'
  | 'not_retryable'
  | 'invalid_cursor'
  | 'not_found'
  | 'route_not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'rate_limited'
  | 'too_many_streams'
  | 'not_ready'
  | 'not_provable'
  | 'already_delivered'
  | 'simulation_unavailable'
  | 'internal'

/**
 * A request the API answers with an error status and `{ error: { code, message, details? } }`.
 * Thrown by handlers and middleware; `createRelayerApi`'s error handler writes it.
 *
 * @example
 * ```ts
 * throw new ApiError({ status: 404, code: 'not_found', message: `No message ${id}.` })
 * ```
 */
export class ApiError extends BaseError {
  override name = 'ApiError' as const
  readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 429 | 503
  readonly code: ApiErrorCode
  readonly body: { error: { code: ApiErrorCode; message: string; details?: unknown } }
  readonly headers: Record<string, string>
  constructor(args: {
    status: ApiError['status']
    code: ApiErrorCode
    message: string
    details?: unknown
    headers?: Record<string, string> | undefined
  }) {
    super(args.message, { retryable: args.status === 429 || args.status === 503 })
    this.status = args.status
    this.code = args.code
    this.headers = args.headers ?? {}
    this.body = {
      error: {
        code: args.code,
        message: args.message,
        ...(args.details !== undefined && { details: args.details }),
      },
    }
  }
}

/**
 * An error body, for answers written directly.
 *
 * @example
 * ```ts
 * return c.json(errorBody('internal', 'Internal error; see the relayer log.'), 500)
 * ```
 */
export function errorBody(code: ApiErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details !== undefined && { details }) } }
}

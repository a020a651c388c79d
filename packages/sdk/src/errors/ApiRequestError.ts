import { FerryError } from './FerryError.js'

/**
 * A call to the relayer API did not get an answer: no `apiUrl` on the client (`no_api`), the API
 * unreachable (`unreachable`), or an answer that was not the documented JSON (`bad_answer`, with
 * its HTTP status: a 5xx, a 429). Actions that can work from the chains fall back to them; it is
 * retryable except `no_api`.
 *
 * @example
 * if (error instanceof ApiRequestError && error.reason === 'unreachable') console.log(error.url)
 */
export class ApiRequestError extends FerryError {
  override name = 'ApiRequestError'
  readonly code = 'api_request_failed'
  readonly url: string
  readonly reason: 'no_api' | 'unreachable' | 'bad_answer'
  /** The HTTP status of a `bad_answer`. */
  readonly status: number | undefined
  constructor({
    url,
    reason,
    status,
    cause,
  }: {
    url: string
    reason: ApiRequestError['reason']
    status?: number | undefined
    cause?: unknown
  }) {
    super(
      reason === 'no_api'
        ? 'This Ferry client has no relayer API (apiUrl).'
        : reason === 'unreachable'
          ? `The relayer API did not answer ${url}.`
          : `The relayer API answered ${url} with HTTP ${status}, not the documented JSON.`,
      {
        cause: cause instanceof Error ? cause : undefined,
        retryable: reason !== 'no_api',
      },
    )
    this.url = url
    this.reason = reason
    this.status = status
  }
}

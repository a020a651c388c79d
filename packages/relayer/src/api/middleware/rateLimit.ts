import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { ApiError } from '../errors.js'
import type { RateLimiter } from './createRateLimiter.js'

/**
 * The client a request counts against: the TCP peer's address. `X-Forwarded-For` is not trusted:
 * any client could set it to dodge its limit. Requests that did not come over a socket (in-process
 * `app.request` in tests) share the key `local`.
 *
 * @example
 * ```ts
 * const key = clientAddress(c) // '127.0.0.1'
 * ```
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local'
  } catch {
    return 'local'
  }
}

/**
 * Answers 429 `rate_limited` with `Retry-After` (whole seconds) when the client's bucket is empty.
 *
 * @example
 * ```ts
 * app.use('/v1/*', rateLimit(createRateLimiter({ requestsPerSecond: 20, burst: 40 })))
 * ```
 */
export function rateLimit(
  limiter: RateLimiter,
  clientKey: (c: Context) => string = clientAddress,
): MiddlewareHandler {
  return async (c, next) => {
    const decision = limiter.take(clientKey(c))
    if (!decision.ok)
      throw new ApiError({
        status: 429,
        code: 'rate_limited',
        message: `Too many requests; retry in ${decision.retryAfterSeconds} s.`,
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      })
    await next()
  }
}

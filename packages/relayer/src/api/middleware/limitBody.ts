import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ApiError } from '../errors.js'

/**
 * Refuses a request body over `maxBytes` with 413 `payload_too_large`, whatever the method: a
 * declared `Content-Length` is checked first (Node hands a GET's body to nobody, so hono's own
 * `bodyLimit` would never see it), then hono's `bodyLimit` counts a streamed (chunked) body.
 *
 * @example
 * ```ts
 * app.use('*', limitBody(16 * 1024))
 * ```
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new ApiError({
      status: 413,
      code: 'payload_too_large',
      message: `Request bodies are limited to ${maxBytes} bytes.`,
    })
  }
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge })
  return async (c, next) => {
    const declared = c.req.header('content-length')
    if (declared !== undefined && (!/^\d+$/.test(declared) || Number(declared) > maxBytes))
      tooLarge()
    return streamed(c, next)
  }
}

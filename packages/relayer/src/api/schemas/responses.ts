import { ErrorBody } from './common.js'

const DESCRIPTIONS = {
  400: 'Invalid parameter or cursor.',
  401: 'No API key, or one that is malformed, unknown or revoked (`unauthorized`); see `WWW-Authenticate`.',
  403: 'The API key has the `read` scope; this needs `operate` (`forbidden`).',
  404: 'Not found.',
  409: 'Not possible in its current state; `details.reason` says why (and `Retry-After` when waiting can help).',
  413: 'Request body too large.',
  429: 'Rate limited; see `Retry-After`.',
  503: 'Not available now.',
} as const

/**
 * The error answers a route documents, each `{ error: { code, message, details? } }`.
 *
 * @example
 * ```ts
 * createRoute({ ..., responses: { 200: ok, ...errorResponses(400, 404) } })
 * ```
 */
export function errorResponses<const codes extends readonly (keyof typeof DESCRIPTIONS)[]>(
  ...codes: codes
) {
  const responses: Partial<
    Record<
      keyof typeof DESCRIPTIONS,
      { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }
    >
  > = {}
  for (const code of [...codes, 413, 429] as const)
    responses[code] = {
      description: DESCRIPTIONS[code],
      content: { 'application/json': { schema: ErrorBody } },
    }
  // CAST: the loop filled exactly `codes` plus 413 and 429
  return responses as Record<
    codes[number] | 413 | 429,
    { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }
  >
}

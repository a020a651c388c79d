import { timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import type { ApiKeyRecord, ApiKeyScope, RelayerStore } from '../../store/types.js'
import { hashApiKey, isApiKeyShaped } from '../auth/apiKeyText.js'
import { ApiError } from '../errors.js'

/** The key a request authenticated with, set by `apiKeyAuth` (absent: no key given). */
export type ApiKeyVariables = { apiKey?: ApiKeyRecord }

const challenge = { 'WWW-Authenticate': 'Bearer realm="ferry"' }

const unauthorized = (message: string) =>
  new ApiError({ status: 401, code: 'unauthorized', message, headers: challenge })

/**
 * Reads `Authorization: Bearer <key>`: a key that is malformed, unknown or revoked is refused
 * with 401 `unauthorized` on every route (a client sending a bad key should know), a good one is
 * set as `c.var.apiKey`. Without a key, reads pass unless `requireKeyForReads`; each write
 * route calls `requireScope(c, 'operate')` first.
 *
 * @example
 * ```ts
 * app.use('/v1/*', apiKeyAuth(store, { requireKeyForReads: false }))
 * ```
 */
export function apiKeyAuth(
  store: Pick<RelayerStore, 'useApiKey'>,
  { requireKeyForReads }: { requireKeyForReads: boolean },
): MiddlewareHandler<{ Variables: ApiKeyVariables }> {
  return async (c, next) => {
    const header = c.req.header('Authorization')
    if (header !== undefined) c.set('apiKey', await authenticate(store, header))
    // Write routes check `operate` themselves (`requireScope`): other methods must still reach
    // the 405 answer, not a 401.
    const read = c.req.method === 'GET' || c.req.method === 'HEAD'
    if (read && requireKeyForReads) requireScope(c, 'read')
    await next()
  }
}

/**
 * Throws 401 when the request has no key, 403 `forbidden` when its key's scope is short of
 * `scope` (`operate` includes `read`).
 *
 * @example
 * ```ts
 * const key = requireScope(c, 'operate')
 * ```
 */
export function requireScope(c: Context, scope: ApiKeyScope): ApiKeyRecord {
  const key: ApiKeyRecord | undefined = c.get('apiKey')
  if (key === undefined)
    throw unauthorized(
      `This needs an API key with the ${scope} scope: Authorization: Bearer ferry_… (see ferry api-key create).`,
    )
  if (scope === 'operate' && key.scope !== 'operate')
    throw new ApiError({
      status: 403,
      code: 'forbidden',
      message: `API key "${key.name}" has the ${key.scope} scope; this needs operate.`,
    })
  return key
}

async function authenticate(
  store: Pick<RelayerStore, 'useApiKey'>,
  header: string,
): Promise<ApiKeyRecord> {
  const match = /^Bearer ([^\s]+)$/i.exec(header)
  if (!match?.[1] || !isApiKeyShaped(match[1]))
    throw unauthorized(
      'Malformed Authorization header: expected Bearer ferry_ and 43 base64url characters.',
    )
  const hash = hashApiKey(match[1])
  const found = await store.useApiKey(hash)
  // The lookup is by hash; comparing again in constant time keeps the check itself from timing
  // out how much of a guess matched, whatever the database's index compares.
  if (!found || !timingSafeEqual(Buffer.from(found.keyHash), Buffer.from(hash)))
    throw unauthorized('Unknown API key.')
  if (found.revokedAt !== null) throw unauthorized(`API key "${found.name}" is revoked.`)
  const { keyHash: _hash, ...key } = found
  return key
}

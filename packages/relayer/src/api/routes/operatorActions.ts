import { createRoute } from '@hono/zod-openapi'
import type { AuditEntry } from '../../store/types.js'
import { ApiError } from '../errors.js'
import { requireScope } from '../middleware/apiKeyAuth.js'
import { LIMIT_DEFAULT } from '../schemas/common.js'
import { MessageIdParams } from '../schemas/messages.js'
import {
  AuditLogPage,
  AuditLogQuery,
  BEARER_SCHEME,
  IdempotencyHeaders,
  RetryAccepted,
} from '../schemas/operator.js'
import { errorResponses } from '../schemas/responses.js'
import type { ApiApp, RelayerApiDeps } from '../types.js'

const RETRY = 'message.retry'

const retryRoute = createRoute({
  method: 'post',
  path: '/v1/messages/{id}/retry',
  tags: ['operator'],
  summary: 'Retry a Failed message now',
  description:
    'Makes a `failed` message due at once, a parked (`retries_exhausted`) one included: the relayer’s next retry pass retries it (or times it out past its deadline) as it retries any due message, with the retry policy’s gas. Needs an `operate` key; recorded in the audit log. 409 `not_retryable` when the message is not `failed`.',
  security: [{ [BEARER_SCHEME]: [] }],
  request: { params: MessageIdParams, headers: IdempotencyHeaders },
  responses: {
    202: {
      description: 'Accepted: the message is due now.',
      content: { 'application/json': { schema: RetryAccepted } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const auditLogRoute = createRoute({
  method: 'get',
  path: '/v1/audit-log',
  tags: ['operator'],
  summary: 'Operator actions, newest first',
  security: [{ [BEARER_SCHEME]: [] }],
  request: { query: AuditLogQuery },
  responses: {
    200: {
      description: 'A page of audit entries.',
      content: { 'application/json': { schema: AuditLogPage } },
    },
    ...errorResponses(400, 401, 403),
  },
})

/**
 * `POST /v1/messages/{id}/retry` and `GET /v1/audit-log`, both for `operate` keys.
 *
 * @example
 * ```ts
 * registerOperatorRoutes(app, deps)
 * ```
 */
export function registerOperatorRoutes(app: ApiApp, { store }: RelayerApiDeps): void {
  app.openapi(retryRoute, async (c) => {
    const key = requireScope(c, 'operate')
    const { id } = c.req.valid('param')
    const idempotencyKey = c.req.valid('header')['idempotency-key']
    if (idempotencyKey !== undefined) {
      const seen = await store.findAuditByIdempotencyKey(key.id, idempotencyKey)
      if (seen) {
        if (seen.action !== RETRY || seen.target !== id)
          throw new ApiError({
            status: 409,
            code: 'invalid_parameter',
            message: `Idempotency-Key ${JSON.stringify(idempotencyKey)} was used for ${seen.action} of ${seen.target}.`,
            details: { reason: 'idempotency_key_reused' },
          })
        return c.json(retryAnswer(seen, true), 202)
      }
    }
    const message = await store.getMessage(id)
    if (!message)
      throw new ApiError({ status: 404, code: 'not_found', message: `No message ${id}.` })
    if (message.stage !== 'failed')
      throw new ApiError({
        status: 409,
        code: 'not_retryable',
        message: `Message ${id} is ${message.stage}, not failed: only a Failed message can be retried.`,
        details: { reason: message.stage },
      })
    // The relayer's own retry path: a `failed` message whose next attempt is due (null: now)
    // is claimed by the next retry pass (`claimFailed` → `retryOrTimeout`).
    await store.updateMessages([
      {
        id,
        stage: 'failed',
        reason: 'retry_scheduled',
        detail: `retry requested by API key "${key.name}"`,
        nextAttemptAt: null,
      },
    ])
    const entry = await store.recordAudit({
      keyId: key.id,
      keyName: key.name,
      action: RETRY,
      target: id,
      request: { method: 'POST', path: c.req.path, previousReason: message.reason },
      idempotencyKey,
    })
    return c.json(retryAnswer(entry, false), 202)
  })

  app.openapi(auditLogRoute, async (c) => {
    requireScope(c, 'operate')
    const { limit = LIMIT_DEFAULT, before } = c.req.valid('query')
    const rows = await store.listAuditLog({ limit: limit + 1, before })
    const items = rows.slice(0, limit)
    return c.json(
      {
        items: items.map((entry) => ({
          id: entry.id,
          keyId: entry.keyId,
          keyName: entry.keyName,
          action: entry.action,
          target: entry.target,
          request: entry.request,
          at: entry.at.toISOString(),
        })),
        nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
      },
      200,
    )
  })
}

function retryAnswer(entry: AuditEntry, replayed: boolean) {
  return {
    auditId: entry.id,
    action: entry.action,
    target: entry.target,
    messageId: entry.target,
    at: entry.at.toISOString(),
    replayed,
  }
}

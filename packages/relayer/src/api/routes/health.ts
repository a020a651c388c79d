import { createRoute } from '@hono/zod-openapi'
import { Health, Readiness } from '../schemas/health.js'
import type { ApiApp, RelayerApiDeps } from '../types.js'

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'The process is up',
  responses: {
    200: { description: 'Up.', content: { 'application/json': { schema: Health } } },
  },
})

const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['health'],
  summary: 'The store answers and every chain answered recently',
  responses: {
    200: { description: 'Ready.', content: { 'application/json': { schema: Readiness } } },
    503: {
      description: 'Not ready; the body says what is not.',
      content: { 'application/json': { schema: Readiness } },
    },
  },
})

/**
 * `GET /healthz` (liveness) and `GET /readyz` (readiness). Neither is rate limited: probes poll.
 *
 * @example
 * ```ts
 * registerHealthRoutes(app, deps)
 * ```
 */
export function registerHealthRoutes(app: ApiApp, { store, chains }: RelayerApiDeps): void {
  app.openapi(healthRoute, (c) => c.json({ ok: true as const }, 200))

  app.openapi(readyRoute, async (c) => {
    const storeCheck = await store.ping().then(
      () => ({ ok: true, error: null }),
      (error: unknown) => ({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    const now = new Date()
    const chainChecks = chains.snapshot().map((health) => ({
      domain: health.domain,
      ok: chains.isHealthy(health, now),
      answeredAt: health.answeredAt?.toISOString() ?? null,
      error: health.error ?? (health.answeredAt ? null : 'not answered yet'),
    }))
    const ready = storeCheck.ok && chainChecks.every((check) => check.ok)
    return c.json({ ready, store: storeCheck, chains: chainChecks }, ready ? 200 : 503)
  })
}

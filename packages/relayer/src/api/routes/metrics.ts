import { createRoute, z } from '@hono/zod-openapi'
import type { ApiApp, RelayerApiDeps } from '../types.js'

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['health'],
  summary: 'Prometheus metrics (text exposition format)',
  responses: {
    200: { description: 'Every metric.', content: { 'text/plain': { schema: z.string() } } },
  },
})

/**
 * `GET /metrics`: the relayer's Prometheus metrics. Not rate limited: Prometheus scrapes it.
 *
 * @example
 * ```ts
 * registerMetricsRoute(app, deps)
 * ```
 */
export function registerMetricsRoute(app: ApiApp, { metrics }: RelayerApiDeps): void {
  app.openapi(metricsRoute, async (c) => {
    const text = await metrics.text()
    return c.text(text, 200, { 'Content-Type': metrics.registry.contentType })
  })
}

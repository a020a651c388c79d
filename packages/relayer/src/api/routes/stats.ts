import { createRoute, z } from '@hono/zod-openapi'
import { STAGES } from '../schemas/common.js'
import { errorResponses } from '../schemas/responses.js'
import type { ApiApp, RelayerApiDeps } from '../types.js'

const count = z.number().int().min(0)

/** `GET /v1/stats`: how many messages the store holds in each stage, and in all. */
export const MessageStats = z
  .object({
    stages: z.object(
      // CAST: one count per stage name, the keys of STAGES.
      Object.fromEntries(STAGES.map((stage) => [stage, count])) as Record<
        (typeof STAGES)[number],
        typeof count
      >,
    ),
    total: count,
  })
  .openapi('MessageStats')

const statsRoute = createRoute({
  method: 'get',
  path: '/v1/stats',
  tags: ['messages'],
  summary: 'How many messages are in each stage',
  responses: {
    200: {
      description: 'Counts by stage (the same the `ferry_messages{stage}` metric reads).',
      content: { 'application/json': { schema: MessageStats } },
    },
    ...errorResponses(),
  },
})

/**
 * `GET /v1/stats`: messages by stage, from the store (the explorer's counts by status).
 *
 * @example
 * ```ts
 * registerStatsRoute(app, deps)
 * ```
 */
export function registerStatsRoute(app: ApiApp, { store }: RelayerApiDeps): void {
  app.openapi(statsRoute, async (c) => {
    const stages = await store.countByStage()
    const total = Object.values(stages).reduce((sum, n) => sum + n, 0)
    return c.json({ stages, total }, 200)
  })
}

import { createRoute } from '@hono/zod-openapi'
import { ChainList, ValidatorList } from '../schemas/health.js'
import { errorResponses } from '../schemas/responses.js'
import type { ApiApp, RelayerApiDeps } from '../types.js'

/** The indexer's cursor stream in the store (`createOriginIndexer`'s `STREAM`). */
const INDEXER_STREAM = 'relayer'

const chainsRoute = createRoute({
  method: 'get',
  path: '/v1/chains',
  tags: ['health'],
  summary: "Each chain's head, indexer lag, finality and signer balance",
  responses: {
    200: { description: 'Every chain.', content: { 'application/json': { schema: ChainList } } },
    ...errorResponses(),
  },
})

const validatorsRoute = createRoute({
  method: 'get',
  path: '/v1/validators',
  tags: ['health'],
  summary: "Per origin, each validator's latest signed checkpoint, or why it has none",
  responses: {
    200: {
      description: 'Every origin.',
      content: { 'application/json': { schema: ValidatorList } },
    },
    ...errorResponses(),
  },
})

/**
 * `GET /v1/chains` and `GET /v1/validators`.
 *
 * @example
 * ```ts
 * registerChainRoutes(app, deps)
 * ```
 */
export function registerChainRoutes(
  app: ApiApp,
  { store, chains, validators }: RelayerApiDeps,
): void {
  app.openapi(chainsRoute, async (c) => {
    const now = new Date()
    const items = await Promise.all(
      chains.snapshot().map(async (health) => {
        // Fresh from the store (cheap), so the lag shows the indexer's latest step.
        const indexed = (await store.getCursor(INDEXER_STREAM, health.domain))?.number
        const head = health.head
        const max = (value: bigint) => (value < 0n ? 0n : value)
        return {
          domain: health.domain,
          name: health.name ?? null,
          kind: health.kind,
          endpoint: health.endpoint,
          head: head
            ? {
                number: head.number.toString(),
                hash: head.hash,
                timestamp: head.timestamp.toString(),
              }
            : null,
          indexedBlock: indexed?.toString() ?? null,
          lag: head && indexed !== undefined ? max(head.number - indexed).toString() : null,
          finality: health.finality,
          finalizedBlock: health.finalBlock?.toString() ?? null,
          finalityLag:
            head && health.finalBlock !== undefined
              ? max(head.number - health.finalBlock).toString()
              : null,
          signerBalance: health.signerBalance?.toString() ?? null,
          checkedAt: health.checkedAt?.toISOString() ?? null,
          answeredAt: health.answeredAt?.toISOString() ?? null,
          healthy: chains.isHealthy(health, now),
          error: health.error ?? null,
        }
      }),
    )
    return c.json({ items }, 200)
  })

  app.openapi(validatorsRoute, async (c) => c.json({ items: await validators.probe() }, 200))
}

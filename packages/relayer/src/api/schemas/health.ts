import { z } from '@hono/zod-openapi'
import { Decimal, Domain, Timestamp } from './common.js'

/** A chain's finality rule (the config's `chains[].finality`). */
export const Finality = z
  .union([
    z.object({ confirmations: z.number().int().min(0) }),
    z.object({ tag: z.enum(['safe', 'finalized']) }),
  ])
  .openapi('Finality', {
    description:
      "When a block counts as final: `confirmations` blocks on top of it, or the node's own `safe` or `finalized` block.",
  })

/** One chain as `GET /v1/chains` shows it. */
export const Chain = z
  .object({
    domain: Domain,
    name: z.string().nullable(),
    kind: z.enum(['evm', 'cosmwasm']),
    endpoint: z.string(),
    head: z
      .object({ number: Decimal, hash: z.string(), timestamp: Decimal })
      .nullable()
      .openapi({ description: 'Latest block the monitor saw; null before it first answered.' }),
    indexedBlock: Decimal.nullable().openapi({ description: "The indexer's cursor." }),
    lag: Decimal.nullable().openapi({ description: 'head − indexedBlock, in blocks.' }),
    finality: Finality,
    finalizedBlock: Decimal.nullable().openapi({
      description:
        'Highest final block under `finality` (head − confirmations, or the tagged block), when the head was read.',
    }),
    finalityLag: Decimal.nullable().openapi({
      description: 'head − finalizedBlock, in blocks: how far finality trails the head.',
    }),
    signerBalance: Decimal.nullable().openapi({
      description: "The relayer signer's balance, in native base units.",
    }),
    checkedAt: Timestamp.nullable(),
    answeredAt: Timestamp.nullable().openapi({ description: 'Last time the chain answered.' }),
    healthy: z.boolean().openapi({ description: 'Answered within the staleness window.' }),
    error: z.string().nullable(),
  })
  .openapi('Chain')

/** `GET /v1/chains`. */
export const ChainList = z.object({ items: z.array(Chain) }).openapi('ChainList')

/** One origin's validators as `GET /v1/validators` shows them. */
export const ValidatorOrigin = z
  .object({
    origin: Domain,
    threshold: z.number().int().min(1),
    validators: z.array(
      z.object({
        url: z.string(),
        state: z.enum(['ok', 'no_checkpoint', 'unreachable', 'bad_response']),
        validator: z.string().nullable().openapi({ description: 'Address it signs with.' }),
        latestIndex: z.number().int().min(0).nullable(),
        root: z.string().nullable(),
        error: z.string().nullable(),
        checkedAt: Timestamp,
      }),
    ),
  })
  .openapi('ValidatorOrigin')

/** `GET /v1/validators`. */
export const ValidatorList = z.object({ items: z.array(ValidatorOrigin) }).openapi('ValidatorList')

/** `GET /healthz`. */
export const Health = z.object({ ok: z.literal(true) }).openapi('Health')

/** `GET /readyz`, 200 or 503. */
export const Readiness = z
  .object({
    ready: z.boolean(),
    store: z.object({ ok: z.boolean(), error: z.string().nullable() }),
    chains: z.array(
      z.object({
        domain: Domain,
        ok: z.boolean(),
        answeredAt: Timestamp.nullable(),
        error: z.string().nullable(),
      }),
    ),
  })
  .openapi('Readiness')

import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { SignedCheckpointRow } from '../../store/types.js'
import { CheckpointNotFinalError, EquivocationRefusedError } from '../errors.js'
import type { Validator } from './createValidator.js'

/** What a validator serves for one signed checkpoint; the relayer's checkpoint fetcher reads it. */
export type SignedCheckpointResponse = {
  validator: string
  checkpoint: { origin: number; originEndpoint: string; root: string; index: number }
  signature: string
}

const MAX_INDEX = 2 ** 32 - 1

/**
 * The validator's HTTP API: `GET /v1/checkpoints/latest`, `GET /v1/checkpoints/{index}` (signed
 * on demand once final, so a relayer can gather one index from every validator), and
 * `GET /healthz`, readable from any origin (CORS). Errors are JSON `{ error: { code, message } }` with a 4xx status.
 *
 * @example
 * serve({ fetch: createValidatorApp(validator).fetch, port: 9101, hostname: '127.0.0.1' })
 */
export function createValidatorApp(validator: Validator): Hono {
  const app = new Hono()
  // Signed checkpoints are public by design (anyone may relay with them): any page may read
  // them, so a dApp or the explorer can self-relay from a browser when no relayer API answers.
  app.use('*', cors({ origin: '*', allowMethods: ['GET', 'HEAD'] }))
  app.get('/healthz', (c) =>
    c.json({
      ok: true,
      validator: validator.address,
      origin: validator.domain,
      finalLeaves: validator.finalCount,
    }),
  )
  app.get('/v1/checkpoints/latest', async (c) => {
    const latest = await validator.getLatest()
    if (!latest)
      return c.json(errorBody('no_checkpoint', 'Nothing signed yet: no final message.'), 404)
    return c.json(toResponse(latest))
  })
  app.get('/v1/checkpoints/:index', async (c) => {
    const text = c.req.param('index')
    const index = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN
    if (!(index <= MAX_INDEX)) {
      return c.json(
        errorBody(
          'invalid_index',
          `Checkpoint index must be an integer in [0, ${MAX_INDEX}], got "${text}".`,
        ),
        400,
      )
    }
    try {
      return c.json(toResponse(await validator.getCheckpoint(index)))
    } catch (error) {
      if (error instanceof CheckpointNotFinalError)
        return c.json(errorBody('not_final', error.shortMessage), 404)
      if (error instanceof EquivocationRefusedError)
        return c.json(errorBody('equivocation_refused', error.shortMessage), 409)
      throw error
    }
  })
  app.notFound((c) =>
    c.json(errorBody('not_found', `No route ${c.req.method} ${c.req.path}.`), 404),
  )
  app.onError((_error, c) =>
    c.json(errorBody('internal', 'Internal error; see the validator log.'), 500),
  )
  return app
}

function toResponse(row: SignedCheckpointRow): SignedCheckpointResponse {
  return {
    validator: row.validator,
    checkpoint: {
      origin: row.origin,
      originEndpoint: row.originEndpoint,
      root: row.root,
      index: row.index,
    },
    signature: row.signature,
  }
}

function errorBody(code: string, message: string) {
  return { error: { code, message } }
}

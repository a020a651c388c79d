import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { A, B, createTestApi, get, type TestApi, word } from './test/fixtures.js'

let api: TestApi
let validatorServer: ReturnType<typeof serve>
let validatorUrl: string

beforeAll(async () => {
  // One validator that has signed, one that has not, one that is not there.
  const validator = new Hono()
  validator.get('/signed/v1/checkpoints/latest', (c) =>
    c.json({
      validator: word(7, 'a'),
      checkpoint: { origin: A, originEndpoint: word(A, 'e'), root: word(1, 'r'), index: 41 },
      signature: '0x01',
    }),
  )
  validator.get('/empty/v1/checkpoints/latest', (c) =>
    c.json({ error: { code: 'no_checkpoint', message: 'none' } }, 404),
  )
  await new Promise<void>((resolve) => {
    validatorServer = serve(
      { fetch: validator.fetch, hostname: '127.0.0.1', port: 0 },
      (info: AddressInfo) => {
        validatorUrl = `http://127.0.0.1:${info.port}`
        resolve()
      },
    )
  })
  api = await createTestApi({
    validators: new Map([
      [A, { urls: [`${validatorUrl}/signed`, `${validatorUrl}/empty`], threshold: 2 }],
      [B, { urls: ['http://127.0.0.1:1'], threshold: 1, timeoutMs: 500 }],
    ]),
  })
  await api.store.setCursor('relayer', { domain: A, number: 100n, hash: word(100, 'h') })
}, 60_000)
afterAll(async () => {
  await api.close()
  await new Promise((resolve) => validatorServer.close(resolve))
})

describe('health', () => {
  test('/healthz says the process is up', async () => {
    expect(await get(api.app, '/healthz')).toMatchObject({ status: 200, body: { ok: true } })
  })

  test('/v1/chains shows head, indexer lag, finality and balance', async () => {
    const { status, body } = await get(api.app, '/v1/chains')
    expect(status).toBe(200)
    expect(body.items[0]).toMatchObject({
      domain: A,
      name: `chain-${A}`,
      kind: 'evm',
      head: { number: '120', hash: word(120, 'h'), timestamp: '1700000000' },
      indexedBlock: '100',
      lag: '20',
      finality: { confirmations: 2 },
      finalizedBlock: '118',
      finalityLag: '2',
      signerBalance: (10n ** 18n).toString(),
      healthy: true,
      error: null,
    })
    expect(body.items[1]).toMatchObject({ domain: B, indexedBlock: null, lag: null })
  })

  test("/v1/validators shows each validator's latest checkpoint or why there is none", async () => {
    const { status, body } = await get(api.app, '/v1/validators')
    expect(status).toBe(200)
    expect(body.items).toEqual([
      {
        origin: A,
        threshold: 2,
        validators: [
          expect.objectContaining({
            url: `${validatorUrl}/signed`,
            state: 'ok',
            validator: word(7, 'a'),
            latestIndex: 41,
            root: word(1, 'r'),
            error: null,
          }),
          expect.objectContaining({
            url: `${validatorUrl}/empty`,
            state: 'no_checkpoint',
            latestIndex: null,
          }),
        ],
      },
      {
        origin: B,
        threshold: 1,
        validators: [expect.objectContaining({ state: 'unreachable', error: expect.any(String) })],
      },
    ])
  })

  test('/readyz is ready while the store and every chain answer; a failing chain shows its error and turns unhealthy once stale', async () => {
    expect(await get(api.app, '/readyz')).toMatchObject({
      status: 200,
      body: { ready: true, store: { ok: true, error: null } },
    })
    const chain = api.chains[1]!
    chain.state.fail = true
    // The failing chain keeps its last answer for a while (it is stale only after staleAfterMs).
    await api.monitor.check()
    const stillFresh = await get(api.app, '/v1/chains')
    expect(stillFresh.body.items[1]).toMatchObject({ healthy: true, error: 'connection refused' })
    const health = api.monitor.snapshot()[1]!
    expect(api.monitor.isHealthy(health, new Date(Date.now() + 60_000))).toBe(false)
    chain.state.fail = false
  })

  test('/readyz answers 503 when the store is gone', async () => {
    const broken = await createTestApi()
    await broken.close()
    const { status, body } = await get(broken.app, '/readyz')
    expect(status).toBe(503)
    expect(body).toMatchObject({ ready: false, store: { ok: false } })
  })
})

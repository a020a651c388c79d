import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { generateApiKey, hashApiKey } from './auth/apiKeyText.js'
import { A, B, createTestApi, sent, type TestApi } from './test/fixtures.js'

let api: TestApi
let open: TestApi
const keys = { operate: generateApiKey(), read: generateApiKey(), revoked: generateApiKey() }
const failed = sent({ nonce: 1n, leafIndex: 0 })
const ready = sent({ nonce: 2n, leafIndex: 1 })
const parkedUntil = new Date(Date.UTC(2030, 0, 1))

beforeAll(async () => {
  api = await createTestApi({ requireKeyForReads: true })
  open = await createTestApi()
  for (const store of [api.store, open.store]) {
    await store.createApiKey({ name: 'ops', scope: 'operate', keyHash: hashApiKey(keys.operate) })
    await store.createApiKey({ name: 'ci', scope: 'read', keyHash: hashApiKey(keys.read) })
    await store.createApiKey({ name: 'old', scope: 'operate', keyHash: hashApiKey(keys.revoked) })
    await store.revokeApiKey('old')
    await store.insertMessages([failed, ready])
    await store.finalizeMessages(A, 100n, new Date())
  }
}, 60_000)
afterAll(async () => {
  await Promise.all([api.close(), open.close()])
})

beforeEach(async () => {
  // Parked far in the future: only an operator's retry makes it due.
  await api.store.updateMessages([
    {
      id: failed.id,
      stage: 'failed',
      reason: 'retries_exhausted',
      status: MessageStatus.Failed,
      nextAttemptAt: parkedUntil,
      attempt: true,
    },
  ])
})

const request = (
  app: TestApi['app'],
  path: string,
  {
    key,
    method = 'POST',
    headers = {},
  }: {
    key?: string | undefined
    method?: string
    headers?: Record<string, string>
  } = {},
) =>
  app.request(path, {
    method,
    headers: { ...(key !== undefined && { Authorization: `Bearer ${key}` }), ...headers },
  })

type Answer = {
  auditId: number
  error: { code: string; message: string; details?: unknown }
  items: Record<string, unknown>[]
} & Record<string, unknown>
// CAST: each test asserts the parts of the answer it reads
const json = async (response: Response) => (await response.json()) as Answer

const retryPath = `/v1/messages/${failed.id}/retry`

/** Claims what the relayer's retry pass would claim now (store.claimFailed). */
const dueForRetry = async () =>
  (
    await api.store.claimFailed({
      origin: A,
      destination: B,
      owner: 'test',
      leaseUntil: new Date(Date.now() + 1_000),
      now: new Date(),
      limit: 10,
    })
  ).map((message) => message.id)

describe('API keys on write routes', () => {
  const wrongLength = `ferry_${'A'.repeat(43)}`
  test.each([
    ['no key', undefined, 401, 'unauthorized', /needs an API key with the (read|operate) scope/],
    ['a malformed key', 'not-a-key', 401, 'unauthorized', /Malformed Authorization/],
    ['a key one character short', keys.operate.slice(0, -1), 401, 'unauthorized', /Malformed/],
    ['an unknown key of the right shape', wrongLength, 401, 'unauthorized', /Unknown API key/],
    ['a revoked key', keys.revoked, 401, 'unauthorized', /"old" is revoked/],
    ['a read key', keys.read, 403, 'forbidden', /"ci" has the read scope; this needs operate/],
  ])('%s is refused, structured, nothing done', async (_, key, status, code, message) => {
    for (const path of [retryPath, '/v1/audit-log']) {
      const response = await request(api.app, path, {
        key,
        method: path === retryPath ? 'POST' : 'GET',
      })
      expect(response.status).toBe(status)
      const body = await json(response)
      expect(body).toEqual({ error: { code, message: expect.stringMatching(message) } })
      if (status === 401) expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/)
    }
    expect(await dueForRetry()).toEqual([])
    expect((await api.store.getMessage(failed.id))?.reason).toBe('retries_exhausted')
  })

  test('reads stay open by default, and need a key with requireKeyForReads', async () => {
    expect((await request(open.app, '/v1/messages', { method: 'GET' })).status).toBe(200)
    expect((await request(api.app, '/v1/messages', { method: 'GET' })).status).toBe(401)
    expect((await request(api.app, '/v1/messages', { method: 'GET', key: keys.read })).status).toBe(
      200,
    )
    // A bad key is refused even where none is needed: its sender should know.
    expect(
      (await request(open.app, '/v1/messages', { method: 'GET', key: keys.revoked })).status,
    ).toBe(401)
    // Writes need operate whatever requireKeyForReads says.
    expect((await request(open.app, `/v1/messages/${failed.id}/retry`)).status).toBe(401)
  })
})

describe('POST /v1/messages/{id}/retry', () => {
  test('makes a parked Failed message due now through the retry pass, and audits it', async () => {
    expect(await dueForRetry()).toEqual([])
    const response = await request(api.app, retryPath, { key: keys.operate })
    expect(response.status).toBe(202)
    const body = await json(response)
    expect(body).toMatchObject({ action: 'message.retry', messageId: failed.id, replayed: false })
    const message = await api.store.getMessage(failed.id)
    expect(message).toMatchObject({
      stage: 'failed',
      reason: 'retry_scheduled',
      nextAttemptAt: null,
    })
    expect(await dueForRetry()).toEqual([failed.id])
    await api.store.releaseLeases('test')

    const log = await json(
      await request(api.app, '/v1/audit-log', { key: keys.operate, method: 'GET' }),
    )
    expect(log.items[0]).toMatchObject({
      id: body.auditId,
      keyName: 'ops',
      action: 'message.retry',
      target: failed.id,
      request: { method: 'POST', path: retryPath, previousReason: 'retries_exhausted' },
    })
  })

  test('the same Idempotency-Key answers the same and acts once', async () => {
    const headers = { 'Idempotency-Key': 'retry-once-1' }
    const first = await request(api.app, retryPath, { key: keys.operate, headers })
    const firstBody = await json(first)
    await api.store.updateMessages([
      { id: failed.id, stage: 'failed', reason: 'retries_exhausted', nextAttemptAt: parkedUntil },
    ])
    const second = await request(api.app, retryPath, { key: keys.operate, headers })
    expect(second.status).toBe(202)
    expect(await json(second)).toEqual({ ...firstBody, replayed: true })
    // No second action: the message stays parked, one audit entry.
    expect((await api.store.getMessage(failed.id))?.reason).toBe('retries_exhausted')
    const entries = await api.store.listAuditLog({ limit: 100 })
    expect(entries.filter((entry) => entry.idempotencyKey === 'retry-once-1')).toHaveLength(1)
    const other = await request(api.app, `/v1/messages/${ready.id}/retry`, {
      key: keys.operate,
      headers,
    })
    expect(other.status).toBe(409)
    expect((await json(other)).error.details).toEqual({ reason: 'idempotency_key_reused' })
  })

  test('refuses a message that is not failed (409) or unknown (404)', async () => {
    const notFailed = await request(api.app, `/v1/messages/${ready.id}/retry`, {
      key: keys.operate,
    })
    expect(notFailed.status).toBe(409)
    expect((await json(notFailed)).error).toMatchObject({
      code: 'not_retryable',
      details: { reason: 'ready' },
    })
    const unknown = await request(api.app, `/v1/messages/0x${'ab'.repeat(32)}/retry`, {
      key: keys.operate,
    })
    expect(unknown.status).toBe(404)
  })
})

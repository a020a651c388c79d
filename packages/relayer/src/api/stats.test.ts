// `GET /v1/stats`: the store's messages counted by stage, every stage named, and their total.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { A, B, createTestApi, get, sent, type TestApi } from './test/fixtures.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
}, 60_000)
afterAll(async () => {
  await api?.close()
})

test('counts every stage, zero included, and the total', async () => {
  const empty = await get(api.app, '/v1/stats')
  expect(empty.status).toBe(200)
  expect(empty.body).toEqual({
    stages: { pending: 0, ready: 0, submitted: 0, failed: 0, done: 0, orphaned: 0 },
    total: 0,
  })
})

test('counts what the store holds: pending until final, then ready', async () => {
  const at = new Date(Date.UTC(2026, 0, 1))
  await api.store.insertMessages([
    sent({ nonce: 1n, leafIndex: 0, sentAt: at }),
    sent({ nonce: 2n, leafIndex: 1, sentAt: at }),
    sent({ nonce: 1n, leafIndex: 0, origin: B, destination: A, sentAt: at }),
  ])
  const before = await get(api.app, '/v1/stats')
  expect(before.body).toEqual({
    stages: { pending: 3, ready: 0, submitted: 0, failed: 0, done: 0, orphaned: 0 },
    total: 3,
  })
  await api.store.finalizeMessages(A, 100n, at)
  const after = await get(api.app, '/v1/stats')
  expect(after.body.stages).toMatchObject({ pending: 1, ready: 2 })
  expect(after.body.total).toBe(3)
})

// CORS on the API: only the configured page origins may read it from a browser, reads only,
// with `Last-Event-ID` allowed for the event stream; without an allow-list, no CORS header at all.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestApi, type TestApi } from './test/fixtures.js'

const EXPLORER = 'http://127.0.0.1:5173'
let api: TestApi
let closed: TestApi

beforeAll(async () => {
  api = await createTestApi({ corsOrigins: [EXPLORER] })
  closed = await createTestApi()
}, 60_000)
afterAll(async () => {
  await api?.close()
  await closed?.close()
})

describe('CORS', () => {
  test('an allowed origin may read, and is told so by name', async () => {
    const response = await api.app.request('/v1/messages', { headers: { origin: EXPLORER } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe(EXPLORER)
  })

  test('another origin gets no CORS header (the browser refuses it the answer)', async () => {
    const response = await api.app.request('/v1/messages', {
      headers: { origin: 'https://evil.example' },
    })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('a preflight for the event stream allows GET and Last-Event-ID, not POST', async () => {
    const response = await api.app.request('/v1/events', {
      method: 'OPTIONS',
      headers: {
        origin: EXPLORER,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'last-event-id',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(EXPLORER)
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,HEAD')
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'last-event-id',
    )
  })

  test('without an allow-list the API sends no CORS header', async () => {
    const response = await closed.app.request('/v1/messages', { headers: { origin: EXPLORER } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listen } from '../service/listen.js'
import { createRateLimiter } from './middleware/createRateLimiter.js'
import { createTestApi, get, type TestApi, word } from './test/fixtures.js'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
}, 60_000)
afterAll(async () => {
  await api.close()
})

const id = word(1)
const invalid = (code: string) => ({
  status: 400,
  body: { error: { code, message: expect.any(String) } },
})

describe('bad input answers 400 with a structured error, never 5xx', () => {
  test.each([
    ['/v1/messages/0x1234', 'invalid_parameter'],
    [`/v1/messages/${id}00`, 'invalid_parameter'],
    [`/v1/messages/${id.replace('0x', '0X')}`, 'invalid_parameter'],
    ['/v1/messages/%zz', 'invalid_parameter'],
    ['/v1/messages?limit=0', 'invalid_parameter'],
    ['/v1/messages?limit=201', 'invalid_parameter'],
    ['/v1/messages?limit=-1', 'invalid_parameter'],
    ['/v1/messages?limit=1.5', 'invalid_parameter'],
    ['/v1/messages?limit=1e2', 'invalid_parameter'],
    ['/v1/messages?limit=', 'invalid_parameter'],
    ['/v1/messages?limit=99999999999', 'invalid_parameter'],
    ['/v1/messages?limit=1&limit=2', 'invalid_parameter'],
    ['/v1/messages?origin=4294967296', 'invalid_parameter'],
    ['/v1/messages?origin=abc', 'invalid_parameter'],
    ['/v1/messages?stage=lost', 'invalid_parameter'],
    ['/v1/messages?status=2', 'invalid_parameter'],
    ['/v1/messages?sender=0x1234', 'invalid_parameter'],
    ["/v1/messages?channel=' OR 1=1 --", 'invalid_parameter'],
    ['/v1/messages?originTxHash=0xzz', 'invalid_parameter'],
    ['/v1/messages?unknown=1', 'invalid_parameter'],
    ['/v1/messages?cursor=not-a-cursor!', 'invalid_cursor'],
    ['/v1/messages?cursor=eyJrIjoibSJ9', 'invalid_cursor'],
    [
      `/v1/messages?cursor=${Buffer.from('{"k":"m","t":-1,"id":"0x00"}').toString('base64url')}`,
      'invalid_cursor',
    ],
    [`/v1/messages?cursor=${'A'.repeat(600)}`, 'invalid_cursor'],
    ['/v1/channels/0x12', 'invalid_parameter'],
    ['/v1/channels?destination=-5', 'invalid_parameter'],
    ['/v1/channels?cursor=%00', 'invalid_cursor'],
    ['/v1/events?messageId=0x12', 'invalid_parameter'],
  ])('GET %s', async (path, code) => {
    const response = await get(api.app, path)
    expect(response).toMatchObject(invalid(code))
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  })

  test('details name each problem without echoing the value', async () => {
    const { body } = await get(api.app, '/v1/messages?limit=0&origin=x&secret=1')
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { in: 'query', name: 'limit', message: expect.any(String) },
        { in: 'query', name: 'origin', message: expect.any(String) },
        { in: 'query', name: 'secret', message: 'unknown query parameter' },
      ]),
    )
  })
})

describe('routes and methods', () => {
  test('an unknown route is a JSON 404', async () => {
    for (const path of ['/', '/v2/messages', '/v1/messages/1/2', '/v1/nope'])
      expect(await get(api.app, path)).toMatchObject({
        status: 404,
        body: { error: { code: 'route_not_found' } },
      })
  })

  test('a known route with another method is a 405 naming the allowed ones', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const response = await get(api.app, `/v1/messages/${id}`, { method })
      expect(response).toMatchObject({
        status: 405,
        body: { error: { code: 'method_not_allowed' } },
      })
      expect(response.headers.get('allow')).toBe('GET, HEAD')
    }
  })
})

describe('limits', () => {
  test('a request body over the limit is 413, declared or streamed', async () => {
    const big = 'x'.repeat(17 * 1024)
    const declared = await get(api.app, '/v1/messages', {
      method: 'POST',
      body: big,
      headers: { 'content-length': String(big.length) },
    })
    expect(declared).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } })
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(1024)))
        controller.close()
      },
    })
    // CAST: `duplex` (required for a streamed body) is missing from the DOM RequestInit type
    const streamed = await get(api.app, '/v1/messages', {
      method: 'POST',
      body: chunks,
      duplex: 'half',
    } as RequestInit)
    expect(streamed).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } })
  })

  test('over a real socket too: a GET with a large body is 413', async () => {
    const served = await listen(api.app, { host: '127.0.0.1', port: 0 })
    try {
      const response = await fetch(`${served.url}/v1/messages`, {
        method: 'POST',
        body: 'z'.repeat(20_000),
      })
      expect(response.status).toBe(413)
      // Node's fetch refuses a GET body, so the raw request goes over a socket.
      const { request } = await import('node:http')
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(
          `${served.url}/v1/messages`,
          { method: 'GET', headers: { 'content-length': '20000' } },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        req.end('q'.repeat(20_000))
      })
      expect(status).toBe(413)
    } finally {
      await served.close()
    }
  })

  test('a client over its rate is 429 with Retry-After; health probes are not limited', async () => {
    const limited = await createTestApi({ rateLimit: { requestsPerSecond: 1, burst: 3 } })
    try {
      const statuses: number[] = []
      let retryAfter: string | null = null
      for (let i = 0; i < 5; i++) {
        const response = await get(limited.app, '/v1/messages')
        statuses.push(response.status)
        if (response.status === 429) {
          retryAfter = response.headers.get('retry-after')
          expect(response.body.error.code).toBe('rate_limited')
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429])
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
      expect((await get(limited.app, '/healthz')).status).toBe(200)
      expect((await get(limited.app, '/metrics')).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})

describe('createRateLimiter', () => {
  test('refills at the configured rate and keeps clients apart', () => {
    let now = 0
    const limiter = createRateLimiter({ requestsPerSecond: 2, burst: 2, now: () => now })
    expect(limiter.take('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 })
    expect(limiter.take('b')).toEqual({ ok: true })
    now = 500
    expect(limiter.take('a')).toEqual({ ok: true })
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 })
  })

  test('tracks a bounded number of clients', () => {
    const limiter = createRateLimiter({ requestsPerSecond: 1, burst: 1, maxClients: 3 })
    for (let i = 0; i < 100; i++) limiter.take(`client-${i}`)
    expect(limiter.size).toBe(3)
  })
})

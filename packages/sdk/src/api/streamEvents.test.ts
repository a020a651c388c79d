import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, test } from 'vitest'
import { ApiRequestError } from '../errors/ApiRequestError.js'
import { type ApiLifecycleEvent, streamEvents } from './streamEvents.js'

/** A lifecycle event as the API writes it, numbered `seq`. */
const event = (seq: number) => ({
  seq,
  type: 'message.updated',
  messageId: `0x${'11'.repeat(32)}`,
  stage: 'ready',
  reason: 'waiting_signatures',
  origin: 1,
  destination: 2,
})
const frame = (seq: number) => `id: ${seq}\ndata: ${JSON.stringify(event(seq))}\n\n`

type Connection = { lastEventId: string | undefined; at: number }
type Handler = (res: ServerResponse, n: number) => void

/**
 * An API that answers its `n`th `GET /v1/events` (from 0) with `handlers[n]`, the last one for
 * every later connection, and records each connection's `Last-Event-ID` and arrival time.
 */
async function serveEvents(handlers: Handler[]) {
  const connections: Connection[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers['last-event-id']
    connections.push({
      lastEventId: typeof header === 'string' ? header : undefined,
      at: Date.now(),
    })
    const n = connections.length - 1
    const handler = handlers[Math.min(n, handlers.length - 1)]
    handler?.(res, n)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo // CAST: listening on TCP, not a pipe
  servers.push(server)
  return { client: { apiUrl: `http://127.0.0.1:${port}`, fetch: globalThis.fetch }, connections }
}
const servers: ReturnType<typeof createServer>[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

const open = (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
/** Writes `seqs`, then cuts the connection mid-stream (no clean end). */
const sendThenCut =
  (...seqs: number[]): Handler =>
  (res) => {
    open(res)
    res.write(seqs.map(frame).join(''), () => setTimeout(() => res.destroy(), 20))
  }
/** Writes `seqs` and keeps the stream open. */
const sendAndHold =
  (...seqs: number[]): Handler =>
  (res) => {
    open(res)
    res.write(seqs.map(frame).join(''))
  }
const unavailable: Handler = (res) => {
  res.writeHead(503, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ error: { code: 'unavailable', message: 'restarting' } }))
}

async function take(stream: AsyncGenerator<ApiLifecycleEvent>, count: number) {
  const seqs: number[] = []
  for await (const { seq } of stream) {
    seqs.push(seq)
    if (seqs.length === count) break
  }
  return seqs
}

test('after a cut it reconnects with Last-Event-ID and yields no event twice', async () => {
  // The second connection replays 2, which was already yielded before the cut.
  const { client, connections } = await serveEvents([sendThenCut(1, 2), sendAndHold(2, 3)])
  const seqs = await take(streamEvents(client, { reconnectDelayMs: 10 }), 3)
  expect(seqs).toEqual([1, 2, 3])
  expect(connections.map((c) => c.lastEventId)).toEqual([undefined, '2'])
})

test('resumes from the caller’s lastEventId on its first connection', async () => {
  const { client, connections } = await serveEvents([sendAndHold(5, 6, 7)])
  // 5 is at or below what the caller had: skipped.
  expect(await take(streamEvents(client, { lastEventId: '5' }), 2)).toEqual([6, 7])
  expect(connections[0]?.lastEventId).toBe('5')
})

test('backs off, doubling, between failed reconnections, then gives up', async () => {
  const { client, connections } = await serveEvents([sendThenCut(1), unavailable])
  const seqs: number[] = []
  const error = await (async () => {
    for await (const { seq } of streamEvents(client, { reconnectDelayMs: 60, maxReconnects: 3 }))
      seqs.push(seq)
  })().catch((e: unknown) => e)
  expect(seqs).toEqual([1])
  expect(error).toBeInstanceOf(ApiRequestError)
  expect(error).toMatchObject({ reason: 'bad_answer', status: 503, retryable: true })
  // The cut, then three failed reconnections, each asked from the last event; the fourth
  // failure is one too many.
  expect(connections.map((c) => c.lastEventId)).toEqual([undefined, '1', '1', '1'])
  const gaps = connections.slice(1).map((c, i) => c.at - (connections[i]?.at ?? 0))
  // 60, 120, 240 ms, less timer slack; each wait longer than the one before.
  expect(gaps[0]).toBeGreaterThanOrEqual(50)
  expect(gaps[1]).toBeGreaterThanOrEqual(110)
  expect(gaps[2]).toBeGreaterThanOrEqual(230)
  expect(gaps[1]! > gaps[0]! && gaps[2]! > gaps[1]!).toBe(true)
})

test('a first connection that fails throws at once: the caller falls back to the chains', async () => {
  const { client, connections } = await serveEvents([unavailable])
  await expect(take(streamEvents(client, { reconnectDelayMs: 10 }), 1)).rejects.toMatchObject({
    name: 'ApiRequestError',
    reason: 'bad_answer',
    status: 503,
  })
  expect(connections).toHaveLength(1)
})

test('no API is no_api; an aborted stream rejects with the signal’s reason', async () => {
  await expect(
    take(streamEvents({ apiUrl: undefined, fetch: globalThis.fetch }), 1),
  ).rejects.toMatchObject({ name: 'ApiRequestError', reason: 'no_api', retryable: false })
  const { client } = await serveEvents([sendAndHold(1)])
  const control = new AbortController()
  const stream = streamEvents(client, { signal: control.signal })
  expect((await stream.next()).value).toMatchObject({ seq: 1 })
  const next = stream.next()
  const reason = new Error('user left')
  control.abort(reason)
  await expect(next).rejects.toBe(reason)
})

import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Listening, listen } from '../service/listen.js'
import { createTestApi, sent, type TestApi, waitFor, word } from './test/fixtures.js'
import { readEvents } from './test/readEvents.js'

let api: TestApi
let served: Listening
beforeAll(async () => {
  api = await createTestApi({ heartbeatMs: 200 })
  served = await listen(api.app, { host: '127.0.0.1', port: 0 })
}, 60_000)
afterAll(async () => {
  api.shutdown.abort()
  await served.close()
  await api.close()
})

describe('GET /v1/events (SSE)', () => {
  test('streams lifecycle events from the observed store, filtered, with ids and heartbeats', async () => {
    const [m1, m2] = [
      sent({ nonce: 1n, leafIndex: 0 }),
      sent({ nonce: 1n, leafIndex: 1, sender: word(2) }),
    ]
    const all = readEvents(await fetch(`${served.url}/v1/events`))
    const one = readEvents(await fetch(`${served.url}/v1/events?messageId=${m1!.id}`))
    const channel = readEvents(await fetch(`${served.url}/v1/events?channel=${m2!.channel}`))
    await waitFor('three subscribers', async () => api.bus.listenerCount === 4) // + metrics

    await api.store.insertMessages([m1!, m2!])
    await api.store.finalizeMessages(m1!.origin, 100n, new Date())
    await api.store.updateMessages([
      {
        id: m1!.id,
        stage: 'done',
        reason: 'delivered',
        status: MessageStatus.Executed,
        transactionHash: word(1, 'd'),
        attempt: true,
      },
    ])

    const delivered = await one.next((e) => e.event === 'delivered')
    expect(JSON.parse(delivered.data)).toMatchObject({
      type: 'delivered',
      messageId: m1!.id,
      status: 'executed',
      transactionHash: word(1, 'd'),
    })
    expect(delivered.id).toBe(String(JSON.parse(delivered.data).seq))
    await all.next((e) => e.event === 'delivered')
    expect(all.events.map((e) => e.event)).toEqual([
      'indexed',
      'indexed',
      'finalized',
      'finalized',
      'delivered',
    ])
    expect(one.events.map((e) => e.event)).toEqual(['indexed', 'finalized', 'delivered'])
    await channel.next((e) => e.event === 'finalized')
    expect(channel.events.map((e) => JSON.parse(e.data).messageId)).toEqual([m2!.id, m2!.id])

    await waitFor('a heartbeat', async () => all.comments.includes('heartbeat'), 5_000)
    await Promise.all([all.cancel(), one.cancel(), channel.cancel()])
    // Disconnected clients leave the bus.
    await waitFor('listeners released', async () => api.bus.listenerCount === 1, 5_000)
  })

  test('Last-Event-ID replays what a reconnecting client missed', async () => {
    const m = sent({ nonce: 1n, leafIndex: 9, sender: word(9) })
    await api.store.insertMessages([m])
    const first = readEvents(
      await fetch(`${served.url}/v1/events?messageId=${m.id}`, {
        headers: { 'last-event-id': '0' },
      }),
    )
    const indexed = await first.next((e) => e.event === 'indexed')
    await first.cancel()
    await api.store.finalizeMessages(m.origin, 100n, new Date())
    const again = readEvents(
      await fetch(`${served.url}/v1/events?messageId=${m.id}`, {
        headers: { 'last-event-id': indexed.id ?? '' },
      }),
    )
    await again.next((e) => e.event === 'finalized')
    expect(again.events.map((e) => e.event)).toEqual(['finalized'])
    await again.cancel()
  })

  test('a client that falls too far behind is cut off and released', async () => {
    const slow = await createTestApi({ maxStreamBacklog: 5 })
    const server = await listen(slow.app, { host: '127.0.0.1', port: 0 })
    try {
      const response = await fetch(`${server.url}/v1/events`)
      // Never read: its backlog fills, and the server drops it.
      await waitFor('subscribed', async () => slow.bus.listenerCount === 2)
      await slow.store.insertMessages(
        Array.from({ length: 50 }, (_, i) => sent({ nonce: BigInt(i + 1), leafIndex: i })),
      )
      await waitFor('cut off', async () => slow.bus.listenerCount === 1, 5_000)
      await response.body?.cancel()
    } finally {
      await server.close()
      await slow.close()
    }
  })

  test('HEAD answers at once and holds no listener', async () => {
    const response = await fetch(`${served.url}/v1/events`, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(api.bus.listenerCount).toBe(1)
  })

  test('shutdown ends open streams', async () => {
    const closing = await createTestApi()
    const server = await listen(closing.app, { host: '127.0.0.1', port: 0 })
    const stream = readEvents(await fetch(`${server.url}/v1/events`))
    await waitFor('subscribed', async () => closing.bus.listenerCount === 2)
    closing.shutdown.abort()
    await stream.done
    expect(stream.ended).toBe(true)
    await server.close()
    expect(closing.bus.listenerCount).toBe(1)
    await closing.close()
  })
})

import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  A,
  ackOf,
  app20,
  B,
  b32,
  createTestApi,
  get,
  sent,
  type TestApi,
  word,
} from './test/fixtures.js'

let api: TestApi
const one = [1n, 2n, 3n, 4n].map((nonce, i) => sent({ nonce, leafIndex: i }))
const two = sent({ nonce: 1n, leafIndex: 0, origin: B, destination: A, sender: b32(app20(0xc1)) })
const ack = ackOf(one[0]!, { status: MessageStatus.Executed, nonce: 1n, leafIndex: 1 })

beforeAll(async () => {
  api = await createTestApi()
  await api.store.insertMessages([...one, two, ack])
  await api.store.finalizeMessages(A, 100n, new Date())
  const [m1, m2, m3] = one
  await api.store.updateMessages([
    {
      id: m1!.id,
      stage: 'done',
      reason: 'delivered',
      status: MessageStatus.Executed,
      transactionHash: word(1, 'd'),
      attempt: true,
    },
    {
      id: m2!.id,
      stage: 'failed',
      reason: 'retry_scheduled',
      status: MessageStatus.Failed,
      detail: 'handler failed; attempt 1',
      nextAttemptAt: new Date(Date.UTC(2030, 0, 1)),
      attempt: true,
    },
    { id: m3!.id, stage: 'ready', reason: 'underpaid', detail: 'paid 1, policy asks 2' },
  ])
}, 60_000)
afterAll(async () => {
  await api.close()
})

describe('GET /v1/channels', () => {
  test('lists every channel with its nonces and what blocks it', async () => {
    const { status, body } = await get(api.app, '/v1/channels')
    expect(status).toBe(200)
    expect(body.items).toHaveLength(3)
    const channel = body.items.find((c: { channel: string }) => c.channel === one[0]!.channel)
    expect(channel).toEqual({
      channel: one[0]!.channel,
      origin: A,
      destination: B,
      sender: one[0]!.sender,
      recipient: one[0]!.recipient,
      kind: 'message',
      highestSentNonce: '4',
      // A Failed message has a status: it no longer holds the channel (PROTOCOL §7).
      highestDeliveredNonce: '2',
      undelivered: 3,
      blockedBy: {
        id: one[2]!.id,
        nonce: '3',
        stage: 'ready',
        reason: 'underpaid',
        detail: 'paid 1, policy asks 2',
        nextAttemptAt: null,
      },
      lease: null,
    })
    const acks = body.items.find((c: { channel: string }) => c.channel === ack.channel)
    expect(acks).toMatchObject({
      kind: 'ack',
      origin: B,
      destination: A,
      highestDeliveredNonce: null,
    })
  })

  test('filters by route and pages by key', async () => {
    const fromB = await get(api.app, `/v1/channels?origin=${B}`)
    expect(fromB.body.items.map((c: { channel: string }) => c.channel).sort()).toEqual(
      [two.channel, ack.channel].sort(),
    )
    const toB = await get(api.app, `/v1/channels?destination=${B}`)
    expect(toB.body.items.map((c: { channel: string }) => c.channel)).toEqual([one[0]!.channel])

    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof get>> = await get(
        api.app,
        `/v1/channels?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(page.body.items.length).toBeLessThanOrEqual(1)
      seen.push(...page.body.items.map((c: { channel: string }) => c.channel))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen).toEqual([one[0]!.channel, two.channel, ack.channel].sort())
  })

  test('one channel by key; 404 for an unknown one', async () => {
    const found = await get(api.app, `/v1/channels/${two.channel}`)
    expect(found.status).toBe(200)
    expect(found.body).toMatchObject({
      channel: two.channel,
      highestSentNonce: '1',
      blockedBy: { id: two.id, stage: 'pending', reason: 'indexed' },
    })
    const missing = await get(api.app, `/v1/channels/${word(9)}`)
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('not_found')
  })

  test('a messages cursor is refused on channels', async () => {
    const messages = await get(api.app, '/v1/messages?limit=1')
    const { status, body } = await get(api.app, `/v1/channels?cursor=${messages.body.nextCursor}`)
    expect(status).toBe(400)
    expect(body.error.code).toBe('invalid_cursor')
  })
})

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
beforeAll(async () => {
  api = await createTestApi()
}, 60_000)
afterAll(async () => {
  await api.close()
})

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds))

describe('GET /v1/messages', () => {
  const first = sent({ nonce: 1n, leafIndex: 0, sentAt: at(1) })
  const second = sent({ nonce: 2n, leafIndex: 1, sentAt: at(2) })
  const other = sent({
    nonce: 1n,
    leafIndex: 0,
    origin: B,
    destination: A,
    sender: b32(app20(0xc1)),
    recipient: b32(app20(0xd1)),
    sentAt: at(3),
    transactionHash: 'ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789',
  })

  beforeAll(async () => {
    await api.store.insertMessages([first, second, other])
    await api.store.finalizeMessages(A, 100n, at(4))
    await api.store.updateMessages([
      {
        id: first.id,
        stage: 'done',
        reason: 'delivered',
        status: MessageStatus.Executed,
        result: '0x',
        transactionHash: word(1, 'd'),
        deliveredAt: at(5),
        attempt: true,
      },
    ])
  })

  test('lists newest first with summaries', async () => {
    const { status, body } = await get(api.app, '/v1/messages')
    expect(status).toBe(200)
    expect(body.items.map((m: { id: string }) => m.id)).toEqual([other.id, second.id, first.id])
    expect(body.nextCursor).toBeNull()
    expect(body.items[2]).toMatchObject({
      id: first.id,
      origin: A,
      destination: B,
      nonce: '1',
      stage: 'done',
      status: 'executed',
      reason: 'delivered',
      attempts: 1,
      isAck: false,
      transactionHash: word(1, 'd'),
      deliveredAt: at(5).toISOString(),
      finalizedAt: at(4).toISOString(),
    })
  })

  test.each([
    ['stage=ready', [second.id]],
    ['status=executed', [first.id]],
    [`origin=${B}`, [other.id]],
    [`destination=${B}`, [second.id, first.id]],
    [`sender=${app20(0xc1)}`, [other.id]],
    [`sender=${b32(app20(0xa1))}`, [second.id, first.id]],
    [`recipient=${app20(0xd1).toUpperCase().replace('0X', '0x')}`, [other.id]],
    [`channel=${first.channel}`, [second.id, first.id]],
    [`originTxHash=${word(1, 'f')}`, [second.id]],
    // A CosmWasm-style bare upper-case hash matches its 0x form.
    [`originTxHash=0x${'abcdef0123456789'.repeat(4)}`, [other.id]],
    [`origin=${A}&stage=done`, [first.id]],
    [`origin=7`, []],
  ])('filters by %s', async (query, ids) => {
    const { status, body } = await get(api.app, `/v1/messages?${query}`)
    expect(status).toBe(200)
    expect(body.items.map((m: { id: string }) => m.id)).toEqual(ids)
  })

  test('pages with an opaque cursor', async () => {
    const page1 = await get(api.app, '/v1/messages?limit=2')
    expect(page1.body.items).toHaveLength(2)
    expect(page1.body.nextCursor).toEqual(expect.any(String))
    const page2 = await get(api.app, `/v1/messages?limit=2&cursor=${page1.body.nextCursor}`)
    expect(page2.body.items.map((m: { id: string }) => m.id)).toEqual([first.id])
    expect(page2.body.nextCursor).toBeNull()
  })
})

describe('GET /v1/messages/{id}', () => {
  const original = sent({
    nonce: 7n,
    leafIndex: 10,
    flags: 2,
    ackGasLimit: 50_000,
    sender: b32(app20(0xe1)),
    body: '0xcafe',
  })
  const ack = ackOf(original, { status: MessageStatus.Executed, nonce: 1n, leafIndex: 10 })

  beforeAll(async () => {
    await api.store.insertMessages([original])
    await api.store.finalizeMessages(A, 1_000n, at(20))
    for (const [i, validator] of [word(1, 'a'), word(2, 'a')].entries())
      await api.store.saveSignedCheckpoint({
        validator,
        origin: A,
        originEndpoint: word(A, 'e'),
        index: 10 + i,
        root: word(i, 'r'),
        signature: '0x01',
      })
    await api.store.updateMessages([
      {
        id: original.id,
        stage: 'ready',
        reason: 'waiting_signatures',
        detail: '1 of 2 validators answered',
      },
    ])
    await api.store.updateMessages([{ id: original.id, stage: 'submitted', reason: 'submitting' }])
    await api.store.updateMessages([
      { id: original.id, stage: 'ready', reason: 'rpc_error', detail: 'RPC down', attempt: true },
    ])
    await api.store.updateMessages([
      {
        id: original.id,
        stage: 'done',
        reason: 'delivered',
        status: MessageStatus.Executed,
        result: '0xab',
        transactionHash: word(2, 'd'),
        deliveredAt: at(30),
        attempt: true,
      },
    ])
    await api.store.insertMessages([ack])
  })

  test('shows decoded fields and the whole lifecycle', async () => {
    const { status, body } = await get(
      api.app,
      `/v1/messages/${original.id.toUpperCase().replace('0X', '0x')}`,
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: original.id,
      ackRequested: true,
      decoded: {
        version: 1,
        flags: 2,
        deadline: '0',
        gasLimit: 100_000,
        ackGasLimit: 50_000,
        body: '0xcafe',
      },
      decodeError: null,
      result: '0xab',
      acknowledges: null,
      ack: { id: ack.id, stage: 'pending', status: 'none' },
    })
    expect(body.lifecycle.sent).toEqual({
      at: original.sentAt.toISOString(),
      blockNumber: '20',
      blockHash: word(10, 'b'),
      transactionHash: word(10, 'f'),
      leafIndex: 10,
    })
    expect(body.lifecycle.finalized).toEqual({ at: at(20).toISOString() })
    expect(body.lifecycle.checkpoint.signers).toEqual([
      { validator: word(1, 'a'), index: 10, root: word(0, 'r') },
      { validator: word(2, 'a'), index: 11, root: word(1, 'r') },
    ])
    expect(body.lifecycle.attempts.map((a: { reason: string }) => a.reason)).toEqual([
      'waiting_signatures',
      'submitting',
      'rpc_error',
      'delivered',
    ])
    expect(body.lifecycle.attempts[2]).toMatchObject({ detail: 'RPC down', transactionHash: null })
    expect(body.lifecycle.attempts[3]).toMatchObject({ transactionHash: word(2, 'd') })
    expect(body.lifecycle.delivered).toEqual({
      at: at(30).toISOString(),
      status: 'executed',
      result: '0xab',
      transactionHash: word(2, 'd'),
    })
  })

  test('an ack names the message it acknowledges', async () => {
    const { status, body } = await get(api.app, `/v1/messages/${ack.id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      isAck: true,
      acknowledges: { originalId: original.id, status: 'executed', result: '0xbeef' },
      ack: null,
      lifecycle: { finalized: null, delivered: null, attempts: [] },
    })
  })

  test('a parked message shows retries_exhausted, and a topped-up one its top-up', async () => {
    const parked = sent({ nonce: 1n, leafIndex: 60, sender: b32(app20(0xf2)), sentAt: at(40) })
    await api.store.insertMessages([parked])
    await api.store.insertFeeTopUps([
      {
        origin: A,
        messageId: parked.id,
        amount: 25n,
        blockNumber: 12n,
        blockHash: word(12, 'b'),
        transactionHash: word(12, 'f'),
        eventIndex: 0,
      },
    ])
    await api.store.updateMessages([
      {
        id: parked.id,
        stage: 'failed',
        reason: 'retries_exhausted',
        detail: 'handler failed on attempt 10 of 10',
        status: MessageStatus.Failed,
        attempt: true,
      },
    ])
    const { status, body } = await get(api.app, `/v1/messages/${parked.id}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      stage: 'failed',
      status: 'failed',
      reason: 'retries_exhausted',
      feePaid: (parked.feePaid + 25n).toString(),
      feeAdded: '25',
    })
    expect(body.lifecycle.attempts).toMatchObject([
      { reason: 'fee_added', detail: `topped up by 25; paid ${parked.feePaid + 25n} in all` },
      { reason: 'retries_exhausted', detail: 'handler failed on attempt 10 of 10' },
    ])
    const list = await get(api.app, '/v1/messages?stage=failed')
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: parked.id, reason: 'retries_exhausted' }),
    )
  })

  test('an undecodable stored message still shows, with why', async () => {
    const broken = {
      ...sent({ nonce: 1n, leafIndex: 50, sender: b32(app20(0xf1)) }),
      encoded: '0x02' as const,
    }
    await api.store.insertMessages([broken])
    const { status, body } = await get(api.app, `/v1/messages/${broken.id}`)
    expect(status).toBe(200)
    expect(body.decoded).toBeNull()
    expect(body.decodeError).toMatch(/short|bytes/i)
  })

  test('404 for an unknown id', async () => {
    const { status, body } = await get(api.app, `/v1/messages/${word(404)}`)
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })
})

describe("an underpaid message's shortfall", () => {
  const minimum = 3n * 10n ** 15n
  let priced: TestApi
  beforeAll(async () => {
    priced = await createTestApi({ minimumFee: new Map([[A, minimum]]) })
  })
  afterAll(async () => {
    await priced.close()
  })
  const underpaid = (message: ReturnType<typeof sent>) =>
    priced.store.updateMessages([
      {
        id: message.id,
        stage: 'ready',
        reason: 'underpaid',
        detail: `paid ${message.feePaid}, policy asks ${minimum}`,
        attempt: true,
      },
    ])
  const detail = async (id: string) => (await get(priced.app, `/v1/messages/${id}`)).body

  test('is the policy minimum less what was paid, top-ups included, as numbers', async () => {
    const message = sent({ nonce: 1n, leafIndex: 0 })
    await priced.store.insertMessages([message])
    await underpaid(message)
    expect(await detail(message.id)).toMatchObject({
      reason: 'underpaid',
      feePaid: String(message.feePaid),
      underpaid: { required: String(minimum), missing: String(minimum - message.feePaid) },
    })
    await priced.store.insertFeeTopUps([
      {
        origin: A,
        messageId: message.id,
        amount: 5n * 10n ** 14n,
        blockNumber: 12n,
        blockHash: word(12, 'b'),
        transactionHash: word(12, 'f'),
        eventIndex: 0,
      },
    ])
    await underpaid({ ...message, feePaid: message.feePaid + 5n * 10n ** 14n })
    // Counted once: feePaid already holds the top-up that feeAdded reports.
    expect(await detail(message.id)).toMatchObject({
      feeAdded: String(5n * 10n ** 14n),
      underpaid: { missing: String(minimum - message.feePaid - 5n * 10n ** 14n) },
    })
  })

  test('is null when the message is not underpaid, or its origin has no minimum', async () => {
    const delivered = sent({ nonce: 2n, leafIndex: 1 })
    const fromB = sent({ nonce: 1n, leafIndex: 0, origin: B, destination: A })
    await priced.store.insertMessages([delivered, fromB])
    await underpaid(fromB)
    expect(await detail(delivered.id)).toMatchObject({ reason: 'indexed', underpaid: null })
    expect(await detail(fromB.id)).toMatchObject({ reason: 'underpaid', underpaid: null })
  })
})

describe('pagination under concurrent inserts', () => {
  let walker: TestApi
  beforeAll(async () => {
    walker = await createTestApi()
  }, 60_000)
  afterAll(async () => {
    await walker.close()
  })

  test('walking every page yields each existing message once, in order, with no gaps', async () => {
    // Many share one sentAt, so the id breaks ties.
    const existing = Array.from({ length: 230 }, (_, i) =>
      sent({ nonce: BigInt(i + 1), leafIndex: i, sentAt: at(100 + Math.floor(i / 7)) }),
    )
    await walker.store.insertMessages(existing)
    let inserted = 0
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const path: string = `/v1/messages?limit=17${cursor ? `&cursor=${cursor}` : ''}`
      const [{ body }] = await Promise.all([
        get(walker.app, path),
        // Meanwhile the indexer keeps adding messages (always newer than what exists).
        walker.store.insertMessages([
          sent({
            nonce: BigInt(1_000 + inserted),
            leafIndex: 1_000 + inserted++,
            sender: b32(app20(0x99)),
          }),
        ]),
      ])
      seen.push(...body.items.map((m: { id: string }) => m.id))
      cursor = body.nextCursor
    } while (cursor)
    const existingIds = new Set<string>(existing.map((m) => m.id))
    const walked = seen.filter((id) => existingIds.has(id))
    expect(new Set(seen).size).toBe(seen.length)
    expect(walked).toHaveLength(existing.length)
    const expected = [...existing]
      .sort((x, y) => y.sentAt.getTime() - x.sentAt.getTime() || (y.id < x.id ? -1 : 1))
      .map((m) => m.id)
    expect(walked).toEqual(expected)
  })
})

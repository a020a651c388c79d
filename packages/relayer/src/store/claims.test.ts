import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { openStore } from './openStore.js'
import { useStoreBackends, useTestStore } from './test/backends.js'
import { channel, type MessageFixture, newMessage } from './test/fixtures.js'
import type { ClaimParams, RelayerStore, StoredMessage } from './types.js'

const backends = useStoreBackends()

const t0 = new Date('2026-03-01T00:00:00Z')
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000)

function params(overrides: Partial<ClaimParams> = {}): ClaimParams {
  return {
    origin: 1,
    destination: 2,
    owner: 'a',
    leaseUntil: at(60),
    now: t0,
    limit: 100,
    ...overrides,
  }
}

/** Inserts messages (leaf indexes in order) and makes them all ready. */
async function ready(store: RelayerStore, fixtures: Omit<MessageFixture, 'leafIndex'>[]) {
  await store.insertMessages(
    fixtures.map((fixture, leafIndex) => newMessage({ ...fixture, leafIndex })),
  )
  await store.finalizeMessages(1, 2n ** 62n, t0)
  return fixtures.map((fixture, leafIndex) => newMessage({ ...fixture, leafIndex }).id)
}

const claimed = (messages: StoredMessage[]) =>
  messages.map((message) => [Number(message.channel.slice(-4)), message.nonce])

describe.each(backends)('claims on $name', (backend) => {
  const store = useTestStore(backend)

  test('claimReady returns ready messages in (channel, nonce) order up to the limit', async () => {
    await ready(store(), [
      { channel: channel(2), nonce: 1n },
      { channel: channel(1), nonce: 2n },
      { channel: channel(2), nonce: 2n },
      { channel: channel(1), nonce: 1n },
      { channel: channel(3), nonce: 1n },
    ])
    expect(claimed(await store().claimReady(params({ limit: 3 })))).toEqual([
      [1, 1n],
      [1, 2n],
      [2, 1n],
    ])
  })

  test('claimReady takes only the contiguous run of lowest undelivered nonces', async () => {
    const ids = await ready(store(), [
      // channel 1: 1 ready, 2 pending (set below), 3 ready → only 1
      { channel: channel(1), nonce: 1n },
      { channel: channel(1), nonce: 2n, originBlockNumber: 2n ** 62n + 1n },
      { channel: channel(1), nonce: 3n },
      // channel 2: 1 done, 2 and 3 ready → 2, 3
      { channel: channel(2), nonce: 1n },
      { channel: channel(2), nonce: 2n },
      { channel: channel(2), nonce: 3n },
      // channel 3: 1 in flight, 2 ready → nothing
      { channel: channel(3), nonce: 1n },
      { channel: channel(3), nonce: 2n },
      // channel 4: 1 ready, 3 ready, 2 unknown → only 1
      { channel: channel(4), nonce: 1n },
      { channel: channel(4), nonce: 3n },
      // channel 5: 1 failed (delivered: it does not block), 2 ready → 2
      { channel: channel(5), nonce: 1n },
      { channel: channel(5), nonce: 2n },
    ])
    await store().updateMessages([
      { id: ids[3]!, stage: 'done', reason: 'delivered', status: 1 },
      { id: ids[6]!, stage: 'submitted', reason: 'retried' },
      { id: ids[10]!, stage: 'failed', reason: 'delivered', status: 2, nextAttemptAt: at(3600) },
    ])
    expect((await store().getMessage(ids[1]!))?.stage).toBe('pending')
    expect(claimed(await store().claimReady(params()))).toEqual([
      [1, 1n],
      [2, 2n],
      [2, 3n],
      [4, 1n],
      [5, 2n],
    ])
  })

  test('claimReady waits for nextAttemptAt, which also holds back later nonces', async () => {
    const ids = await ready(store(), [
      { channel: channel(1), nonce: 1n },
      { channel: channel(1), nonce: 2n },
      { channel: channel(2), nonce: 1n },
      { channel: channel(2), nonce: 2n },
    ])
    await store().updateMessages([
      { id: ids[0]!, stage: 'ready', reason: 'underpaid', nextAttemptAt: at(10) },
      { id: ids[3]!, stage: 'ready', reason: 'rpc_error', nextAttemptAt: at(20) },
    ])
    expect(claimed(await store().claimReady(params()))).toEqual([[2, 1n]])
    expect(claimed(await store().claimReady(params({ now: at(10) })))).toEqual([
      [1, 1n],
      [1, 2n],
      [2, 1n],
    ])
    expect(claimed(await store().claimReady(params({ now: at(20) })))).toEqual([
      [1, 1n],
      [1, 2n],
      [2, 1n],
      [2, 2n],
    ])
  })

  test('claimReady keeps to its route', async () => {
    await ready(store(), [
      { channel: channel(1), nonce: 1n },
      { channel: channel(2), nonce: 1n, destination: 3 },
    ])
    expect(claimed(await store().claimReady(params({ destination: 3 })))).toEqual([[2, 1n]])
    expect(await store().claimReady(params({ origin: 2 }))).toEqual([])
  })

  test('a lease keeps other owners off a channel until it expires or is released', async () => {
    await ready(store(), [
      { channel: channel(1), nonce: 1n },
      { channel: channel(2), nonce: 1n },
      { channel: channel(3), nonce: 1n },
    ])
    // a takes channels 1 and 2; channel 3 was not claimed, so not leased.
    expect(claimed(await store().claimReady(params({ owner: 'a', limit: 2 })))).toEqual([
      [1, 1n],
      [2, 1n],
    ])
    expect(
      claimed(await store().claimReady(params({ owner: 'b', now: at(59), leaseUntil: at(120) }))),
    ).toEqual([[3, 1n]])
    // Each owner may claim its own live lease again.
    expect(claimed(await store().claimReady(params({ owner: 'a', now: at(30) })))).toEqual([
      [1, 1n],
      [2, 1n],
    ])
    expect(await store().claimReady(params({ owner: 'c', now: at(59) }))).toEqual([])
    // a's leases run out at 60 s (a renewed them until 60 s again); b's lasts until 120 s.
    expect(
      claimed(await store().claimReady(params({ owner: 'c', now: at(60), leaseUntil: at(120) }))),
    ).toEqual([
      [1, 1n],
      [2, 1n],
    ])
    await store().releaseLeases('c')
    await store().releaseLeases('b')
    expect(claimed(await store().claimReady(params({ owner: 'd', now: at(61) })))).toEqual([
      [1, 1n],
      [2, 1n],
      [3, 1n],
    ])
  })

  test('claimFailed returns due failed messages in order, under the same leases', async () => {
    const ids = await ready(store(), [
      { channel: channel(1), nonce: 1n },
      { channel: channel(1), nonce: 2n },
      { channel: channel(2), nonce: 1n },
      { channel: channel(3), nonce: 1n },
      { channel: channel(3), nonce: 2n },
    ])
    const failed = (id: `0x${string}`, nextAttemptAt: Date | null) =>
      ({ id, stage: 'failed', reason: 'delivered', status: 2, nextAttemptAt }) as const
    await store().updateMessages([
      failed(ids[1]!, at(5)),
      failed(ids[0]!, null),
      failed(ids[2]!, at(100)),
      failed(ids[4]!, at(5)),
    ])
    const lease = { leaseUntil: at(200) }
    expect(
      claimed(await store().claimFailed(params({ owner: 'a', now: at(5), ...lease }))),
    ).toEqual([
      [1, 1n],
      [1, 2n],
      [3, 2n],
    ])
    // Channel 3 is a's now: b's ready claim skips its ready nonce 1.
    expect(await store().claimReady(params({ owner: 'b', now: at(5) }))).toEqual([])
    // At 100 s channel 2's message is due; b gets it, not a's channels.
    expect(
      claimed(await store().claimFailed(params({ owner: 'b', now: at(100), ...lease }))),
    ).toEqual([[2, 1n]])
    expect(
      claimed(await store().claimFailed(params({ owner: 'a', now: at(100), ...lease }))),
    ).toEqual([
      [1, 1n],
      [1, 2n],
      [3, 2n],
    ])
    expect(claimed(await store().claimFailed(params({ owner: 'c', now: at(200) })))).toHaveLength(4)
  })
})

describe('claims by two relayers on one PostgreSQL', () => {
  const postgres = backends.find((backend) => backend.name === 'postgres')!

  test('concurrent claims never hand one channel to two owners, and all get claimed', async () => {
    const url = await postgres.freshUrl()
    const [a, b] = await Promise.all([openStore(url), openStore(url)])
    try {
      const channels = 40
      await a.insertMessages(
        Array.from({ length: channels }, (_, i) =>
          newMessage({ channel: channel(i + 1), nonce: 1n, leafIndex: i }),
        ),
      )
      await a.finalizeMessages(1, 100n, t0)
      for (let round = 0; round < 5; round++) {
        const results = await Promise.all(
          Array.from({ length: 16 }, (_, i) =>
            (i % 2 ? a : b).claimReady(
              params({
                owner: `r${round}-${i}`,
                now: at(round * 100),
                leaseUntil: at(round * 100 + 50),
                limit: 5,
              }),
            ),
          ),
        )
        const all = results.flatMap((messages) => messages.map((message) => message.channel))
        expect(new Set(all).size).toBe(all.length)
        expect(all.length).toBe(channels)
      }
      // Leases of the last round end at 450 s: until then a newcomer gets nothing, then all.
      expect(await b.claimReady(params({ owner: 'late', now: at(449) }))).toEqual([])
      expect(await b.claimReady(params({ owner: 'late', now: at(450) }))).toHaveLength(channels)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  test('a claim skips a channel another transaction has locked instead of waiting', async () => {
    const url = await postgres.freshUrl()
    const store = await openStore(url)
    const other = new pg.Client({ connectionString: url })
    await other.connect()
    try {
      await ready(store, [
        { channel: channel(1), nonce: 1n },
        { channel: channel(2), nonce: 1n },
      ])
      await other.query('begin')
      await other.query('select * from channels where channel = $1 for update', [channel(1)])
      expect(claimed(await store.claimReady(params()))).toEqual([[2, 1n]])
      await other.query('commit')
      expect(claimed(await store.claimReady(params()))).toEqual([
        [1, 1n],
        [2, 1n],
      ])
    } finally {
      await other.end()
      await store.close()
    }
  })
})

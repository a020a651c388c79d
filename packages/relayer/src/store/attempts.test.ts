import { describe, expect, test } from 'vitest'
import { MessageNotFoundError } from './errors.js'
import { useStoreBackends, useTestStore } from './test/backends.js'
import { newMessage, word } from './test/fixtures.js'

const backends = useStoreBackends()

describe.each(backends)('updates and attempts on $name', (backend) => {
  const store = useTestStore(backend)
  const first = newMessage({ nonce: 1n, leafIndex: 0 })
  const second = newMessage({ nonce: 2n, leafIndex: 1 })

  test('a quiet update changes its message but logs no attempt', async () => {
    await store().insertMessages([first, second])
    const later = new Date('2026-04-01T00:00:00Z')
    await store().updateMessages([
      {
        id: first.id,
        stage: 'failed',
        reason: 'retries_exhausted',
        nextAttemptAt: later,
        quiet: true,
      },
      { id: second.id, stage: 'failed', reason: 'retries_exhausted', nextAttemptAt: later },
    ])
    expect(await store().getMessage(first.id)).toMatchObject({
      stage: 'failed',
      reason: 'retries_exhausted',
      nextAttemptAt: later,
    })
    expect(await store().getAttempts(first.id)).toEqual([])
    expect((await store().getAttempts(second.id)).map((attempt) => attempt.reason)).toEqual([
      'retries_exhausted',
    ])
  })

  test('updateMessages sets the given fields, keeps the others, and logs one attempt each', async () => {
    await store().insertMessages([first, second])
    const retryAt = new Date('2026-04-01T00:00:00Z')
    await store().updateMessages([
      {
        id: first.id,
        stage: 'submitted',
        reason: 'retried',
        transactionHash: '0xT1',
        attempt: true,
      },
      {
        id: second.id,
        stage: 'ready',
        reason: 'underpaid',
        detail: 'fee 1 < 2',
        nextAttemptAt: retryAt,
      },
    ])
    const deliveredAt = new Date('2026-04-01T00:01:00Z')
    await store().updateMessages([
      {
        id: first.id,
        stage: 'failed',
        reason: 'delivered',
        status: 2,
        result: '0xBAD0',
        nextAttemptAt: retryAt,
        deliveredAt,
        attempt: true,
      },
    ])
    expect(await store().getMessage(first.id)).toMatchObject({
      stage: 'failed',
      reason: 'delivered',
      status: 2,
      result: '0xbad0',
      transactionHash: '0xT1',
      nextAttemptAt: retryAt,
      deliveredAt,
      attempts: 2,
    })
    expect(await store().getMessage(second.id)).toMatchObject({
      stage: 'ready',
      reason: 'underpaid',
      nextAttemptAt: retryAt,
      attempts: 0,
      transactionHash: null,
    })
    // null clears a field, undefined keeps it.
    await store().updateMessages([
      {
        id: first.id,
        stage: 'ready',
        reason: 'retry_scheduled',
        nextAttemptAt: null,
        result: null,
      },
    ])
    expect(await store().getMessage(first.id)).toMatchObject({
      nextAttemptAt: null,
      result: null,
      status: 2,
      transactionHash: '0xT1',
    })

    const attempts = await store().getAttempts(first.id)
    expect(
      attempts.map(({ reason, detail, transactionHash }) => ({ reason, detail, transactionHash })),
    ).toEqual([
      { reason: 'retried', detail: undefined, transactionHash: '0xT1' },
      { reason: 'delivered', detail: undefined, transactionHash: undefined },
      { reason: 'retry_scheduled', detail: undefined, transactionHash: undefined },
    ])
    expect(attempts[0]).toMatchObject({ messageId: first.id })
    expect(attempts[0]!.at).toBeInstanceOf(Date)
    expect(attempts[0]!.seq < attempts[1]!.seq).toBe(true)
    expect(await store().getAttempts(second.id)).toMatchObject([
      { reason: 'underpaid', detail: 'fee 1 < 2' },
    ])
  })

  test('updateMessages gives each row its own values when a call mixes shared and single ones', async () => {
    const third = newMessage({ nonce: 3n, leafIndex: 2 })
    await store().insertMessages([first, second, third])
    const deliveredAt = new Date('2026-04-01T00:02:00Z')
    const outcome = {
      stage: 'done',
      reason: 'delivered',
      transactionHash: '0xT2',
      deliveredAt,
    } as const
    await store().updateMessages([
      { id: first.id, ...outcome, status: 1, result: null, detail: 'one' },
      { id: second.id, stage: 'failed', reason: 'delivered', status: 2, result: '0xBAD1' },
      { id: third.id, ...outcome, status: 1, result: null, detail: 'three' },
    ])
    const [one, two, three] = await Promise.all(
      [first, second, third].map((message) => store().getMessage(message.id)),
    )
    expect(one).toMatchObject({ stage: 'done', status: 1, transactionHash: '0xT2', deliveredAt })
    expect(three).toMatchObject({ stage: 'done', status: 1, transactionHash: '0xT2', deliveredAt })
    expect(two).toMatchObject({ stage: 'failed', status: 2, result: '0xbad1', deliveredAt: null })
    expect(await store().getAttempts(third.id)).toMatchObject([
      { reason: 'delivered', detail: 'three' },
    ])
  })

  test('updateMessages with an unknown id throws and writes nothing', async () => {
    await store().insertMessages([first])
    const updated = store().updateMessages([
      { id: first.id, stage: 'done', reason: 'delivered', status: 1 },
      { id: word(404), stage: 'done', reason: 'delivered', status: 1 },
    ])
    await expect(updated).rejects.toThrow(MessageNotFoundError)
    await expect(updated).rejects.toMatchObject({ id: word(404) })
    expect((await store().getMessage(first.id))?.stage).toBe('pending')
    expect(await store().getAttempts(first.id)).toEqual([])
  })

  test('recordAttempts appends to the log and leaves the message alone', async () => {
    await store().insertMessages([first])
    await store().recordAttempts([
      { messageId: first.id, reason: 'orphaned', detail: 'reorg below block 9' },
      { messageId: first.id, reason: 'waiting_signatures' },
    ])
    expect(await store().getAttempts(first.id)).toMatchObject([
      { reason: 'orphaned', detail: 'reorg below block 9' },
      { reason: 'waiting_signatures' },
    ])
    expect((await store().getMessage(first.id))?.reason).toBe('indexed')
    await expect(
      store().recordAttempts([
        { messageId: first.id, reason: 'rpc_error' },
        { messageId: word(404), reason: 'rpc_error' },
      ]),
    ).rejects.toThrow(MessageNotFoundError)
    expect(await store().getAttempts(first.id)).toHaveLength(2)
  })
})

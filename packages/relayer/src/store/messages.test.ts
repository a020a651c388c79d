import { describe, expect, test } from 'vitest'
import { useStoreBackends, useTestStore } from './test/backends.js'
import { channel, newMessage, word } from './test/fixtures.js'

const backends = useStoreBackends()

describe.each(backends)('messages on $name', (backend) => {
  const store = useTestStore(backend)

  test('insertMessages stores pending messages with every field, bigints and hex intact', async () => {
    const max = 2n ** 64n - 1n
    const message = newMessage({
      nonce: max,
      leafIndex: 2 ** 32 - 1,
      origin: 2 ** 32 - 1,
      destination: 2 ** 32 - 2,
      deadline: max,
      gasLimit: 2 ** 32 - 1,
      ackGasLimit: 7,
      flags: 2,
      feePaid: 2n ** 200n,
      originBlockNumber: 2n ** 62n,
      id: `0x${'AB'.repeat(32)}`,
      encoded: '0xDEADbeef',
    })
    await store().insertMessages([message])
    const stored = await store().getMessage(`0x${'ab'.repeat(32)}`)
    expect(stored).toEqual({
      ...message,
      id: `0x${'ab'.repeat(32)}`,
      encoded: '0xdeadbeef',
      feeAdded: 0n,
      stage: 'pending',
      status: 0,
      result: null,
      reason: 'indexed',
      attempts: 0,
      nextAttemptAt: null,
      transactionHash: null,
      finalizedAt: null,
      deliveredAt: null,
    })
    expect(await store().getMessage(word(404))).toBeUndefined()
  })

  test('insertMessages is idempotent and leaves a message already past pending as it is', async () => {
    const message = newMessage({ nonce: 1n, leafIndex: 0 })
    await store().insertMessages([message, message])
    await store().finalizeMessages(1, 10n, new Date())
    await store().insertMessages([{ ...message, originBlockNumber: 99n }])
    const stored = await store().getMessage(message.id)
    expect(stored?.stage).toBe('ready')
    expect(stored?.originBlockNumber).toBe(10n)
    expect((await store().countByStage()).ready).toBe(1)
  })

  test('finalizeMessages makes pending messages at or below the block ready', async () => {
    await store().insertMessages([
      newMessage({ nonce: 1n, leafIndex: 0, originBlockNumber: 10n }),
      newMessage({ nonce: 2n, leafIndex: 1, originBlockNumber: 11n }),
      newMessage({ nonce: 3n, leafIndex: 2, originBlockNumber: 12n }),
      newMessage({ nonce: 1n, leafIndex: 0, origin: 5, originBlockNumber: 1n }),
    ])
    const at = new Date('2026-02-01T00:00:00Z')
    expect(await store().finalizeMessages(1, 11n, at)).toBe(2)
    expect(await store().finalizeMessages(1, 11n, at)).toBe(0)
    const [first, , third] = await store().getMessagesInStage('pending', 10)
    expect(third).toBeUndefined()
    expect(first?.origin).toBe(5)
    const ready = await store().getMessagesInStage('ready', 10)
    expect(ready.map((message) => message.nonce)).toEqual([1n, 2n])
    expect(ready[0]).toMatchObject({ finalizedAt: at, reason: 'waiting_signatures' })
  })

  test('getPendingBlocks lists distinct blocks of pending messages at or below a block', async () => {
    await store().insertMessages([
      newMessage({ nonce: 1n, leafIndex: 0, originBlockNumber: 10n, originBlockHash: '0xa' }),
      newMessage({ nonce: 2n, leafIndex: 1, originBlockNumber: 10n, originBlockHash: '0xa' }),
      newMessage({ nonce: 3n, leafIndex: 2, originBlockNumber: 11n, originBlockHash: '0xB' }),
      newMessage({ nonce: 4n, leafIndex: 3, originBlockNumber: 12n, originBlockHash: '0xc' }),
    ])
    expect(await store().getPendingBlocks(1, 11n)).toEqual([
      { domain: 1, number: 10n, hash: '0xa' },
      { domain: 1, number: 11n, hash: '0xB' },
    ])
    await store().finalizeMessages(1, 10n, new Date())
    expect(await store().getPendingBlocks(1, 12n)).toEqual([
      { domain: 1, number: 11n, hash: '0xB' },
      { domain: 1, number: 12n, hash: '0xc' },
    ])
  })

  test('orphanMessagesAbove orphans non-final messages above the block, in leaf order', async () => {
    await store().insertMessages([
      newMessage({ nonce: 1n, leafIndex: 0, originBlockNumber: 10n }),
      newMessage({ nonce: 2n, leafIndex: 1, originBlockNumber: 11n }),
      newMessage({ nonce: 3n, leafIndex: 2, originBlockNumber: 12n }),
      newMessage({ nonce: 4n, leafIndex: 3, originBlockNumber: 12n }),
      newMessage({ nonce: 1n, leafIndex: 0, origin: 5, originBlockNumber: 50n }),
    ])
    const done = newMessage({ nonce: 4n, leafIndex: 3 }).id
    await store().updateMessages([{ id: done, stage: 'done', reason: 'delivered', status: 1 }])
    const orphaned = await store().orphanMessagesAbove(1, 10n)
    expect(orphaned).toEqual([
      newMessage({ nonce: 2n, leafIndex: 1 }).id,
      newMessage({ nonce: 3n, leafIndex: 2 }).id,
    ])
    expect(await store().countByStage()).toEqual({
      pending: 2,
      ready: 0,
      submitted: 0,
      failed: 0,
      done: 1,
      orphaned: 2,
    })
    expect((await store().getMessage(orphaned[0]!))?.reason).toBe('orphaned')
    expect(await store().orphanMessagesAbove(1, 10n)).toEqual([])
  })

  test('a re-seen orphaned message comes back pending with its new block and leaf', async () => {
    const original = newMessage({ nonce: 1n, leafIndex: 0, originBlockNumber: 11n })
    const replaced = newMessage({ nonce: 9n, leafIndex: 1, originBlockNumber: 11n })
    await store().insertMessages([original, replaced])
    await store().orphanMessagesAbove(1, 10n)
    // After the reorg the message lands at leaf 1, where an orphaned one used to be.
    await store().insertMessages([
      { ...original, leafIndex: 1, originBlockNumber: 12n, originBlockHash: '0xnew' },
    ])
    expect(await store().getMessage(original.id)).toMatchObject({
      stage: 'pending',
      reason: 'indexed',
      leafIndex: 1,
      originBlockNumber: 12n,
      originBlockHash: '0xnew',
    })
    expect(await store().getLeaves(1, 0, 10)).toEqual([original.id])
    expect((await store().getMessage(replaced.id))?.stage).toBe('orphaned')
  })

  test('two live messages cannot share a leaf', async () => {
    await store().insertMessages([newMessage({ nonce: 1n, leafIndex: 0 })])
    await expect(
      store().insertMessages([
        newMessage({ nonce: 2n, leafIndex: 1 }),
        { ...newMessage({ nonce: 3n, leafIndex: 0 }), id: word(3) },
      ]),
    ).rejects.toThrow(/messages_origin_leaf/)
    // The failed batch was one transaction: its first message is not there either.
    expect(await store().getMessage(newMessage({ nonce: 2n, leafIndex: 1 }).id)).toBeUndefined()
  })

  test('getLeaves returns live leaf ids of one origin in [from, to), in order', async () => {
    await store().insertMessages(
      [4, 0, 2, 1, 3].map((leafIndex) =>
        newMessage({
          nonce: BigInt(leafIndex + 1),
          leafIndex,
          originBlockNumber: BigInt(leafIndex),
        }),
      ),
    )
    await store().insertMessages([newMessage({ nonce: 1n, leafIndex: 2, origin: 7 })])
    const ids = [0, 1, 2, 3, 4].map((leafIndex) => newMessage({ nonce: 0n, leafIndex }).id)
    expect(await store().getLeaves(1, 1, 4)).toEqual(ids.slice(1, 4))
    await store().orphanMessagesAbove(1, 2n)
    expect(await store().getLeaves(1, 0, 10)).toEqual(ids.slice(0, 3))
  })

  test('getMessagesInStage orders by channel then nonce and honours the limit', async () => {
    await store().insertMessages([
      newMessage({ nonce: 2n, leafIndex: 0, channel: channel(2) }),
      newMessage({ nonce: 10n, leafIndex: 1, channel: channel(1) }),
      newMessage({ nonce: 1n, leafIndex: 2, channel: channel(2) }),
      newMessage({ nonce: 9n, leafIndex: 3, channel: channel(1) }),
    ])
    const pending = await store().getMessagesInStage('pending', 3)
    expect(pending.map((message) => [message.channel, message.nonce])).toEqual([
      [channel(1), 9n],
      [channel(1), 10n],
      [channel(2), 1n],
    ])
  })

  test('countByStage reports every stage, zero when empty', async () => {
    expect(await store().countByStage()).toEqual({
      pending: 0,
      ready: 0,
      submitted: 0,
      failed: 0,
      done: 0,
      orphaned: 0,
    })
  })
})

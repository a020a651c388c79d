import { describe, expect, test } from 'vitest'
import { useStoreBackends, useTestStore } from './test/backends.js'
import { newMessage, word } from './test/fixtures.js'
import type { FeeTopUp } from './types.js'

const backends = useStoreBackends()

const topUp = (fields: Partial<FeeTopUp> & { messageId: FeeTopUp['messageId'] }): FeeTopUp => ({
  origin: 1,
  amount: 500n,
  blockNumber: 20n,
  blockHash: word(20, 'b'),
  transactionHash: word(20, 'f'),
  eventIndex: 0,
  ...fields,
})

describe.each(backends)('fee top-ups on $name', (backend) => {
  const store = useTestStore(backend)

  test('add to the fee paid once each, and log the amount and transaction', async () => {
    const message = newMessage({ nonce: 1n, leafIndex: 0, feePaid: 1_000n })
    await store().insertMessages([message])
    const first = topUp({ messageId: message.id, amount: 300n })
    const second = topUp({ messageId: message.id, amount: 200n, eventIndex: 1 })
    expect(await store().insertFeeTopUps([first, second])).toEqual([
      {
        messageId: message.id,
        reason: 'fee_added',
        detail: 'topped up by 500; paid 1500 in all',
        transactionHash: second.transactionHash,
      },
    ])
    // Indexed again (a crash before the cursor moved): nothing is counted twice.
    expect(await store().insertFeeTopUps([first, second])).toEqual([])
    const stored = await store().getMessage(message.id)
    expect(stored).toMatchObject({ feePaid: 1_500n, feeAdded: 500n })
    const attempts = await store().getAttempts(message.id)
    expect(attempts.filter((attempt) => attempt.reason === 'fee_added')).toEqual([
      expect.objectContaining({
        detail: 'topped up by 500; paid 1500 in all',
        transactionHash: first.transactionHash,
      }),
    ])
  })

  test('make an underpaid message due at once, and leave other waits alone', async () => {
    const underpaid = newMessage({ nonce: 1n, leafIndex: 0, feePaid: 1n })
    const backingOff = newMessage({ nonce: 1n, leafIndex: 1, channel: word(2, 'c') })
    await store().insertMessages([underpaid, backingOff])
    await store().finalizeMessages(1, 10n, new Date())
    const later = new Date(Date.now() + 3_600_000)
    await store().updateMessages([
      { id: underpaid.id, stage: 'ready', reason: 'underpaid', nextAttemptAt: later },
      { id: backingOff.id, stage: 'ready', reason: 'rpc_error', nextAttemptAt: later },
    ])
    await store().insertFeeTopUps([
      topUp({ messageId: underpaid.id }),
      topUp({ messageId: backingOff.id, eventIndex: 1 }),
    ])
    expect((await store().getMessage(underpaid.id))?.nextAttemptAt).toBeNull()
    expect((await store().getMessage(backingOff.id))?.nextAttemptAt).toEqual(later)
    const claimed = await store().claimReady({
      origin: 1,
      destination: 2,
      owner: 'relayer-1',
      now: new Date(),
      leaseUntil: later,
      limit: 10,
    })
    expect(claimed.map((message) => message.id)).toEqual([underpaid.id])
  })

  test('a top-up indexed before its message counts when the message is inserted', async () => {
    const message = newMessage({ nonce: 1n, leafIndex: 0, feePaid: 1_000n })
    // Kept, but no attempt to log yet: the message is not stored.
    expect(await store().insertFeeTopUps([topUp({ messageId: message.id, amount: 7n })])).toEqual(
      [],
    )
    await store().insertMessages([message])
    expect(await store().getMessage(message.id)).toMatchObject({ feePaid: 1_007n, feeAdded: 7n })
  })

  test('a reorg takes top-ups above the fork off their messages', async () => {
    const message = newMessage({ nonce: 1n, leafIndex: 0, feePaid: 1_000n })
    await store().insertMessages([message])
    await store().insertFeeTopUps([
      topUp({ messageId: message.id, amount: 10n, blockNumber: 20n }),
      topUp({ messageId: message.id, amount: 20n, blockNumber: 21n, transactionHash: word(21) }),
      topUp({ origin: 3, messageId: message.id, amount: 40n, blockNumber: 30n }),
    ])
    await store().removeFeeTopUpsAbove(1, 20n)
    expect(await store().getMessage(message.id)).toMatchObject({ feePaid: 1_050n, feeAdded: 50n })
    // Indexed again on the new chain, the top-up that was dropped counts again.
    await store().insertFeeTopUps([
      topUp({ messageId: message.id, amount: 20n, blockNumber: 21n, transactionHash: word(21) }),
    ])
    expect((await store().getMessage(message.id))?.feeAdded).toBe(70n)
  })
})

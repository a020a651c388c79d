import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sent, word } from '../api/test/fixtures.js'
import { openStore } from '../store/openStore.js'
import type { RelayerStore } from '../store/types.js'
import { createEventBus } from './createEventBus.js'
import { observeStore } from './observeStore.js'
import { eventTypeOf } from './toLifecycleEvent.js'
import type { LifecycleEvent } from './types.js'

let raw: RelayerStore
beforeAll(async () => {
  raw = await openStore('memory://')
}, 60_000)
afterAll(async () => {
  await raw.close()
})

describe('observeStore', () => {
  test('publishes each committed write as lifecycle events, in order', async () => {
    const bus = createEventBus()
    const store = observeStore(raw, bus)
    const events: LifecycleEvent[] = []
    const unsubscribe = bus.subscribe((e) => events.push(e))
    const [m1, m2] = [sent({ nonce: 1n, leafIndex: 0 }), sent({ nonce: 2n, leafIndex: 1 })]
    await store.insertMessages([m1!, m2!])
    // Seen again (the indexer after a restart): stored as it was, so no new `indexed`.
    await store.insertMessages([{ ...m1!, sentAt: new Date(Date.now() + 1_000) }])
    expect(await store.finalizeMessages(m1!.origin, 10n, new Date())).toBe(1)
    await store.updateMessages([
      { id: m1!.id, stage: 'ready', reason: 'waiting_signatures', detail: '0 of 2' },
    ])
    await store.updateMessages([{ id: m1!.id, stage: 'submitted', reason: 'submitting' }])
    await store.updateMessages([
      {
        id: m1!.id,
        stage: 'done',
        reason: 'delivered',
        status: MessageStatus.Executed,
        transactionHash: word(1, 'd'),
        attempt: true,
      },
    ])
    expect(await store.orphanMessagesAbove(m2!.origin, 10n)).toEqual([m2!.id])
    unsubscribe()

    expect(events.map((e) => [e.type, e.messageId, e.reason])).toEqual([
      ['indexed', m1!.id, 'indexed'],
      ['indexed', m2!.id, 'indexed'],
      ['finalized', m1!.id, 'waiting_signatures'],
      ['waiting', m1!.id, 'waiting_signatures'],
      ['submitted', m1!.id, 'submitting'],
      ['delivered', m1!.id, 'delivered'],
      ['orphaned', m2!.id, 'orphaned'],
    ])
    expect(events[0]).toMatchObject({
      seq: 1,
      channel: m1!.channel,
      origin: m1!.origin,
      nonce: '1',
      transactionHash: m1!.originTransactionHash,
    })
    expect(events[3]).toMatchObject({ detail: '0 of 2', stage: 'ready' })
    expect(events[5]).toMatchObject({
      stage: 'done',
      status: 'executed',
      transactionHash: word(1, 'd'),
    })
  })

  test('a quiet update (a parked message checked again) publishes nothing', async () => {
    const bus = createEventBus()
    const store = observeStore(raw, bus)
    const events: LifecycleEvent[] = []
    const unsubscribe = bus.subscribe((e) => events.push(e))
    const message = sent({ nonce: 1n, leafIndex: 50 })
    await raw.insertMessages([message])
    const parked = {
      id: message.id,
      stage: 'failed' as const,
      reason: 'retries_exhausted' as const,
    }
    await store.updateMessages([{ ...parked, status: MessageStatus.Failed, attempt: true }])
    await store.updateMessages([{ ...parked, nextAttemptAt: new Date(), quiet: true }])
    unsubscribe()
    expect(events.map((e) => [e.type, e.reason])).toEqual([['failed', 'retries_exhausted']])
  })

  test('a fee top-up publishes fee_added with the amount and the origin transaction', async () => {
    const bus = createEventBus()
    const store = observeStore(raw, bus)
    const events: LifecycleEvent[] = []
    const unsubscribe = bus.subscribe((e) => events.push(e))
    const message = sent({ nonce: 1n, leafIndex: 51, sender: word(0x51) })
    await raw.insertMessages([message])
    const topUp = {
      origin: message.origin,
      messageId: message.id,
      amount: 3n,
      blockNumber: 11n,
      blockHash: word(11, 'b'),
      transactionHash: word(11, 'f'),
      eventIndex: 0,
    }
    await store.insertFeeTopUps([topUp])
    await store.insertFeeTopUps([topUp]) // seen again: nothing new, nothing published
    unsubscribe()
    expect(events).toEqual([
      expect.objectContaining({
        type: 'fee_added',
        messageId: message.id,
        reason: 'fee_added',
        detail: `topped up by 3; paid ${message.feePaid + 3n} in all`,
        transactionHash: word(11, 'f'),
      }),
    ])
  })

  test('returns what the store returns and reads nothing back without listeners', async () => {
    const bus = createEventBus()
    let reads = 0
    const counting: RelayerStore = {
      ...raw,
      getMessagesByIds: async (ids) => {
        reads++
        return raw.getMessagesByIds(ids)
      },
    }
    const store = observeStore(counting, bus)
    await store.insertMessages([sent({ nonce: 1n, leafIndex: 5, sender: word(5) })])
    expect(reads).toBe(0)
    await expect(
      store.updateMessages([{ id: word(404), stage: 'done', reason: 'delivered' }]),
    ).rejects.toThrow(/not in the store/)
  })

  test('a failed read-back is logged, not thrown: the write is done', async () => {
    const bus = createEventBus()
    bus.subscribe(() => {})
    const warnings: unknown[] = []
    const logger = { warn: (...args: unknown[]) => warnings.push(args) }
    const failing: RelayerStore = {
      ...raw,
      getMessagesByIds: async () => {
        throw new Error('connection lost')
      },
    }
    // CAST: only `warn` is called
    const store = observeStore(failing, bus, { logger: logger as never })
    await store.insertMessages([sent({ nonce: 1n, leafIndex: 6, sender: word(6) })])
    expect(warnings).toHaveLength(1)
  })
})

describe('eventTypeOf', () => {
  test.each([
    [{ stage: 'done', reason: 'delivered', status: MessageStatus.Executed }, 'delivered'],
    [{ stage: 'done', reason: 'delivered_by_other', status: MessageStatus.Executed }, 'delivered'],
    [{ stage: 'done', reason: 'timed_out', status: MessageStatus.TimedOut }, 'timed_out'],
    [{ stage: 'submitted', reason: 'submitting' }, 'submitted'],
    [
      { stage: 'failed', reason: 'retry_scheduled', status: MessageStatus.Failed, attempt: true },
      'failed',
    ],
    [{ stage: 'failed', reason: 'rpc_error', attempt: true }, 'retry_scheduled'],
    [{ stage: 'ready', reason: 'gas_estimate_reverted', attempt: true }, 'retry_scheduled'],
    [{ stage: 'ready', reason: 'waiting_channel_order' }, 'waiting'],
    [{ stage: 'ready', reason: 'resumed_after_restart' }, 'waiting'],
  ] as const)('%j → %s', (update, type) => {
    expect(eventTypeOf({ id: word(1), ...update })).toBe(type)
  })
})

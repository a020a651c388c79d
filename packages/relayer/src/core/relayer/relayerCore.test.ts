// The relayer core (indexer, checkpoint fetcher, route deliverer, outcome recording) over two
// fake chains and an in-memory store, pass by pass: every reason code the relayer records is
// reached by some test here, which the last test checks.
import { MessageStatus } from '@ferry/protocol'
import type { SentMessageEvent } from '@ferry/sdk'
import type { Hex } from 'viem'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { openStore } from '../../store/openStore.js'
import type { MessageUpdate, ReasonCode, RelayerStore } from '../../store/types.js'
import { type L1DeliveryPricing, priceL1Delivery } from '../fees/l1DeliveryCost.js'
import type { RelayerPolicy } from './policy.js'
import { createFakeWorld, type FakeWorld, UNIT_POLICY } from './test/fakeWorld.js'

/** Every reason code; a code added to `ReasonCode` must be added here (the type says so). */
const EVERY_REASON: Record<ReasonCode, 'produced' | string> = {
  indexed: 'produced',
  waiting_finality: 'never written: pending messages keep `indexed` until final',
  waiting_signatures: 'produced',
  waiting_channel_order: 'produced',
  underpaid: 'produced',
  gas_estimate_reverted: 'produced',
  tx_reverted: 'produced',
  rpc_error: 'produced',
  nonce_conflict: 'produced',
  gas_price_above_cap: 'produced',
  internal_error: 'produced',
  delivered: 'produced',
  delivered_by_other: 'produced',
  retry_scheduled: 'produced',
  retries_exhausted: 'produced',
  retried: 'produced',
  timed_out: 'produced',
  orphaned: 'produced',
  submitting: 'produced',
  resumed_after_restart: 'produced',
  fee_added: 'produced',
}

/** Reason codes some test's messages recorded (the attempt log and the messages' own reasons). */
const seen = new Set<ReasonCode>()

let world: FakeWorld
const sent: SentMessageEvent[] = []

async function collect(store: RelayerStore = world.store) {
  for (const { id } of sent) {
    for (const attempt of await store.getAttempts(id)) seen.add(attempt.reason)
    const message = await store.getMessage(id)
    if (message) seen.add(message.reason)
  }
}

let store: RelayerStore
let validatorStore: RelayerStore
/** Each test gets two domains of its own, so tests share the stores without seeing each other. */
let nextDomain = 100

async function newWorld(policy?: RelayerPolicy) {
  const domains = [nextDomain++, nextDomain++] as const
  return await createFakeWorld({ store, validatorStore, domains, ...(policy && { policy }) })
}

beforeAll(async () => {
  ;[store, validatorStore] = await Promise.all([openStore('memory://'), openStore('memory://')])
})

afterAll(async () => {
  await store?.close()
  await validatorStore?.close()
})

beforeEach(async () => {
  world = await newWorld()
  sent.length = 0
})

afterEach(async () => {
  await collect()
  await world.close()
})

/** Sends `count` messages a → b on one channel and makes them final. */
function send(
  count: number,
  parameters: Parameters<FakeWorld['a']['send']>[0] = { destination: 2 },
) {
  const events = Array.from({ length: count }, () =>
    world.a.send({ ...parameters, destination: world.b.domain }),
  )
  sent.push(...events)
  world.a.mine(world.confirmations + 1)
  return events
}

async function ready(events: readonly SentMessageEvent[] = sent) {
  await world.index(world.a)
  await world.sign()
  return events
}

async function stateOf(event: SentMessageEvent) {
  const message = await world.store.getMessage(event.id)
  if (!message) throw new Error(`${event.id} not stored`)
  seen.add(message.reason)
  return message
}

async function reasonsOf(event: SentMessageEvent) {
  return (await world.store.getAttempts(event.id)).map((attempt) => attempt.reason)
}

describe('route deliverer', () => {
  test('delivers final messages in one batch, in channel order', async () => {
    const events = await ready(send(3))
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    await route.drain()
    expect(world.b.transactions).toHaveLength(1)
    expect(world.b.transactions[0]?.messageIds).toEqual(events.map((e) => e.id))
    for (const event of events) {
      expect(await stateOf(event)).toMatchObject({
        stage: 'done',
        reason: 'delivered',
        attempts: 1,
      })
      expect(await reasonsOf(event)).toEqual(['submitting', 'delivered'])
    }
  })

  test('keeps the signatures its proof carried, so the API can name who signed', async () => {
    const [event] = (await ready(send(1))) as [SentMessageEvent]
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    await route.drain()
    const signers = await world.store.getCheckpointSigners(world.a.domain, event.leafIndex)
    const signed = await validatorStore.getCheckpointSigners(world.a.domain, event.leafIndex)
    expect(signers.map(({ validator }) => validator)).toEqual(
      signed.map(({ validator }) => validator),
    )
    expect(signers).toHaveLength(1)
  })

  test('waits for signatures while no validator signed', async () => {
    const [event] = send(1) as [SentMessageEvent]
    await world.index(world.a) // no world.sign()
    const route = world.route(world.a, world.b)
    expect(await route.deliverPass()).toBeUndefined()
    expect(await stateOf(event)).toMatchObject({ stage: 'ready', reason: 'waiting_signatures' })
    expect(world.b.calls.get('submit')).toBeUndefined()
  })

  test('waits for channel order when the destination expects an earlier nonce', async () => {
    const [first, second] = await ready(send(2))
    // The store believes nonce 1 landed; the destination does not: nonce 2 must wait.
    await world.store.updateMessages([
      { id: (first as SentMessageEvent).id, stage: 'done', reason: 'delivered' },
    ])
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    expect(await stateOf(second as SentMessageEvent)).toMatchObject({
      stage: 'ready',
      reason: 'waiting_channel_order',
    })
    expect(world.b.transactions).toHaveLength(0)
  })

  test('records what someone else delivered first', async () => {
    const [event] = await ready(send(1))
    await world.b.submit(
      { type: 'deliverBatch', messages: [(event as SentMessageEvent).encoded], proofs: ['0x'] },
      { gasFloor: 0n, messageIds: [] },
    )
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    await route.drain()
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({
      stage: 'done',
      reason: 'delivered_by_other',
      status: MessageStatus.Executed,
    })
    expect(world.b.transactions).toHaveLength(1)
  })

  test.each([
    'gas_estimate_reverted',
    'tx_reverted',
    'rpc_error',
    'nonce_conflict',
    'gas_price_above_cap',
  ] as const)('a %s from the adapter is recorded as such, then delivered', async (reason) => {
    const [event] = await ready(send(1))
    world.b.failNext({ type: 'chain', reason })
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    await route.drain()
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({
      stage: 'ready',
      reason,
      attempts: 1,
    })
    await route.deliverPass()
    await route.drain()
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({
      stage: 'done',
      reason: 'delivered',
      attempts: 2,
    })
  })

  test('a submit that times out is an rpc_error, retried', async () => {
    const [event] = await ready(send(1))
    world.b.failNext({ type: 'timeout', ms: 20 })
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    await route.drain()
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({ reason: 'rpc_error' })
  })

  test('an error no adapter names (a TypeError) is internal_error, on the retry backoff', async () => {
    const [event] = await ready(send(1))
    const slow = {
      ...UNIT_POLICY,
      retry: { ...UNIT_POLICY.retry, initialDelayMs: 60_000, maxDelayMs: 60_000 },
    }
    world.b.failNext({ type: 'throw', error: new TypeError("reading 'x' of undefined") })
    const route = world.route(world.a, world.b, { policy: slow })
    const before = Date.now()
    await route.deliverPass()
    await route.drain()
    const message = await stateOf(event as SentMessageEvent)
    expect(message).toMatchObject({
      stage: 'ready',
      reason: 'internal_error',
      attempts: 1,
    })
    expect(message.nextAttemptAt?.getTime()).toBeGreaterThanOrEqual(before + 60_000)
    // Not due: the next passes claim nothing and submit nothing (no loop on the failure).
    for (let i = 0; i < 3; i++) expect(await route.deliverPass()).toBeUndefined()
    expect(world.b.calls.get('submit')).toBe(1)
  })

  test('a store write that fails inside a delivery task is recorded, not an unhandled rejection', async () => {
    const [event] = await ready(send(1))
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      // The delivery fails on the chain, and the store refuses the write that records it, once.
      world.b.failNext({ type: 'chain', reason: 'rpc_error' })
      const store = failingOnce(world.store, (updates) => updates[0]?.reason === 'rpc_error')
      const route = world.route(world.a, world.b, { store })
      await route.deliverPass()
      // Not `drain()`: it would await the task, and nothing awaits it while the relayer runs.
      for (let i = 0; i < 50 && world.b.calls.get('submit') === undefined; i++) await sleep(5)
      await sleep(100)
      expect(unhandled).toEqual([])
      expect(await stateOf(event as SentMessageEvent)).toMatchObject({
        stage: 'ready',
        reason: 'internal_error',
      })
      // The loop goes on: the next pass delivers it.
      await route.deliverPass()
      await route.drain()
      expect(await stateOf(event as SentMessageEvent)).toMatchObject({ reason: 'delivered' })
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  test('a store failure in a pass is recorded internal_error on the claimed messages', async () => {
    const [event] = await ready(send(1))
    const store = failingOnce(world.store, (updates) => updates[0]?.reason === 'submitting')
    const route = world.route(world.a, world.b, { store })
    await expect(route.deliverPass()).rejects.toThrow('store write failed')
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({
      stage: 'ready',
      reason: 'internal_error',
      attempts: 1,
    })
  })
})

describe('fees', () => {
  test('an underpaid message waits until a top-up pays for it', async () => {
    await world.close()
    const domain = nextDomain
    world = await newWorld({ ...UNIT_POLICY, minimumFee: new Map([[domain, 100n]]) })
    const [event] = await ready(send(1, { destination: 2, fee: 40n }))
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({ reason: 'underpaid' })
    world.a.addFee((event as SentMessageEvent).id, 60n)
    world.a.mine(world.confirmations + 1)
    await world.index(world.a)
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({ feePaid: 100n })
    await route.deliverPass()
    await route.drain()
    expect(await reasonsOf(event as SentMessageEvent)).toEqual(
      expect.arrayContaining(['underpaid', 'fee_added', 'delivered']),
    )
  })
})

describe('fees to a rollup', () => {
  // Ethereum mainnet-like L1 fees and Fjord scalars (PROTOCOL §9), an ETH → ETH route (rate 1e18).
  const pricing: L1DeliveryPricing = {
    l1FeeConfig: {
      l1BaseFee: 20_000_000_000n,
      blobBaseFee: 3_000_000_000n,
      baseFeeScalar: 1368,
      blobBaseFeeScalar: 810_949,
      overheadBytes: 600,
    },
    rate: 10n ** 18n,
  }
  const l1DeliveryCost = async (encoded: Hex) => priceL1Delivery(pricing, encoded)

  test('a message paying for L2 gas but not the L1 data fee waits underpaid; the rest delivers it', async () => {
    await world.close()
    const domain = nextDomain
    world = await newWorld({ ...UNIT_POLICY, minimumFee: new Map([[domain, 100n]]) })
    const [event] = (await ready(send(1, { destination: 2, fee: 100n }))) as SentMessageEvent[]
    const l1Fee = priceL1Delivery(pricing, (await stateOf(event as SentMessageEvent)).encoded)
    expect(l1Fee).toBeGreaterThan(0n)
    const route = world.route(world.a, world.b, { l1DeliveryCost })
    await route.deliverPass()
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({ reason: 'underpaid' })
    const [underpaid] = (await world.store.getAttempts((event as SentMessageEvent).id)).filter(
      (attempt) => attempt.reason === 'underpaid',
    )
    expect(underpaid?.detail).toContain(`policy asks ${100n + l1Fee} (100 + L1 data fee)`)
    world.a.addFee((event as SentMessageEvent).id, l1Fee)
    world.a.mine(world.confirmations + 1)
    await world.index(world.a)
    await route.deliverPass()
    await route.drain()
    expect(await reasonsOf(event as SentMessageEvent)).toEqual(
      expect.arrayContaining(['underpaid', 'fee_added', 'delivered']),
    )
  })

  test('the same message is paid enough on a route without an L1 data fee', async () => {
    await world.close()
    const domain = nextDomain
    world = await newWorld({ ...UNIT_POLICY, minimumFee: new Map([[domain, 100n]]) })
    const [event] = (await ready(send(1, { destination: 2, fee: 100n }))) as SentMessageEvent[]
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    await route.drain()
    expect(await reasonsOf(event as SentMessageEvent)).toContain('delivered')
  })
})

describe('retries and timeouts', () => {
  async function deliverFailing(parameters: Parameters<FakeWorld['a']['send']>[0]) {
    const [event] = await ready(send(1, parameters))
    const id = (event as SentMessageEvent).id
    world.b.failHandler(id)
    const route = world.route(world.a, world.b)
    await route.deliverPass()
    await route.drain()
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({
      stage: 'failed',
      reason: 'retry_scheduled',
      status: MessageStatus.Failed,
    })
    return { event: event as SentMessageEvent, route }
  }

  test('a Failed message is retried until it executes', async () => {
    const { event, route } = await deliverFailing({ destination: 2 })
    world.b.succeed(event.id)
    await route.retryPass()
    expect(await stateOf(event)).toMatchObject({
      stage: 'done',
      reason: 'retried',
      status: MessageStatus.Executed,
      attempts: 2,
    })
  })

  test('retries stop after maxAttempts (retries_exhausted)', async () => {
    const { event, route } = await deliverFailing({ destination: 2 })
    for (let i = 0; i < UNIT_POLICY.retry.maxAttempts; i++) await route.retryPass()
    expect(await stateOf(event)).toMatchObject({
      stage: 'failed',
      reason: 'retries_exhausted',
      attempts: UNIT_POLICY.retry.maxAttempts,
    })
  })

  test('a message past its deadline is timed out', async () => {
    const { event, route } = await deliverFailing({ destination: 2, deadline: 1_800_000_000n })
    world.b.setTime(1_800_000_100n)
    world.b.mine()
    await route.retryPass()
    expect(await stateOf(event)).toMatchObject({
      stage: 'done',
      reason: 'timed_out',
      status: MessageStatus.TimedOut,
    })
  })

  test('an internal error in a retry counts toward maxAttempts, then parks the message', async () => {
    const { event, route } = await deliverFailing({ destination: 2 })
    const attempts = UNIT_POLICY.retry.maxAttempts - 1
    for (let i = 0; i < attempts; i++) {
      world.b.failNext({ type: 'throw', error: new TypeError('bug') })
      await route.retryPass()
    }
    expect(await reasonsOf(event)).toContain('internal_error')
    expect(await stateOf(event)).toMatchObject({
      stage: 'failed',
      reason: 'retries_exhausted',
      attempts: UNIT_POLICY.retry.maxAttempts,
    })
    expect(world.b.calls.get('submit')).toBe(1 + attempts)
  })
})

describe('origin indexer', () => {
  test('indexes sent messages as pending, then final', async () => {
    const [event] = sent.concat(world.a.send({ destination: world.b.domain }))
    await world.index(world.a)
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({
      stage: 'pending',
      reason: 'indexed',
    })
    world.a.mine(world.confirmations + 1)
    await world.index(world.a)
    expect(await stateOf(event as SentMessageEvent)).toMatchObject({ stage: 'ready' })
  })

  test('orphans what a reorg removed, and never delivers it', async () => {
    const event = world.a.send({ destination: world.b.domain })
    sent.push(event)
    await world.index(world.a)
    world.a.reorg(event.block.number)
    await world.index(world.a)
    expect(await stateOf(event)).toMatchObject({ stage: 'orphaned', reason: 'orphaned' })
  })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `store`, whose `updateMessages` rejects once, the first time `when` holds for its argument. */
function failingOnce(
  store: RelayerStore,
  when: (updates: readonly MessageUpdate[]) => boolean,
): RelayerStore {
  let failed = false
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'updateMessages') return Reflect.get(target, property, receiver)
      return async (updates: readonly MessageUpdate[]) => {
        if (!failed && when(updates)) {
          failed = true
          throw new Error('store write failed')
        }
        return target.updateMessages(updates)
      }
    },
  })
}

describe('reason codes', () => {
  // Runs last in this file: the tests above have recorded what they reached.
  test('every reason code the relayer records was reached by a test above', () => {
    const missing = Object.entries(EVERY_REASON).flatMap(([reason, why]) =>
      // CAST: the keys of a Record<ReasonCode, …> are reason codes.
      why === 'produced' && !seen.has(reason as ReasonCode) ? [reason] : [],
    )
    // `resumed_after_restart` needs a restart: runRelayer.test.ts reaches it.
    expect(missing).toEqual(['resumed_after_restart'])
  })
})

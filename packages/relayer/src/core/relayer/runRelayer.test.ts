// runRelayer's start-up over fake chains: what a previous run left `submitted` is resumed only
// when this relayer held its channel's lease or the lease expired, so a relayer (re)starting
// beside a live one on one PostgreSQL never resubmits the live one's in-flight batch.

import type { SentMessageEvent } from '@ferry/sdk'
import { type StartedPostgres, startPostgres } from '@ferry/testkit'
import type { Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openStore } from '../../store/openStore.js'
import type { RelayerStore } from '../../store/types.js'
import type { RelayerPolicy } from './policy.js'
import { runRelayer } from './runRelayer.js'
import { createFakeWorld, type FakeWorld, logger, UNIT_POLICY } from './test/fakeWorld.js'

const POLICY: RelayerPolicy = {
  ...UNIT_POLICY,
  retry: { ...UNIT_POLICY.retry, initialDelayMs: 50, maxDelayMs: 200 },
}

/** Starts `runRelayer` on the world's route a → b; `stop()` aborts it and waits for it. */
function start(world: FakeWorld, store: RelayerStore, owner: string) {
  const controller = new AbortController()
  const done = runRelayer({
    chains: [world.a, world.b].map((adapter) => ({
      adapter,
      finality: { confirmations: world.confirmations },
      pollIntervalMs: 20,
    })),
    store,
    validators: new Map([
      [world.a.domain, { urls: world.urls.get(world.a.domain) ?? [], threshold: 1 }],
    ]),
    routes: [[world.a.domain, world.b.domain]],
    owner,
    policy: POLICY,
    logger,
    signal: controller.signal,
  })
  return {
    done,
    async stop() {
      controller.abort()
      await done
    },
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function stages(store: RelayerStore, events: readonly SentMessageEvent[]) {
  return Promise.all(events.map(async ({ id }) => (await store.getMessage(id))?.stage))
}

/** Sends `count` messages a → b on one channel, final and signed. */
async function sendFinal(world: FakeWorld, count: number) {
  const events = Array.from({ length: count }, () => world.a.send({ destination: world.b.domain }))
  world.a.mine(world.confirmations + 1)
  await world.sign()
  return events
}

/** Every message in exactly one mined transaction, and no submit refused. */
function expectDeliveredOnce(world: FakeWorld, events: readonly SentMessageEvent[]) {
  expect(world.b.rejected).toEqual([])
  const carried = new Map<Hex, number>()
  for (const { messageIds } of world.b.transactions)
    for (const id of messageIds) carried.set(id, (carried.get(id) ?? 0) + 1)
  for (const { id } of events) expect(carried.get(id), `transactions carrying ${id}`).toBe(1)
}

describe('runRelayer on one store', () => {
  let store: RelayerStore
  let validatorStore: RelayerStore
  beforeAll(async () => {
    ;[store, validatorStore] = await Promise.all([openStore('memory://'), openStore('memory://')])
  })
  afterAll(async () => {
    await store?.close()
    await validatorStore?.close()
  })

  /** Leaves `events` `submitted` under `owner`'s lease until `leaseUntil`, as a crash would. */
  async function crashWhileSubmitted(
    world: FakeWorld,
    events: readonly SentMessageEvent[],
    owner: string,
    leaseUntil: Date,
  ) {
    await world.index(world.a)
    const claimed = await store.claimReady({
      origin: world.a.domain,
      destination: world.b.domain,
      owner,
      now: new Date(),
      leaseUntil,
      limit: 10,
    })
    expect(claimed.map((m) => m.id)).toEqual(events.map((e) => e.id))
    await store.updateMessages(
      claimed.map((m) => ({ id: m.id, stage: 'submitted', reason: 'submitting' })),
    )
  }

  test('resumes what it left submitted itself, and delivers it', async () => {
    const world = await createFakeWorld({ store, validatorStore, domains: [11, 12] })
    const events = await sendFinal(world, 2)
    await crashWhileSubmitted(world, events, 'relayer-1', new Date(Date.now() + 60_000))
    const relayer = start(world, store, 'relayer-1')
    await waitFor('delivered', async () => (await stages(store, events)).every((s) => s === 'done'))
    await relayer.stop()
    for (const { id } of events)
      expect((await store.getAttempts(id)).map((a) => a.reason)).toEqual([
        'submitting',
        'resumed_after_restart',
        'submitting',
        'delivered',
      ])
    expectDeliveredOnce(world, events)
    await world.close()
  })

  test('leaves another relayer’s live lease alone', async () => {
    const world = await createFakeWorld({ store, validatorStore, domains: [13, 14] })
    const events = await sendFinal(world, 1)
    await crashWhileSubmitted(world, events, 'relayer-1', new Date(Date.now() + 60_000))
    const relayer = start(world, store, 'relayer-2')
    await new Promise((resolve) => setTimeout(resolve, 300))
    await relayer.stop()
    expect(await stages(store, events)).toEqual(['submitted'])
    expect(world.b.calls.get('submit')).toBeUndefined()
    await world.close()
  })

  test('takes over what another relayer left submitted once its lease expired', async () => {
    const world = await createFakeWorld({ store, validatorStore, domains: [15, 16] })
    const events = await sendFinal(world, 1)
    await crashWhileSubmitted(world, events, 'relayer-1', new Date(Date.now() - 1_000))
    const relayer = start(world, store, 'relayer-2')
    await waitFor('delivered', async () => (await stages(store, events)).every((s) => s === 'done'))
    await relayer.stop()
    expectDeliveredOnce(world, events)
    await world.close()
  })
})

describe('two relayers on one PostgreSQL', () => {
  let postgres: StartedPostgres
  const stores: RelayerStore[] = []
  let validatorStore: RelayerStore
  beforeAll(async () => {
    postgres = await startPostgres()
    validatorStore = await openStore('memory://')
    // One store each, opened on its own: two processes' worth of connections.
    for (let i = 0; i < 2; i++) stores.push(await openStore(postgres.url, { poolSize: 2 }))
  }, 60_000)
  afterAll(async () => {
    for (const store of stores) await store.close()
    await validatorStore?.close()
    await postgres?.stop()
  })

  test('one restarting while the other has a batch in flight resubmits nothing', async () => {
    const [storeA, storeB] = stores as [RelayerStore, RelayerStore]
    const world = await createFakeWorld({ store: storeA, validatorStore, domains: [21, 22] })
    const release = world.b.hold() // every delivery stays in flight until released
    const events = await sendFinal(world, 3)
    const live = start(world, storeA, 'relayer-1')
    await waitFor('the batch in flight', async () =>
      (await stages(storeA, events)).every((s) => s === 'submitted'),
    )
    // relayer-2 was down, and comes back while relayer-1's batch is in flight.
    const first = start(world, storeB, 'relayer-2')
    await first.stop()
    const restarted = start(world, storeB, 'relayer-2')
    await new Promise((resolve) => setTimeout(resolve, 300)) // passes of both, batch still held
    release()
    await waitFor('delivered', async () =>
      (await stages(storeA, events)).every((s) => s === 'done'),
    )
    await Promise.all([live.stop(), restarted.stop()])
    expectDeliveredOnce(world, events)
    expect(world.b.calls.get('submit')).toBe(1)
    for (const { id } of events)
      expect(await storeB.getMessage(id)).toMatchObject({ reason: 'delivered', attempts: 1 })
    await world.close()
  })
})

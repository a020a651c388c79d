// The operator API over a real relayer: two `hardhat node`s, validators, the relayer running on
// a store observed by the lifecycle bus, and `startRelayerApi` beside it over the relayer's own
// chains and validators, as `ferry relayer start` wires them. A message sent on A is followed on the SSE stream until delivered, then
// read back through GET /v1/messages/{id}, /v1/channels, /v1/chains, /v1/validators and /metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningRelayerApi, startRelayerApi } from '../../src/api/startRelayerApi.ts'
import { readEvents } from '../../src/api/test/readEvents.ts'
import { createEventBus } from '../../src/events/createEventBus.ts'
import { observeStore } from '../../src/events/observeStore.ts'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, testLogger, waitFor } from '../world/agents.ts'
import { evmAgentChain } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  sendMessages,
  startEvmWorld,
  toB32,
} from '../world/evmWorld.ts'

const CONFIRMATIONS = 2

/** GET `url` as JSON. */
// biome-ignore lint/suspicious/noExplicitAny: the test reads answers freely; contract.test.ts checks their shapes
const json = async (url: string): Promise<any> => (await fetch(url)).json()

describe('the relayer API over hardhat nodes', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let opened: RelayerStore
  let validatorStore: RelayerStore
  let agents: Agents
  let api: RunningRelayerApi

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    opened = await openStore('memory://')
    validatorStore = await openStore('memory://')
    const bus = createEventBus()
    const store = observeStore(opened, bus, { logger: testLogger })
    agents = await startAgents({
      chains: world.chains.map((chain) => evmAgentChain(chain, CONFIRMATIONS)),
      store,
      validatorStore,
    })
    api = await startRelayerApi({
      store,
      bus,
      chains: agents.relayer.chains.map((chain) => ({
        ...chain,
        name: `hardhat-${chain.adapter.domain}`,
      })),
      validators: agents.relayer.validators,
      port: 0,
      monitorIntervalMs: 200,
      logger: testLogger,
    })
  }, 120_000)

  afterAll(async () => {
    await agents?.relayer.stop()
    await api?.close()
    await agents?.validators.stop()
    await opened?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  it('follows a message from send to delivery on the SSE stream and through GET /v1/messages/{id}', async () => {
    const events = readEvents(await fetch(`${api.url}/v1/events`))
    const [id] = await sendMessages(a, 1, {
      destination: b.domain,
      recipient: toB32(b.apps[0]),
      body: '0xc0ffee',
      // A first write of several storage slots, the body among them.
      gasLimit: 400_000,
    })
    if (!id) throw new Error('nothing sent')

    const delivered = await events
      .next(
        (event) => event.event === 'delivered' && JSON.parse(event.data).messageId === id,
        60_000,
      )
      .catch(async (error) => {
        const stored = await opened.getMessage(id)
        throw new Error(
          `${error}; saw ${JSON.stringify(events.events.map((e) => e.event))}; stored ${stored?.stage}/${stored?.reason}`,
        )
      })
    const ours = events.events
      .map((event) => JSON.parse(event.data))
      .filter((event) => event.messageId === id)
    expect(ours.map((event) => event.type)).toEqual(
      expect.arrayContaining(['indexed', 'finalized', 'submitted', 'delivered']),
    )
    expect(ours.map((event) => event.seq)).toEqual(
      [...ours.map((event) => event.seq)].sort((x, y) => x - y),
    )
    expect(JSON.parse(delivered.data)).toMatchObject({
      status: 'executed',
      transactionHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    })
    await events.cancel()

    const message = await json(`${api.url}/v1/messages/${id}`)
    expect(message).toMatchObject({
      id,
      origin: a.domain,
      destination: b.domain,
      stage: 'done',
      status: 'executed',
      decoded: { body: '0xc0ffee' },
      lifecycle: {
        sent: { transactionHash: expect.stringMatching(/^0x/) },
        finalized: { at: expect.any(String) },
        delivered: {
          status: 'executed',
          transactionHash: JSON.parse(delivered.data).transactionHash,
        },
      },
    })
    expect(
      message.lifecycle.attempts.map((attempt: { reason: string }) => attempt.reason),
    ).toContain('delivered')

    const channel = await json(`${api.url}/v1/channels/${message.channel}`)
    expect(channel).toMatchObject({
      highestSentNonce: message.nonce,
      highestDeliveredNonce: message.nonce,
      blockedBy: null,
    })

    await waitFor('the monitor saw both chains', async () => {
      const chains = await json(`${api.url}/v1/chains`)
      return chains.items.every(
        (chain: { healthy: boolean; signerBalance: string | null }) =>
          chain.healthy && chain.signerBalance !== null,
      )
    })
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200)
    const origins = await json(`${api.url}/v1/validators`)
    expect(origins.items).toHaveLength(2)
    for (const origin of origins.items)
      for (const validator of origin.validators)
        expect(['ok', 'no_checkpoint']).toContain(validator.state)
    const metrics = await (await fetch(`${api.url}/metrics`)).text()
    expect(metrics).toMatch(/ferry_delivery_latency_seconds_count [1-9]/)
    expect(metrics).toContain('ferry_messages{stage="done"}')
  }, 90_000)
})

// The relayer end to end over two real `hardhat node`s: validators sign, the relayer indexes,
// proves and delivers both ways across several channels, each message exactly once and in order;
// acks come back; a message whose handler keeps failing is retried, then timed out after its
// deadline, and its ack reports TimedOut.
import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, waitFor } from '../world/agents.ts'
import { evmAgentChain } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  readApp,
  revertingHandled,
  sendMessages,
  setReverting,
  startEvmWorld,
  toB32,
} from '../world/evmWorld.ts'
import { allDone, expectDeliveredByOne } from '../world/exactlyOnce.ts'
import { evmDeliveries, expectInOrder } from '../world/inOrder.ts'

const CONFIRMATIONS = 2

describe('EVM ↔ EVM over hardhat nodes', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore
  let agents: Agents

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    agents = await startAgents({
      chains: world.chains.map((chain) => evmAgentChain(chain, CONFIRMATIONS)),
      store,
      validatorStore,
    })
  })

  afterAll(async () => {
    await agents?.stop()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  it('delivers 1,002 messages both ways across six channels, each once and in channel order', async () => {
    const perChannel = 167
    const before = await Promise.all(
      [a, b].flatMap((chain) => chain.apps.map((app) => readApp(chain, app, 'handled'))),
    )
    const sent = await Promise.all([
      ...([0, 1, 2] as const).map((i) =>
        sendMessages(a, perChannel, {
          app: a.apps[i],
          destination: b.domain,
          recipient: toB32(b.apps[i]),
        }),
      ),
      ...([0, 1, 2] as const).map((i) =>
        sendMessages(b, perChannel, {
          app: b.apps[i],
          destination: a.domain,
          recipient: toB32(a.apps[i]),
        }),
      ),
    ])
    const ids = sent.flat()
    expect(ids).toHaveLength(1_002)
    await waitFor('every message delivered', () => allDone(store, ids), 120_000)

    await expectDeliveredByOne(store, ids)
    const after = await Promise.all(
      [b, a].flatMap((chain) => chain.apps.map((app) => readApp(chain, app, 'handled'))),
    )
    // Each recipient handled exactly its channel's messages: none lost, none twice.
    const beforeByRecipient = [...before.slice(3), ...before.slice(0, 3)]
    for (const [i, count] of after.entries())
      expect(count - (beforeByRecipient[i] ?? 0n)).toBe(BigInt(perChannel))

    // On each destination, its three channels' deliveries came in nonce order, once each.
    expectInOrder(await evmDeliveries(b), sent.slice(0, 3).flat(), 3)
    expectInOrder(await evmDeliveries(a), sent.slice(3).flat(), 3)
  })

  it('brings acks back to the sender for messages that request one', async () => {
    const acksBefore = await readApp(a, a.apps[1], 'acksHandled')
    const ids = await sendMessages(a, 5, {
      app: a.apps[1],
      destination: b.domain,
      recipient: toB32(b.apps[2]),
      ackGasLimit: 100_000,
    })
    await waitFor(
      'acks handled',
      async () => (await readApp(a, a.apps[1], 'acksHandled')) - acksBefore === 5n,
    )
    await waitFor('acks recorded', () => allDone(store, ids))
    // The acks are messages too: sent by B's endpoint, indexed and delivered back to A.
    // The chain can show the ack handled a moment before the relayer records its receipt.
    const recordedAcks = async () =>
      (await store.getMessagesInStage('done', 10_000)).filter(
        (message) =>
          message.origin === b.domain &&
          message.flags === 1 &&
          message.recipient === toB32(a.apps[1]),
      ).length
    await waitFor('acks recorded as delivered', async () => (await recordedAcks()) === 5)
    expect(await readApp(a, a.apps[1], 'lastAckStatus')).toBe(MessageStatus.Executed)
  })

  it('retries a failing message, then times it out after its deadline; its ack reports TimedOut', async () => {
    // Hardhat stamps each block at least a second after the last, so its clock outruns ours:
    // the deadline is far off, and the test moves B's clock past it once the message Failed.
    const block = await b.client.getBlock()
    const deadline = block.timestamp + 100_000n
    const [id] = await sendMessages(a, 1, {
      app: a.apps[2],
      destination: b.domain,
      recipient: toB32(b.reverting),
      // The ack handler stores the revert data it is given: a first write of several slots.
      ackGasLimit: 300_000,
      deadline,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor(
      'first delivery Failed',
      async () => (await store.getMessage(id))?.status === MessageStatus.Failed,
    )
    await b.client.request({ method: 'evm_increaseTime', params: [200_000] } as never)
    await waitFor('timed out', async () => (await store.getMessage(id))?.stage === 'done', 15_000)
    const message = await store.getMessage(id)
    expect(message?.status).toBe(MessageStatus.TimedOut)
    const reasons = (await store.getAttempts(id)).map((attempt) => attempt.reason)
    expect(reasons).toContain('retry_scheduled')
    expect(reasons.at(-1)).toBe('timed_out')
    expect(await revertingHandled(b)).toBe(0n)
    await waitFor('TimedOut ack handled', async () => {
      const [ackId, status] = await Promise.all([
        readApp(a, a.apps[2], 'lastAckId'),
        readApp(a, a.apps[2], 'lastAckStatus'),
      ])
      return ackId === id && status === MessageStatus.TimedOut
    })
  })

  it('retries a Failed message until its handler succeeds', async () => {
    const [id] = await sendMessages(b, 1, {
      app: b.apps[0],
      destination: a.domain,
      recipient: toB32(a.reverting),
    })
    if (!id) throw new Error('nothing sent')
    await waitFor(
      'first delivery Failed',
      async () => (await store.getMessage(id))?.stage === 'failed',
    )
    await setReverting(a, false)
    await waitFor(
      'retried to Executed',
      async () => (await store.getMessage(id))?.stage === 'done',
      30_000,
    )
    expect((await store.getMessage(id))?.status).toBe(MessageStatus.Executed)
    expect((await store.getAttempts(id)).map((attempt) => attempt.reason)).toEqual(
      expect.arrayContaining(['retry_scheduled', 'retried']),
    )
    expect(await revertingHandled(a)).toBe(1n)
  })
})

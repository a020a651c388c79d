// The relayer end to end over two real `hardhat node`s: validators sign, the relayer indexes,
// proves and delivers both ways across several channels, each message exactly once and in order;
// acks come back; a message whose handler keeps failing is retried, then timed out after its
// deadline, and its ack reports TimedOut.
import { endpointAbi, revertingRecipientAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/sdk/codec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import {
  type RunningRelayer,
  type RunningValidators,
  startRelayer,
  startValidators,
  waitFor,
} from '../world/agents.ts'
import { evmAdapter } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  RELAYER_KEYS,
  sendMessages,
  startEvmWorld,
  THRESHOLD,
  toB32,
  validatorKeys,
} from '../world/evmWorld.ts'

const CONFIRMATIONS = 2

describe('EVM ↔ EVM over hardhat nodes', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore
  let validators: RunningValidators
  let relayer: RunningRelayer

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    validators = await startValidators(
      validatorStore,
      world.chains.map((chain) => ({
        chain: evmAdapter(chain, validatorStore),
        keys: validatorKeys(chain.domain),
        confirmations: CONFIRMATIONS,
      })),
      50,
    )
    relayer = startRelayer({
      store,
      chains: world.chains.map((chain) => ({
        adapter: evmAdapter(chain, store, RELAYER_KEYS[0]),
        confirmations: CONFIRMATIONS,
        pollIntervalMs: 50,
      })),
      validators: new Map(
        world.chains.map((chain) => [
          chain.domain,
          { urls: validators.urls.get(chain.domain) ?? [], threshold: THRESHOLD },
        ]),
      ),
    })
  })

  afterAll(async () => {
    await relayer?.stop()
    await validators?.stop()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  const done = async (ids: readonly `0x${string}`[]) => {
    for (const id of ids) if ((await store.getMessage(id))?.stage !== 'done') return false
    return true
  }

  it('delivers 1,002 messages both ways across six channels, each once and in channel order', async () => {
    const perChannel = 167
    const before = await Promise.all(
      [a, b].flatMap((chain) =>
        chain.apps.map((app) =>
          chain.client.readContract({
            address: app,
            abi: testRecipientAbi,
            functionName: 'handled',
          }),
        ),
      ),
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
    await waitFor('every message delivered', () => done(ids), 120_000)

    for (const id of ids) {
      expect((await store.getMessage(id))?.status).toBe(MessageStatus.Executed)
      const outcomes = (await store.getAttempts(id)).filter(
        (attempt) => attempt.reason === 'delivered',
      )
      expect(outcomes).toHaveLength(1)
    }
    const after = await Promise.all(
      [b, a].flatMap((chain) =>
        chain.apps.map((app) =>
          chain.client.readContract({
            address: app,
            abi: testRecipientAbi,
            functionName: 'handled',
          }),
        ),
      ),
    )
    // Each recipient handled exactly its channel's messages: none lost, none twice.
    const beforeByRecipient = [...before.slice(3), ...before.slice(0, 3)]
    for (const [i, count] of after.entries())
      expect(count - (beforeByRecipient[i] ?? 0n)).toBe(BigInt(perChannel))

    // On each destination, every channel's deliveries came in nonce order, once each.
    const wanted = new Set(ids)
    for (const destination of [a, b]) {
      const logs = await destination.client.getContractEvents({
        address: destination.endpoint,
        abi: endpointAbi,
        eventName: 'MessageDelivered',
        fromBlock: 0n,
        strict: true,
      })
      const byChannel = new Map<string, bigint[]>()
      const seen = new Set<string>()
      for (const log of logs) {
        if (!wanted.has(log.args.id)) continue
        expect(seen.has(log.args.id)).toBe(false)
        seen.add(log.args.id)
        const key = `${log.args.origin}:${log.args.sender}`
        byChannel.set(key, [...(byChannel.get(key) ?? []), log.args.nonce])
      }
      expect(byChannel.size).toBe(3)
      for (const nonces of byChannel.values()) {
        for (let i = 1; i < nonces.length; i++) expect(nonces[i]).toBe((nonces[i - 1] ?? 0n) + 1n)
      }
    }
  })

  it('brings acks back to the sender for messages that request one', async () => {
    const acksBefore = await a.client.readContract({
      address: a.apps[1],
      abi: testRecipientAbi,
      functionName: 'acksHandled',
    })
    const ids = await sendMessages(a, 5, {
      app: a.apps[1],
      destination: b.domain,
      recipient: toB32(b.apps[2]),
      ackGasLimit: 100_000,
    })
    await waitFor('acks handled', async () => {
      const acks = await a.client.readContract({
        address: a.apps[1],
        abi: testRecipientAbi,
        functionName: 'acksHandled',
      })
      return acks - acksBefore === 5n
    })
    await waitFor('acks recorded', () => done(ids))
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
    expect(
      await a.client.readContract({
        address: a.apps[1],
        abi: testRecipientAbi,
        functionName: 'lastAckStatus',
      }),
    ).toBe(MessageStatus.Executed)
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
    expect(
      await b.client.readContract({
        address: b.reverting,
        abi: revertingRecipientAbi,
        functionName: 'handled',
      }),
    ).toBe(0n)
    await waitFor('TimedOut ack handled', async () => {
      const [ackId, status] = await Promise.all([
        a.client.readContract({
          address: a.apps[2],
          abi: testRecipientAbi,
          functionName: 'lastAckId',
        }),
        a.client.readContract({
          address: a.apps[2],
          abi: testRecipientAbi,
          functionName: 'lastAckStatus',
        }),
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
    const hash = await a.wallet.writeContract({
      address: a.reverting,
      abi: revertingRecipientAbi,
      functionName: 'setReverting',
      args: [false],
      account: a.wallet.account!,
      chain: a.wallet.chain,
    })
    await a.client.waitForTransactionReceipt({ hash })
    await waitFor(
      'retried to Executed',
      async () => (await store.getMessage(id))?.stage === 'done',
      30_000,
    )
    expect((await store.getMessage(id))?.status).toBe(MessageStatus.Executed)
    expect((await store.getAttempts(id)).map((attempt) => attempt.reason)).toEqual(
      expect.arrayContaining(['retry_scheduled', 'retried']),
    )
    expect(
      await a.client.readContract({
        address: a.reverting,
        abi: revertingRecipientAbi,
        functionName: 'handled',
      }),
    ).toBe(1n)
  })
})

// The relayer end to end between two EVM chains (real `hardhat node`s) and a CosmWasm chain (the
// embedded VM with the real endpoint wasm): three validators per origin (two must sign) and one
// relayer over the three chains, on PGlite stores. Messages go both ways between EVM and
// CosmWasm on several channels, each delivered once and in order; acks come back to the sender's
// handler; a failing handler is retried until it succeeds; and one that keeps failing past its
// deadline is timed out, its ack reporting TimedOut. Outcomes are checked in the relayer's store
// and on the chains.
import { inboundNonce, messageStatus } from '@ferry/cosmwasm-bindings'
import { endpointAbi, revertingRecipientAbi } from '@ferry/evm-contracts'
import { bech32ToBytes32, MessageStatus } from '@ferry/protocol'
import { encodeErrorResult, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore, StoredMessage } from '../../src/store/types.ts'
import { type Agents, startAgents, waitFor } from '../world/agents.ts'
import {
  type CosmWasmWorld,
  cosmwasmAgentChain,
  cosmwasmDeliveries,
  handled,
  sendFromCosmWasm,
  setFlaky,
  startCosmWasmWorld,
  text,
} from '../world/cosmwasmWorld.ts'
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
import { evmDeliveries, expectInOrder, lastNonces } from '../world/inOrder.ts'

const EVM_CONFIRMATIONS = 2

describe('EVM ↔ CosmWasm', () => {
  let evm: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let cw: CosmWasmWorld
  let store: RelayerStore
  let validatorStore: RelayerStore
  let agents: Agents

  beforeAll(async () => {
    evm = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = evm.chains as [EvmChain, EvmChain]
    cw = await startCosmWasmWorld(evm, { tickMs: 100 })
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    agents = await startAgents({
      chains: [
        ...evm.chains.map((chain) => evmAgentChain(chain, EVM_CONFIRMATIONS)),
        cosmwasmAgentChain(cw),
      ],
      store,
      validatorStore,
    })
  })

  afterAll(async () => {
    await agents?.stop()
    cw?.stop()
    await store?.close()
    await validatorStore?.close()
    await evm?.stop()
  })

  const done = (ids: readonly Hex[]) => allDone(store, ids)
  const reasons = async (id: Hex) => (await store.getAttempts(id)).map((attempt) => attempt.reason)
  /** Whether both messages' last delivery Failed (each then waits for a retry). */
  const bothFailed = async (x: Hex, y: Hex) =>
    (await store.getMessage(x))?.status === MessageStatus.Failed &&
    (await store.getMessage(y))?.status === MessageStatus.Failed

  it('delivers 120 messages each way across three channels per direction, each once and in order', async () => {
    const perChannel = 40
    const cwBefore = await Promise.all(cw.apps.map((app) => handled(cw, app)))
    const evmTargets = [
      [a, a.apps[2]],
      [b, b.apps[1]],
      [b, b.apps[2]],
    ] as const
    const evmBefore = await Promise.all(
      evmTargets.map(([chain, app]) => readApp(chain, app, 'handled')),
    )

    const [toCosmWasm, fromCosmWasm] = await Promise.all([
      // EVM → CosmWasm: two channels from A, one from B, one per CosmWasm app.
      Promise.all([
        sendMessages(a, perChannel, {
          app: a.apps[0],
          destination: cw.domain,
          recipient: bech32ToBytes32(cw.apps[0]),
          body: text('ok:from a0'),
        }),
        sendMessages(a, perChannel, {
          app: a.apps[1],
          destination: cw.domain,
          recipient: bech32ToBytes32(cw.apps[1]),
        }),
        sendMessages(b, perChannel, {
          app: b.apps[0],
          destination: cw.domain,
          recipient: bech32ToBytes32(cw.apps[2]),
          body: text('ok:from b0'),
        }),
      ]),
      // CosmWasm → EVM: two apps (32-byte senders) and an account (a 20-byte sender).
      (async () => [
        await sendFromCosmWasm(cw, perChannel, {
          from: { app: cw.apps[0] },
          destination: a.domain,
          recipient: toB32(a.apps[2]),
          body: text('to a2'),
        }),
        await sendFromCosmWasm(cw, perChannel, {
          from: { app: cw.apps[1] },
          destination: b.domain,
          recipient: toB32(b.apps[1]),
        }),
        await sendFromCosmWasm(cw, perChannel, {
          from: 'user',
          destination: b.domain,
          recipient: toB32(b.apps[2]),
        }),
      ])(),
    ])
    const inbound = toCosmWasm.flat()
    const outbound = fromCosmWasm.flat()
    expect(new Set([...inbound, ...outbound]).size).toBe(240)
    await waitFor('every message delivered', () => done([...inbound, ...outbound]), 45_000)

    // The store: each Executed, by one delivery.
    const inboundStored = await expectDeliveredByOne(store, inbound)
    const outboundStored = await expectDeliveredByOne(store, outbound)

    // CosmWasm: each app handled its channel's 40, the endpoint's inbound nonces are at 40, and
    // each channel's deliveries came in nonce order, once each.
    const cwAfter = await Promise.all(cw.apps.map((app) => handled(cw, app)))
    for (const [i, after] of cwAfter.entries())
      expect(after.count - (cwBefore[i]?.count ?? 0)).toBe(perChannel)
    expect(cwAfter[0]?.last).toBe('ok:from a0')
    expect(cwAfter[2]?.last).toBe('ok:from b0')
    for (const { channel, nonce } of lastNonces(inboundStored))
      expect(await inboundNonce(cw.chain, { contract: cw.endpoint, channel })).toBe(nonce)
    for (const message of inboundStored.slice(0, 5))
      expect(
        await messageStatus(cw.chain, { contract: cw.endpoint, message: message.encoded }),
      ).toBe(MessageStatus.Executed)
    expect(expectInOrder(cosmwasmDeliveries(cw), inbound, 3).sort()).toEqual(
      lastNonces(inboundStored)
        .map((m) => m.nonce)
        .sort(),
    )

    // EVM: the same, on both chains.
    const evmAfter = await Promise.all(
      evmTargets.map(([chain, app]) => readApp(chain, app, 'handled')),
    )
    for (const [i, after] of evmAfter.entries())
      expect(after - (evmBefore[i] ?? 0n)).toBe(BigInt(perChannel))
    for (const { channel, destination, nonce } of lastNonces(outboundStored)) {
      const chain = destination === a.domain ? a : b
      expect(
        await chain.client.readContract({
          address: chain.endpoint,
          abi: endpointAbi,
          functionName: 'inboundNonce',
          args: [channel],
        }),
      ).toBe(nonce)
    }
    expectInOrder(new Map([...(await evmDeliveries(a)), ...(await evmDeliveries(b))]), outbound, 3)
  })

  it('brings acks back both ways: EVM → CosmWasm → EVM and CosmWasm → EVM → CosmWasm', async () => {
    const evmAcksBefore = await readApp(a, a.apps[1], 'acksHandled')
    const cwBefore = await handled(cw, cw.apps[2])
    const [toCosmWasm, fromCosmWasm] = await Promise.all([
      sendMessages(a, 3, {
        app: a.apps[1],
        destination: cw.domain,
        recipient: bech32ToBytes32(cw.apps[1]),
        body: text('ok:pong'),
        ackGasLimit: 100_000,
      }),
      sendFromCosmWasm(cw, 3, {
        from: { app: cw.apps[2] },
        destination: a.domain,
        recipient: toB32(a.apps[0]),
        ackGasLimit: 100_000,
      }),
    ])
    const lastToCosmWasm = toCosmWasm.at(-1) ?? '0x'
    const lastFromCosmWasm = fromCosmWasm.at(-1) ?? '0x'

    await waitFor('acks handled on EVM', async () => {
      const acks = await readApp(a, a.apps[1], 'acksHandled')
      return (
        acks - evmAcksBefore === 3n && (await readApp(a, a.apps[1], 'lastAckId')) === lastToCosmWasm
      )
    })
    expect(await readApp(a, a.apps[1], 'lastAckStatus')).toBe(MessageStatus.Executed)
    expect(await readApp(a, a.apps[1], 'lastAckResult')).toBe(text('pong'))

    // The CosmWasm app's handler counts acks too; its last one is the last message's ack
    // (Executed, with the EVM handler's empty result).
    await waitFor('acks handled on CosmWasm', async () => {
      const now = await handled(cw, cw.apps[2])
      return now.count - cwBefore.count === 3 && now.last === `ack:${lastFromCosmWasm}:1:`
    })

    await waitFor('originals recorded', () => done([...toCosmWasm, ...fromCosmWasm]))
    for (const id of [...toCosmWasm, ...fromCosmWasm])
      expect((await store.getMessage(id))?.status).toBe(MessageStatus.Executed)
    // The acks are messages too, sent by each destination's endpoint and carried back; the
    // relayer records each once its delivery's receipt is in (just after the handler ran).
    const doneAcks = async () =>
      (await store.getMessagesInStage('done', 10_000)).filter((message) => message.flags === 1)
    const acksTo = (acks: readonly StoredMessage[], origin: number, recipient: Hex) =>
      acks.filter((m) => m.origin === origin && m.recipient === recipient)
    await waitFor('acks recorded', async () => {
      const acks = await doneAcks()
      return (
        acksTo(acks, cw.domain, toB32(a.apps[1])).length === 3 &&
        acksTo(acks, a.domain, bech32ToBytes32(cw.apps[2])).length === 3
      )
    })
    const acks = await doneAcks()
    for (const ack of [
      ...acksTo(acks, cw.domain, toB32(a.apps[1])),
      ...acksTo(acks, a.domain, bech32ToBytes32(cw.apps[2])),
    ]) {
      expect(ack.status).toBe(MessageStatus.Executed)
      expect(await reasons(ack.id)).toContain('delivered')
    }
  })

  it('retries a Failed message until its handler succeeds, both ways', async () => {
    // EVM → CosmWasm: the test recipient's `flaky` handler fails while flaky is on.
    await setFlaky(cw, cw.apps[0], true)
    const [toCosmWasm] = await sendMessages(b, 1, {
      app: b.apps[1],
      destination: cw.domain,
      recipient: bech32ToBytes32(cw.apps[0]),
      body: text('flaky'),
    })
    // CosmWasm → EVM: the RevertingRecipient reverts until told not to.
    const [fromCosmWasm] = await sendFromCosmWasm(cw, 1, {
      from: { app: cw.apps[1] },
      destination: a.domain,
      recipient: toB32(a.reverting),
    })
    if (!toCosmWasm || !fromCosmWasm) throw new Error('nothing sent')
    await waitFor('both Failed', () => bothFailed(toCosmWasm, fromCosmWasm))
    for (const id of [toCosmWasm, fromCosmWasm])
      expect(await reasons(id)).toContain('retry_scheduled')
    const message = await store.getMessage(toCosmWasm)
    expect(
      await messageStatus(cw.chain, { contract: cw.endpoint, message: message?.encoded ?? '0x' }),
    ).toBe(MessageStatus.Failed)

    await setFlaky(cw, cw.apps[0], false)
    await setReverting(a, false)

    await waitFor('both retried to Executed', () => done([toCosmWasm, fromCosmWasm]), 30_000)
    for (const id of [toCosmWasm, fromCosmWasm]) {
      expect((await store.getMessage(id))?.status).toBe(MessageStatus.Executed)
      const log = await reasons(id)
      expect(log).toEqual(expect.arrayContaining(['retry_scheduled', 'retried']))
      expect(log.at(-1)).toBe('retried')
      expect(log.filter((reason) => reason === 'delivered')).toHaveLength(0)
    }
    expect(
      await messageStatus(cw.chain, { contract: cw.endpoint, message: message?.encoded ?? '0x' }),
    ).toBe(MessageStatus.Executed)
    expect((await handled(cw, cw.apps[0])).last).toBe('flaky')
    expect(await revertingHandled(a)).toBe(1n)
  })

  it('times out a message whose handler keeps failing past its deadline; its ack reports TimedOut', async () => {
    const handledBefore = await handled(cw, cw.apps[1])
    // EVM → CosmWasm, deadline on 7001's clock; the handler fails whatever happens.
    const cosmwasmDeadline = BigInt(cw.chain.time + 600)
    const [toCosmWasm] = await sendMessages(a, 1, {
      app: a.apps[2],
      destination: cw.domain,
      recipient: bech32ToBytes32(cw.apps[1]),
      body: text('fail:forever'),
      ackGasLimit: 100_000,
      deadline: cosmwasmDeadline,
    })
    // CosmWasm → EVM, deadline on B's clock (Hardhat's outruns ours: far off, moved past below).
    const evmDeadline = (await b.client.getBlock()).timestamp + 100_000n
    const [fromCosmWasm] = await sendFromCosmWasm(cw, 1, {
      from: { app: cw.apps[0] },
      destination: b.domain,
      recipient: toB32(b.reverting),
      ackGasLimit: 100_000,
      deadline: evmDeadline,
    })
    if (!toCosmWasm || !fromCosmWasm) throw new Error('nothing sent')
    await waitFor('both Failed', () => bothFailed(toCosmWasm, fromCosmWasm))

    // Both clocks move past the deadlines; the relayer's next retry pass times them out.
    cw.chain.advance({ seconds: 1_200 })
    await b.client.request({ method: 'evm_increaseTime', params: [200_000] } as never)
    await waitFor('both timed out', () => done([toCosmWasm, fromCosmWasm]), 30_000)
    for (const id of [toCosmWasm, fromCosmWasm]) {
      expect((await store.getMessage(id))?.status).toBe(MessageStatus.TimedOut)
      const log = await reasons(id)
      expect(log).toContain('retry_scheduled')
      expect(log.at(-1)).toBe('timed_out')
    }
    const message = await store.getMessage(toCosmWasm)
    expect(
      await messageStatus(cw.chain, { contract: cw.endpoint, message: message?.encoded ?? '0x' }),
    ).toBe(MessageStatus.TimedOut)
    // Neither handler ever succeeded (a failed handler's writes are undone).
    expect(await handled(cw, cw.apps[1])).toEqual(handledBefore)
    expect(await revertingHandled(b)).toBe(0n)

    // The acks: TimedOut, back at each sender's handler.
    await waitFor('TimedOut ack on EVM', async () => {
      const [id, status] = await Promise.all([
        readApp(a, a.apps[2], 'lastAckId'),
        readApp(a, a.apps[2], 'lastAckStatus'),
      ])
      return id === toCosmWasm && status === MessageStatus.TimedOut
    })
    await waitFor('TimedOut ack on CosmWasm', async () =>
      (await handled(cw, cw.apps[0])).last.startsWith(
        `ack:${fromCosmWasm}:${MessageStatus.TimedOut}:`,
      ),
    )
    // TimedOut carries the last revert data: the CosmWasm handler's error, the EVM custom error.
    const evmAckResult = await readApp(a, a.apps[2], 'lastAckResult')
    expect(Buffer.from(evmAckResult.slice(2), 'hex').toString('utf8')).toContain('forever')
    const reverted = encodeErrorResult({
      abi: revertingRecipientAbi,
      errorName: 'RevertingRecipientReverted',
      args: [(await store.getMessage(fromCosmWasm))?.nonce ?? 0n],
    })
    expect((await handled(cw, cw.apps[0])).last).toBe(
      `ack:${fromCosmWasm}:${MessageStatus.TimedOut}:${Buffer.from(reverted.slice(2), 'hex').toString('base64')}`,
    )
  })
})

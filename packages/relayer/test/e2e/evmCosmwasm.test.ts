// The relayer end to end between two EVM chains (real `hardhat node`s) and a CosmWasm chain (the
// embedded VM with the real endpoint wasm): three validators per origin (two must sign) and one
// relayer over the three chains, on PGlite stores. Messages go both ways between EVM and
// CosmWasm on several channels, each delivered once and in order; acks come back to the sender's
// handler; a failing handler is retried until it succeeds; and one that keeps failing past its
// deadline is timed out, its ack reporting TimedOut. Outcomes are checked in the relayer's store
// and on the chains.
import { inboundNonce, messageStatus } from '@ferry/cosmwasm-bindings'
import { endpointAbi, revertingRecipientAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { bech32ToBytes32, MessageStatus } from '@ferry/sdk/codec'
import { type Address, encodeErrorResult, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore, StoredMessage } from '../../src/store/types.ts'
import {
  type RunningRelayer,
  type RunningValidators,
  startRelayer,
  startValidators,
  waitFor,
} from '../world/agents.ts'
import {
  COSMWASM_RELAYER,
  COSMWASM_USER,
  type CosmWasmWorld,
  cosmwasmAdapter,
  handled,
  sendFromCosmWasm,
  setFlaky,
  startCosmWasmWorld,
  text,
} from '../world/cosmwasmWorld.ts'
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

const EVM_CONFIRMATIONS = 2
/** CometBFT's finality is instant. */
const COSMWASM_CONFIRMATIONS = 0

describe('EVM ↔ CosmWasm', () => {
  let evm: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let cw: CosmWasmWorld
  let store: RelayerStore
  let validatorStore: RelayerStore
  let validators: RunningValidators
  let relayer: RunningRelayer

  beforeAll(async () => {
    evm = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = evm.chains as [EvmChain, EvmChain]
    cw = await startCosmWasmWorld(evm, { tickMs: 100 })
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    validators = await startValidators(
      validatorStore,
      [
        ...evm.chains.map((chain) => ({
          chain: evmAdapter(chain, validatorStore),
          keys: validatorKeys(chain.domain),
          confirmations: EVM_CONFIRMATIONS,
        })),
        {
          chain: await cosmwasmAdapter(cw, COSMWASM_USER),
          keys: validatorKeys(cw.domain),
          confirmations: COSMWASM_CONFIRMATIONS,
        },
      ],
      50,
    )
    relayer = startRelayer({
      store,
      chains: [
        ...evm.chains.map((chain) => ({
          adapter: evmAdapter(chain, store, RELAYER_KEYS[0]),
          confirmations: EVM_CONFIRMATIONS,
          pollIntervalMs: 50,
        })),
        {
          adapter: await cosmwasmAdapter(cw, COSMWASM_RELAYER),
          confirmations: COSMWASM_CONFIRMATIONS,
          pollIntervalMs: 50,
        },
      ],
      validators: new Map(
        [...evm.chains.map((chain) => chain.domain), cw.domain].map((domain) => [
          domain,
          { urls: validators.urls.get(domain) ?? [], threshold: THRESHOLD },
        ]),
      ),
    })
  })

  afterAll(async () => {
    await relayer?.stop()
    await validators?.stop()
    cw?.stop()
    await store?.close()
    await validatorStore?.close()
    await evm?.stop()
  })

  /** The stored messages of `ids`, all `done`, or undefined while any is not. */
  const stored = async (ids: readonly Hex[]) => {
    const messages: StoredMessage[] = []
    for (const id of ids) {
      const message = await store.getMessage(id)
      if (message?.stage !== 'done') return undefined
      messages.push(message)
    }
    return messages
  }
  const done = async (ids: readonly Hex[]) => (await stored(ids)) !== undefined
  const reasons = async (id: Hex) => (await store.getAttempts(id)).map((attempt) => attempt.reason)
  const read = <name extends 'handled' | 'acksHandled' | 'lastAckId' | 'lastAckStatus'>(
    chain: EvmChain,
    app: Address,
    functionName: name,
  ) => chain.client.readContract({ address: app, abi: testRecipientAbi, functionName })

  /**
   * Delivered ids on the CosmWasm endpoint by origin and sender (the events name no recipient;
   * each sender here sends to one recipient per destination), in event order.
   */
  function cosmwasmDeliveries(): Map<string, { id: string; nonce: bigint }[]> {
    const byChannel = new Map<string, { id: string; nonce: bigint }[]>()
    const transactions = cw.chain.getEvents({
      fromHeight: 1,
      toHeight: cw.chain.height,
      type: 'wasm-ferry_message_delivered',
    })
    for (const transaction of transactions) {
      for (const event of transaction.events) {
        const fields = Object.fromEntries(event.attributes.map((x) => [x.key, x.value]))
        if (fields._contract_address !== cw.endpoint) continue
        const key = `${fields.origin}:${fields.sender}`
        byChannel.set(key, [
          ...(byChannel.get(key) ?? []),
          { id: fields.id ?? '', nonce: BigInt(fields.nonce ?? 0) },
        ])
      }
    }
    return byChannel
  }

  /** Delivered ids on an EVM endpoint by origin and sender, in log order. */
  async function evmDeliveries(chain: EvmChain) {
    const logs = await chain.client.getContractEvents({
      address: chain.endpoint,
      abi: endpointAbi,
      eventName: 'MessageDelivered',
      fromBlock: 0n,
      strict: true,
    })
    const byChannel = new Map<string, { id: string; nonce: bigint }[]>()
    for (const log of logs) {
      const key = `${log.args.origin}:${log.args.sender}`
      byChannel.set(key, [
        ...(byChannel.get(key) ?? []),
        { id: log.args.id, nonce: log.args.nonce },
      ])
    }
    return byChannel
  }

  /** Each message of `ids` is Executed, delivered by exactly one `delivered` attempt. */
  async function expectDeliveredOnce(ids: readonly Hex[]) {
    const messages = await stored(ids)
    expect(messages).toBeDefined()
    for (const message of messages ?? []) {
      expect(message.status).toBe(MessageStatus.Executed)
      const attempts = await store.getAttempts(message.id)
      expect(attempts.filter((attempt) => attempt.reason === 'delivered')).toHaveLength(1)
    }
    return messages ?? []
  }

  /**
   * `ids` were each delivered once, on `channels` channels, and within each channel in nonce
   * order with no gap; returns the last nonce delivered on each channel.
   */
  function expectInOrder(
    deliveries: Map<string, { id: string; nonce: bigint }[]>,
    ids: readonly Hex[],
    channels: number,
  ): bigint[] {
    const wanted = new Set<string>(ids)
    const seen = new Set<string>()
    const last: bigint[] = []
    for (const delivered of deliveries.values()) {
      const ours = delivered.filter((d) => wanted.has(d.id))
      if (ours.length === 0) continue
      for (const d of ours) {
        expect(seen.has(d.id)).toBe(false)
        seen.add(d.id)
      }
      for (let i = 1; i < ours.length; i++)
        expect(ours[i]?.nonce).toBe((ours[i - 1]?.nonce ?? 0n) + 1n)
      last.push(ours.at(-1)?.nonce ?? 0n)
    }
    expect(last).toHaveLength(channels)
    expect(seen.size).toBe(ids.length)
    return last
  }

  /** The highest nonce among `messages`, per channel. */
  const lastNonces = (messages: readonly StoredMessage[]) => {
    const last = new Map<Hex, StoredMessage>()
    for (const m of messages)
      if ((last.get(m.channel)?.nonce ?? 0n) < m.nonce) last.set(m.channel, m)
    return [...last.values()]
  }

  it('delivers 120 messages each way across three channels per direction, each once and in order', async () => {
    const perChannel = 40
    const cwBefore = await Promise.all(cw.apps.map((app) => handled(cw, app)))
    const evmTargets = [
      [a, a.apps[2]],
      [b, b.apps[1]],
      [b, b.apps[2]],
    ] as const
    const evmBefore = await Promise.all(
      evmTargets.map(([chain, app]) => read(chain, app, 'handled')),
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
    const inboundStored = await expectDeliveredOnce(inbound)
    const outboundStored = await expectDeliveredOnce(outbound)

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
    expect(expectInOrder(cosmwasmDeliveries(), inbound, 3).sort()).toEqual(
      lastNonces(inboundStored)
        .map((m) => m.nonce)
        .sort(),
    )

    // EVM: the same, on both chains.
    const evmAfter = await Promise.all(
      evmTargets.map(([chain, app]) => read(chain, app, 'handled')),
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
    const evmAcksBefore = await read(a, a.apps[1], 'acksHandled')
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
      const acks = await read(a, a.apps[1], 'acksHandled')
      return (
        acks - evmAcksBefore === 3n && (await read(a, a.apps[1], 'lastAckId')) === lastToCosmWasm
      )
    })
    expect(await read(a, a.apps[1], 'lastAckStatus')).toBe(MessageStatus.Executed)
    expect(
      await a.client.readContract({
        address: a.apps[1],
        abi: testRecipientAbi,
        functionName: 'lastAckResult',
      }),
    ).toBe(text('pong'))

    // The CosmWasm app's handler counts acks too; its last one is the last message's ack
    // (Executed, with the EVM handler's empty result).
    await waitFor('acks handled on CosmWasm', async () => {
      const now = await handled(cw, cw.apps[2])
      return now.count - cwBefore.count === 3 && now.last === `ack:${lastFromCosmWasm}:1:`
    })

    await waitFor('originals recorded', () => done([...toCosmWasm, ...fromCosmWasm]))
    for (const message of (await stored([...toCosmWasm, ...fromCosmWasm])) ?? [])
      expect(message.status).toBe(MessageStatus.Executed)
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
    await waitFor('both Failed', async () => {
      const [x, y] = await Promise.all([
        store.getMessage(toCosmWasm),
        store.getMessage(fromCosmWasm),
      ])
      return x?.status === MessageStatus.Failed && y?.status === MessageStatus.Failed
    })
    for (const id of [toCosmWasm, fromCosmWasm])
      expect(await reasons(id)).toContain('retry_scheduled')
    const message = await store.getMessage(toCosmWasm)
    expect(
      await messageStatus(cw.chain, { contract: cw.endpoint, message: message?.encoded ?? '0x' }),
    ).toBe(MessageStatus.Failed)

    await setFlaky(cw, cw.apps[0], false)
    const hash = await a.wallet.writeContract({
      address: a.reverting,
      abi: revertingRecipientAbi,
      functionName: 'setReverting',
      args: [false],
      account: a.wallet.account ?? null,
      chain: a.wallet.chain,
    })
    await a.client.waitForTransactionReceipt({ hash })

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
    expect(
      await a.client.readContract({
        address: a.reverting,
        abi: revertingRecipientAbi,
        functionName: 'handled',
      }),
    ).toBe(1n)
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
    await waitFor('both Failed', async () => {
      const [x, y] = await Promise.all([
        store.getMessage(toCosmWasm),
        store.getMessage(fromCosmWasm),
      ])
      return x?.status === MessageStatus.Failed && y?.status === MessageStatus.Failed
    })

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
    expect(
      await b.client.readContract({
        address: b.reverting,
        abi: revertingRecipientAbi,
        functionName: 'handled',
      }),
    ).toBe(0n)

    // The acks: TimedOut, back at each sender's handler.
    await waitFor('TimedOut ack on EVM', async () => {
      const [id, status] = await Promise.all([
        read(a, a.apps[2], 'lastAckId'),
        read(a, a.apps[2], 'lastAckStatus'),
      ])
      return id === toCosmWasm && status === MessageStatus.TimedOut
    })
    await waitFor('TimedOut ack on CosmWasm', async () =>
      (await handled(cw, cw.apps[0])).last.startsWith(
        `ack:${fromCosmWasm}:${MessageStatus.TimedOut}:`,
      ),
    )
    // TimedOut carries the last revert data: the CosmWasm handler's error, the EVM custom error.
    const evmAckResult = await a.client.readContract({
      address: a.apps[2],
      abi: testRecipientAbi,
      functionName: 'lastAckResult',
    })
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

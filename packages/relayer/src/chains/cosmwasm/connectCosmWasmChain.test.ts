// The CosmWasm adapter on the embedded chain with the real endpoint wasm: two endpoints (7001
// sends, 7002 receives, each the other's origin under the vector validators, threshold 3) and
// the bindings' test recipient as the app. The test plays the validators: it proves messages
// from the adapter's own events, cross-checked with the SDK's MerkleTree.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import {
  createEndpointClient,
  type EndpointClient,
  fromEmbeddedChain,
  NonceOutOfOrderError,
  ThresholdNotMetError,
} from '@ferry/cosmwasm-bindings'
import { createEmbeddedChain, type EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import {
  bech32ToBytes32,
  bytes32ToBech32,
  decodeMessage,
  decodeProof,
  encodeProof,
  getChannelKey,
  getMessageId,
  MerkleTree,
  MessageStatus,
} from '@ferry/protocol'
import type { SentMessageEvent } from '@ferry/sdk'
import { checkpointsVectors } from '@ferry/spec'
import type { Hex } from 'viem'
import { beforeAll, describe, expect, test } from 'vitest'
import { connectCosmWasmChain } from './connectCosmWasmChain.js'
import type { CosmWasmChainSubmitter } from './createCosmWasmChainSubmitter.js'
import { CallRejectedError } from './errors.js'
import { proveSent } from './test/proveSent.js'

const require = createRequire(import.meta.url)
const wasm = (name: string) => readFileSync(require.resolve(`@ferry/cosmwasm-bindings/${name}`))
const account = (byte: number) =>
  bytes32ToBech32(`0x${'00'.repeat(12)}${byte.toString(16).padStart(2, '0').repeat(20)}`, 'wasm')
const text = (value: string): Hex => `0x${Buffer.from(value, 'utf8').toString('hex')}`

const A = 7001
const B = 7002
const DENOM = 'ustake'
const OWNER = account(0x11)
const RELAYER = account(0x22)
const VALIDATORS = checkpointsVectors.validators
const FEES = {
  baseFee: 1_000n,
  gasPrice: 2n,
  rate: 10n ** 18n,
  gasOverhead: 10,
  gasPerByte: 3,
  maxGasLimit: 15_000_000,
}
const ZERO_FEES = {
  baseFee: 0n,
  gasPrice: 0n,
  rate: 1n,
  gasOverhead: 0,
  gasPerByte: 0,
  maxGasLimit: 15_000_000,
}

let chain: EmbeddedChain
let endpointA: EndpointClient
let endpointB: EndpointClient
let app: string
let a: CosmWasmChainSubmitter
let b: CosmWasmChainSubmitter

/** Proofs of `messages` under the checkpoint after `sent`'s last leaf, signatures on the first. */
const prove = (sent: readonly SentMessageEvent[], messages: readonly SentMessageEvent[]) =>
  proveSent({ origin: A, originEndpoint: a.endpoint, sent, messages })

/** Everything 7001 sent so far, read through the adapter. */
const allSent = async () => a.getSentMessages(1n, BigInt(chain.height))

/** The owner sends `body` from 7001 to the app on 7002, paying the quote. */
const send = (body: string, options: { deadline?: bigint; ackGasLimit?: number } = {}) =>
  endpointA.send({
    destination: B,
    recipient: bech32ToBytes32(app),
    body: text(body),
    gasLimit: 300_000,
    ...options,
  })

/** Delivers `events` to 7002 through the adapter, proved under everything 7001 sent. */
async function deliver(events: readonly SentMessageEvent[]) {
  return b.submit(
    {
      type: 'deliverBatch',
      messages: events.map((e) => e.encoded),
      proofs: await prove(await allSent(), events),
    },
    { gasFloor: 0n, messageIds: events.map((e) => e.id) },
  )
}

beforeAll(async () => {
  chain = createEmbeddedChain({
    chainId: 'ferry-relayer-test',
    bech32Prefix: 'wasm',
    accounts: { [OWNER]: [{ denom: DENOM, amount: '1000000000' }] },
  })
  const endpointCode = await chain.storeCode(OWNER, wasm('endpoint.wasm'))
  const appCode = await chain.storeCode(OWNER, wasm('test-recipient.wasm'))
  const instantiate = async (domain: number) =>
    (
      await chain.instantiate(OWNER, endpointCode, {
        local_domain: domain,
        owner: OWNER,
        denom: DENOM,
      })
    ).contractAddress
  const [addressA, addressB] = [await instantiate(A), await instantiate(B)]
  app = (await chain.instantiate(OWNER, appCode, {})).contractAddress
  const owner = fromEmbeddedChain(chain, OWNER)
  endpointA = createEndpointClient(owner, addressA)
  endpointB = createEndpointClient(owner, addressB)
  await endpointA.setFeeConfig({ domain: B, config: FEES })
  await endpointA.setFeeConfig({ domain: A, config: FEES }) // acks back to 7001
  await endpointB.setFeeConfig({ domain: A, config: ZERO_FEES })
  for (const [to, from] of [
    [endpointB, A],
    [endpointA, B],
  ] as const) {
    await to.setOrigin({
      origin: from,
      originEndpoint: bech32ToBytes32(from === A ? addressA : addressB),
      validators: VALIDATORS.map((v) => v.address),
      threshold: 3,
    })
  }
  const source = { type: 'embedded', chain, sender: RELAYER } as const
  a = await connectCosmWasmChain({ domain: A, endpoint: addressA, source })
  b = await connectCosmWasmChain({ domain: B, endpoint: addressB, source })
})

describe('connectCosmWasmChain (embedded)', () => {
  test('names its domain and its endpoint as bytes32', () => {
    expect(a).toMatchObject({
      kind: 'cosmwasm',
      domain: A,
      endpoint: bech32ToBytes32(endpointA.contract),
      sender: RELAYER,
    })
  })

  test('reads sent messages by height range, decoded, with their blocks and transactions', async () => {
    const first = await send('ok:one')
    chain.advance({ blocks: 3 })
    const second = await send('ok:two')
    const third = await send('ok:three')

    const events = await a.getSentMessages(BigInt(first.height), BigInt(third.height))
    expect(events.map((e) => e.leafIndex)).toEqual([0, 1, 2])
    for (const [event, sent] of [
      [events[0], first],
      [events[1], second],
      [events[2], third],
    ] as const) {
      expect(event).toMatchObject({
        id: sent.id,
        transactionHash: sent.transactionHash,
        block: { number: BigInt(sent.height), hash: await a.getBlockHash(BigInt(sent.height)) },
      })
      expect(event?.id).toBe(getMessageId(event?.encoded ?? '0x'))
      expect(event?.message).toEqual(decodeMessage(event?.encoded ?? '0x'))
      expect(event?.message).toMatchObject({
        origin: A,
        destination: B,
        recipient: bech32ToBytes32(app),
        nonce: sent.nonce,
      })
    }
    // A narrower range holds only its blocks; the other endpoint's adapter sees none of them.
    expect(
      (await a.getSentMessages(BigInt(second.height), BigInt(second.height))).map((e) => e.id),
    ).toEqual([second.id])
    expect(await a.getSentMessages(BigInt(first.height) + 1n, BigInt(second.height) - 1n)).toEqual(
      [],
    )
    expect(await b.getSentMessages(1n, BigInt(chain.height))).toEqual([])
  })

  test('heads and block hashes come from the chain’s block log', async () => {
    const head = await a.getHead()
    expect(head).toEqual({
      number: BigInt(chain.latestBlock.height),
      hash: chain.latestBlock.hash,
      timestamp: BigInt(chain.latestBlock.time),
    })
    expect(await a.getBlockHash(head.number)).toBe(head.hash)
    expect(await a.getBlockHash(head.number - 1n)).toBe(chain.getBlock(chain.height - 1)?.hash)
    expect(await a.getBlockHash(head.number + 1n)).toBeUndefined()
    expect(await a.getBlockHash(0n)).toBe('')
  })

  test('the tree at a height matches the SDK’s MerkleTree of the events up to it', async () => {
    const events = await allSent()
    expect(events.length).toBeGreaterThanOrEqual(3)
    for (const event of events) {
      const upTo = events.filter((e) => e.block.number <= event.block.number)
      expect(await a.getTree(event.block.number)).toEqual({
        root: new MerkleTree(upTo.map((e) => e.id)).root(),
        count: upTo.length,
      })
    }
    expect(await a.getTree(BigInt(chain.height))).toEqual({
      root: new MerkleTree(events.map((e) => e.id)).root(),
      count: events.length,
    })
  })

  test('the fee paid is the quote in the state before its block, not today’s', async () => {
    const { fee } = await endpointA.quote({ destination: B, bodyLength: 7, gasLimit: 300_000 })
    const sent = await send('ok:paid')
    const [event] = await a.getSentMessages(BigInt(sent.height), BigInt(sent.height))
    expect(fee).toBe(1_000n + (300_000n + 10n + 7n * 3n) * 2n)
    expect(chain.getBalance(endpointA.contract, DENOM)).toBeGreaterThanOrEqual(fee)

    await endpointA.setFeeConfig({ domain: B, config: { ...FEES, baseFee: 99_999n } })
    expect(await a.getFeePaid(event!)).toBe(fee)
    await endpointA.setFeeConfig({ domain: B, config: FEES })
  })

  test('delivers a batch with real proofs, signatures on the first only: outcomes from events', async () => {
    const pending = (await allSent()).filter((e) => e.message.body.startsWith(text('ok:')))
    const receipt = await deliver(pending)
    expect(receipt).toMatchObject({
      status: 'success',
      blockNumber: BigInt(chain.height),
      gasUsed: 0n,
    })
    expect(receipt.transactionHash).toBe(chain.getBlock(chain.height)?.transactions[0]?.hash)
    expect(receipt.outcomes).toEqual(
      pending.map((e) => ({
        id: e.id,
        status: MessageStatus.Executed,
        result: text(Buffer.from(e.message.body.slice(2), 'hex').toString().slice(3)),
      })),
    )
    for (const e of pending)
      expect(await b.getMessageStatus(e.encoded)).toBe(MessageStatus.Executed)
    expect(await b.getInboundNonce(getChannelKey(pending[0]!.message))).toBe(BigInt(pending.length))
  })

  test('a call the endpoint rejects throws CallRejectedError with the endpoint’s error as cause', async () => {
    const [delivered] = await allSent()
    const height = chain.height
    const again = await deliver([delivered!]).catch((error: unknown) => error)
    expect(again).toBeInstanceOf(CallRejectedError)
    expect(again).toMatchObject({ call: 'deliverBatch', domain: B, retryable: false })
    expect(again).toMatchObject({ cause: expect.any(NonceOutOfOrderError) })

    const next = await send('ok:four')
    const [event] = await a.getSentMessages(BigInt(next.height), BigInt(next.height))
    const [proof] = await prove(await allSent(), [event!])
    const unsigned = encodeProof({ ...decodeProof(proof!), signatures: [] })
    const rejected = await b
      .submit(
        { type: 'deliverBatch', messages: [event!.encoded], proofs: [unsigned] },
        { gasFloor: 0n, messageIds: [event!.id] },
      )
      .catch((error: unknown) => error)
    expect(rejected).toMatchObject({ cause: expect.any(ThresholdNotMetError) })
    // Nothing was mined: rejections open no block.
    expect(chain.height).toBe(next.height)
    expect(height).toBeLessThan(next.height)
    await deliver([event!])
  })

  test('retry: a Failed delivery is retried to Executed', async () => {
    await chain.execute(OWNER, app, { set_flaky: { on: true } })
    const sent = await send('flaky')
    const [event] = await a.getSentMessages(BigInt(sent.height), BigInt(sent.height))
    const delivered = await deliver([event!])
    expect(delivered.outcomes).toEqual([
      { id: event!.id, status: MessageStatus.Failed, result: text('flaky handler failed') },
    ])
    expect(await b.getMessageStatus(event!.encoded)).toBe(MessageStatus.Failed)

    const stillFailing = await b.submit(
      { type: 'retry', message: event!.encoded, gasLimit: event!.message.gasLimit },
      { gasFloor: 0n, messageIds: [event!.id] },
    )
    expect(stillFailing.outcomes).toMatchObject([{ id: event!.id, status: MessageStatus.Failed }])

    await chain.execute(OWNER, app, { set_flaky: { on: false } })
    const retried = await b.submit(
      { type: 'retry', message: event!.encoded, gasLimit: event!.message.gasLimit },
      { gasFloor: 0n, messageIds: [event!.id] },
    )
    expect(retried).toMatchObject({
      status: 'success',
      outcomes: [{ id: event!.id, status: MessageStatus.Executed, result: text('recovered') }],
    })
    expect(await b.getMessageStatus(event!.encoded)).toBe(MessageStatus.Executed)
  })

  test('timeout: a Failed message past its deadline times out, and its ack is sent paying nothing', async () => {
    const sent = await send('fail:no', { deadline: BigInt(chain.time + 60), ackGasLimit: 100_000 })
    const [event] = await a.getSentMessages(BigInt(sent.height), BigInt(sent.height))
    expect(await a.getFeePaid(event!)).toBeGreaterThan(0n)
    expect((await deliver([event!])).outcomes).toMatchObject([{ status: MessageStatus.Failed }])

    const early = await b
      .submit(
        { type: 'timeout', message: event!.encoded },
        { gasFloor: 0n, messageIds: [event!.id] },
      )
      .catch((error: unknown) => error)
    expect(early).toBeInstanceOf(CallRejectedError)

    chain.advance({ seconds: 120 })
    const receipt = await b.submit(
      { type: 'timeout', message: event!.encoded },
      { gasFloor: 0n, messageIds: [event!.id] },
    )
    expect(receipt.outcomes).toEqual([
      { id: event!.id, status: MessageStatus.TimedOut, result: '0x' },
    ])
    expect(await b.getMessageStatus(event!.encoded)).toBe(MessageStatus.TimedOut)

    // 7002 sent the ack (7002 → 7001): an origin event of the other adapter, which paid nothing.
    const [ack] = await b.getSentMessages(receipt.blockNumber, receipt.blockNumber)
    expect(ack?.message).toMatchObject({
      origin: B,
      destination: A,
      flags: 1,
      recipient: event!.message.sender,
    })
    expect(await b.getFeePaid(ack!)).toBe(0n)
  })

  test('reads the relayer’s balance in the endpoint’s denom', async () => {
    chain.setBalance(RELAYER, [{ denom: DENOM, amount: '12345' }])
    expect(await b.getSignerBalance()).toBe(12_345n)
  })

  test('an aborted signal stops reads and a write before it starts', async () => {
    const controller = new AbortController()
    controller.abort(new Error('stopping'))
    const { signal } = controller
    await expect(a.getHead(signal)).rejects.toThrow('stopping')
    await expect(a.getSentMessages(1n, 2n, signal)).rejects.toThrow('stopping')
    const height = chain.height
    const [event] = await allSent()
    await expect(
      b.submit(
        { type: 'retry', message: event!.encoded, gasLimit: event!.message.gasLimit },
        { gasFloor: 0n, messageIds: [event!.id], signal },
      ),
    ).rejects.toThrow('stopping')
    expect(chain.height).toBe(height)
  })

  test('recover has nothing to replay', async () => {
    expect(await b.recover()).toEqual([])
  })

  test('reads fee top-ups (ferry_fee_added) by height range, with amounts, blocks and transactions', async () => {
    // Last: the message it tops up takes the app's next nonce and is never delivered.
    const sent = await send('top me up')
    const first = await endpointA.addFee({
      message: sent.message,
      fee: { amount: 5n, denom: DENOM },
    })
    const second = await endpointA.addFee({
      message: sent.message,
      fee: { amount: 9n, denom: DENOM },
    })
    const events = await a.getFeesAdded(BigInt(sent.height), BigInt(chain.height))
    expect(events).toEqual(
      [first, second].map((topUp) => ({
        id: sent.id,
        amount: topUp.amount,
        block: { number: BigInt(topUp.height), hash: chain.getBlock(topUp.height)?.hash },
        transactionHash: topUp.transactionHash,
        eventIndex: 0,
      })),
    )
    expect(events.map((event) => event.amount)).toEqual([5n, 9n])
    expect(await a.getFeesAdded(BigInt(sent.height), BigInt(sent.height))).toEqual([])
  })
})

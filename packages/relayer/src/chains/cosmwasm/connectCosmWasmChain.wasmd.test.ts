// The CosmWasm adapter against a real wasmd node (the bindings' localnet, built once into
// .cache/wasmd): events over CometBFT's transaction index, the tree queried at a height, a
// signed `deliverBatch` with real proofs, a rejection, a failed-on-chain transaction, and RPC
// failover through the fault proxy. One localnet for the file; the tests run in order.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet, DirectSecp256k1Wallet } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import {
  createEndpointClient,
  type EndpointClient,
  fromSigningClient,
  NonceOutOfOrderError,
} from '@ferry/cosmwasm-bindings'
import { bech32ToBytes32, MerkleTree, MessageStatus } from '@ferry/protocol'
import type { SentMessageEvent } from '@ferry/sdk'
import { RpcError } from '@ferry/sdk'
import { checkpointsVectors } from '@ferry/spec'
import {
  type RpcFaultProxy,
  startRpcFaultProxy,
  startWasmdLocalnet,
  type WasmdLocalnet,
} from '@ferry/testkit'
import type { Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type CosmWasmChainSource, connectCosmWasmChain } from './connectCosmWasmChain.js'
import type { CosmWasmChainSubmitter } from './createCosmWasmChainSubmitter.js'
import { CallRejectedError } from './errors.js'
import { proveSent } from './test/proveSent.js'

const require = createRequire(import.meta.url)
const wasm = (name: string) => readFileSync(require.resolve(`@ferry/cosmwasm-bindings/${name}`))
const text = (value: string): Hex => `0x${Buffer.from(value, 'utf8').toString('hex')}`

const A = 7001
const B = 7002
const VALIDATORS = checkpointsVectors.validators
const ZERO_FEES = {
  baseFee: 0n,
  gasPrice: 0n,
  rate: 1n,
  gasOverhead: 0,
  gasPerByte: 0,
  maxGasLimit: 15_000_000,
}
const TIMEOUT = 120_000

describe('connectCosmWasmChain (wasmd over RPC)', () => {
  let node: WasmdLocalnet
  let client: SigningCosmWasmClient
  let proxy: RpcFaultProxy
  let endpointA: EndpointClient
  let endpointB: EndpointClient
  let app: string
  let rpc: Extract<CosmWasmChainSource, { type: 'rpc' }>
  let a: CosmWasmChainSubmitter
  let b: CosmWasmChainSubmitter
  const sent: SentMessageEvent[] = []

  const prove = (messages: readonly SentMessageEvent[]) =>
    proveSent({ origin: A, originEndpoint: a.endpoint, sent, messages })

  const send = (body: string) =>
    endpointA.send({
      destination: B,
      recipient: bech32ToBytes32(app),
      body: text(body),
      gasLimit: 200_000,
    })

  beforeAll(async () => {
    const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: 'wasm' })
    const [deployer] = await wallet.getAccounts()
    const relayerKey = randomBytes(32).toString('hex')
    const [relayer] = await (
      await DirectSecp256k1Wallet.fromKey(Buffer.from(relayerKey, 'hex'), 'wasm')
    ).getAccounts()
    node = await startWasmdLocalnet({ accounts: [deployer!.address, relayer!.address] })
    client = await SigningCosmWasmClient.connectWithSigner(node.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString(`0${node.denom}`),
      broadcastPollIntervalMs: 100,
    })
    const sender = deployer!.address
    const upload = async (name: string) => (await client.upload(sender, wasm(name), 'auto')).codeId
    const endpointCode = await upload('endpoint.wasm')
    const appCode = await upload('test-recipient.wasm')
    const instantiate = async (code: number, msg: object) =>
      (await client.instantiate(sender, code, msg, `code ${code}`, 'auto')).contractAddress
    const executor = fromSigningClient(client, sender, { fee: 1.5 })
    endpointA = createEndpointClient(
      executor,
      await instantiate(endpointCode, { local_domain: A, owner: sender, denom: node.denom }),
    )
    endpointB = createEndpointClient(
      executor,
      await instantiate(endpointCode, { local_domain: B, owner: sender, denom: node.denom }),
    )
    app = await instantiate(appCode, {})
    await endpointA.setFeeConfig({ domain: B, config: ZERO_FEES })
    await endpointB.setOrigin({
      origin: A,
      originEndpoint: bech32ToBytes32(endpointA.contract),
      validators: VALIDATORS.map((v) => v.address),
      threshold: 3,
    })

    proxy = await startRpcFaultProxy({ target: node.rpcUrl })
    rpc = {
      type: 'rpc',
      rpcUrls: [proxy.url, node.rpcUrl],
      signer: `0x${relayerKey}`,
      bech32Prefix: 'wasm',
      gasPrice: `0.01${node.denom}`,
      chainId: node.chainId,
      broadcastPollIntervalMs: 100,
    }
    a = await connectCosmWasmChain({ domain: A, endpoint: endpointA.contract, source: rpc })
    b = await connectCosmWasmChain({ domain: B, endpoint: endpointB.contract, source: rpc })
    expect(b.sender).toBe(relayer!.address)
  }, 900_000)

  afterAll(async () => {
    a?.close()
    b?.close()
    await proxy?.close()
    client?.disconnect()
    await node?.stop()
  })

  test(
    'reads sent messages by height range from the transaction index, with block hashes and the tree at a height',
    async () => {
      const first = await send('ok:one')
      const second = await send('ok:two')
      const events = await a.getSentMessages(BigInt(first.height), BigInt(second.height))
      sent.push(...events)
      expect(events.map((e) => [e.id, e.leafIndex, e.transactionHash, e.block.number])).toEqual([
        [first.id, 0, first.transactionHash, BigInt(first.height)],
        [second.id, 1, second.transactionHash, BigInt(second.height)],
      ])
      for (const event of events) {
        expect(event.block.hash).toBe((await client.getBlock(Number(event.block.number))).id)
        expect(event.message).toMatchObject({
          origin: A,
          destination: B,
          recipient: bech32ToBytes32(app),
        })
      }

      // CometBFT's instant finality: the head is a block, the same block as `getBlockHash` says.
      const head = await a.getHead()
      expect(head.number).toBeGreaterThanOrEqual(BigInt(second.height))
      expect(await a.getSentMessages(BigInt(second.height) + 1n, head.number)).toEqual([])
      expect(await a.getBlockHash(head.number)).toBe(head.hash)
      expect(await a.getBlockHash(head.number + 1_000n)).toBeUndefined()

      // The endpoint's tree as it was after the first send, and now.
      expect(await a.getTree(BigInt(first.height))).toEqual({
        root: new MerkleTree([first.id]).root(),
        count: 1,
      })
      expect(await a.getTree(head.number)).toEqual({
        root: new MerkleTree([first.id, second.id]).root(),
        count: 2,
      })
      expect(await a.getFeePaid(events[0]!)).toBe(0n)
    },
    TIMEOUT,
  )

  test(
    'submits a signed deliverBatch with real proofs; delivering again is rejected',
    async () => {
      const receipt = await b.submit(
        { type: 'deliverBatch', messages: sent.map((e) => e.encoded), proofs: await prove(sent) },
        { gasFloor: 0n, messageIds: sent.map((e) => e.id) },
      )
      expect(receipt.status).toBe('success')
      expect(receipt.gasUsed).toBeGreaterThan(0n)
      expect(receipt.outcomes).toEqual([
        { id: sent[0]!.id, status: MessageStatus.Executed, result: text('one') },
        { id: sent[1]!.id, status: MessageStatus.Executed, result: text('two') },
      ])
      expect((await client.getTx(receipt.transactionHash))?.height).toBe(
        Number(receipt.blockNumber),
      )
      for (const event of sent)
        expect(await b.getMessageStatus(event.encoded)).toBe(MessageStatus.Executed)
      expect(await b.getSignerBalance()).toBeLessThan(10n ** 15n) // it paid gas

      const again = await b
        .submit(
          { type: 'deliverBatch', messages: [sent[0]!.encoded], proofs: await prove([sent[0]!]) },
          { gasFloor: 0n, messageIds: [sent[0]!.id] },
        )
        .catch((error: unknown) => error)
      expect(again).toBeInstanceOf(CallRejectedError)
      expect(again).toMatchObject({ cause: expect.any(NonceOutOfOrderError) })
    },
    TIMEOUT,
  )

  test(
    'out of gas: refused at CheckTx → CallRejectedError; failed in the block → reverted receipt; the gas floor fixes it',
    async () => {
      const third = await send('ok:three')
      sent.push(...(await a.getSentMessages(BigInt(third.height), BigInt(third.height))))
      const event = sent[2]!
      const call = {
        type: 'deliverBatch',
        messages: [event.encoded],
        proofs: await prove([event]),
      } as const
      const starved = await connectCosmWasmChain({
        domain: B,
        endpoint: endpointB.contract,
        source: { ...rpc, gasAdjustment: 0.5 },
      })
      const refused = await connectCosmWasmChain({
        domain: B,
        endpoint: endpointB.contract,
        source: { ...rpc, gasAdjustment: 0.05 },
      })
      try {
        // Too little even for the ante handler: the node refuses it at CheckTx, nothing mined.
        const rejected = await refused
          .submit(call, { gasFloor: 0n, messageIds: [event.id] })
          .catch((error: unknown) => error)
        expect(rejected).toBeInstanceOf(CallRejectedError)
        expect(rejected).toMatchObject({ details: expect.stringMatching(/out of gas/) })
        // Enough to be accepted, too little to run: mined, failed, gas spent.
        const reverted = await starved.submit(call, { gasFloor: 0n, messageIds: [event.id] })
        expect(reverted).toMatchObject({ status: 'reverted', outcomes: [] })
        expect(await b.getMessageStatus(event.encoded)).toBe(MessageStatus.None)
        // The same adapter with a floor above what the call needs delivers it.
        const floored = await starved.submit(call, { gasFloor: 2_000_000n, messageIds: [event.id] })
        expect(floored.outcomes).toMatchObject([{ id: event.id, status: MessageStatus.Executed }])
      } finally {
        starved.close()
        refused.close()
      }
    },
    TIMEOUT,
  )

  test(
    'skips an RPC URL that fails; RpcError (retryable) when every URL does',
    async () => {
      proxy.setMode({ mode: 'fail', failWith: 'http' })
      const head = await a.getHead()
      expect(head.number).toBeGreaterThan(0n)
      expect(await a.getInboundNonce(`0x${'00'.repeat(32)}`)).toBe(0n)

      // Creating an adapter needs no node (only its signer); its first read does.
      const only = await connectCosmWasmChain({
        domain: A,
        endpoint: endpointA.contract,
        source: { ...rpc, rpcUrls: [proxy.url] },
      })
      try {
        const error = await only.getHead().catch((e: unknown) => e)
        expect(error).toBeInstanceOf(RpcError)
        expect(error).toMatchObject({ retryable: true })
        proxy.setMode({ mode: 'fail', failWith: 'rpc' })
        expect(await only.getTree(head.number).catch((e: unknown) => e)).toBeInstanceOf(RpcError)
      } finally {
        only.close()
        proxy.setMode('pass')
      }
      expect(proxy.faulted.size).toBeGreaterThan(0)
    },
    TIMEOUT,
  )
})

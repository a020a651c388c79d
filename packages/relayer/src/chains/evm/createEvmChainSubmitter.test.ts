import { endpointAbi } from '@ferry/evm-contracts'
import { relayMessages } from '@ferry/evm-contracts/testing'
import { getChannelKey, MerkleTree, MessageStatus } from '@ferry/protocol'
import { createEvmChainReader, EndpointReadRevertedError, EvmChainConfigError } from '@ferry/sdk'
import { type RpcFaultProxy, startRpcFaultProxy } from '@ferry/testkit'
import { pino } from 'pino'
import { parseGwei } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEvmChainSubmitter } from './createEvmChainSubmitter.js'
import {
  DESTINATION,
  type FerryFixture,
  keys,
  ORIGIN,
  startFerry,
  testGas,
  validatorKeys,
} from './test/ferryFixture.js'
import { createMemoryJournal } from './test/memoryJournal.js'

/** What `connectEndpoints` sets by default. */
const defaultFeeConfig = {
  gasPrice: parseGwei('1'),
  rate: 10n ** 18n,
  baseFee: 0n,
  gasOverhead: 100_000,
  gasPerByte: 16,
  // What a delivery transaction can give one handler under EIP-7825's 2^24 (PROTOCOL §4).
  maxGasLimit: 15_000_000,
}

let ferry: FerryFixture
let proxy: RpcFaultProxy

beforeAll(async () => {
  ferry = await startFerry()
  proxy = await startRpcFaultProxy({ target: ferry.node.rpcUrl })
}, 60_000)
afterAll(async () => {
  await proxy?.close()
  await ferry?.stop()
})

describe('createEvmChainSubmitter: origin side', () => {
  it('reads the head and block hashes, undefined above the head', async () => {
    const chain = ferry.chain({ side: 'origin' })
    const head = await chain.getHead()
    const block = await ferry.client.getBlock({ blockNumber: head.number })
    expect(head).toEqual({ number: block.number, hash: block.hash, timestamp: block.timestamp })
    expect(await chain.getBlockHash(head.number)).toBe(block.hash)
    expect(await chain.getBlockHash(head.number + 1_000n)).toBeUndefined()
    expect(chain.kind).toBe('evm')
    expect(chain.domain).toBe(ORIGIN)
    expect(chain.endpoint).toBe(
      `0x${'0'.repeat(24)}${ferry.origin.endpoint.slice(2).toLowerCase()}`,
    )
  })

  it('reads with no key: a reader alone sees the head, the events, the tree and statuses', async () => {
    const [message] = await ferry.send({ recipient: ferry.recipient })
    const origin = ferry.reader({ side: 'origin' })
    const destination = ferry.reader({ side: 'destination' })
    expect(Object.keys(origin)).not.toContain('signer')
    expect(Object.keys(origin)).not.toContain('submit')
    const head = await origin.getHead()
    expect(head.number).toBeGreaterThanOrEqual(message!.blockNumber)
    const events = await origin.getSentMessages(message!.blockNumber, message!.blockNumber)
    expect(events.map((e) => e.id)).toEqual([message!.id])
    expect((await origin.getTree(message!.blockNumber)).count).toBe(message!.leafIndex + 1)
    expect(await destination.getMessageStatus(message!.encoded)).toBe(MessageStatus.None)
  })

  it('reads MessageSent in chunks of logBlockSpan, decoded, in leaf order, with blocks', async () => {
    const sent = await ferry.send({ recipient: ferry.recipient, count: 5 })
    const first = sent[0]!
    const last = sent.at(-1)!
    expect(last.blockNumber - first.blockNumber).toBe(4n) // one block each
    const chain = ferry.chain({ side: 'origin', rpcUrls: [proxy.url], logBlockSpan: 2n })
    const before = proxy.requests.get('eth_getLogs') ?? 0
    const events = await chain.getSentMessages(first.blockNumber, last.blockNumber)
    expect(proxy.requests.get('eth_getLogs')! - before).toBe(3) // 5 blocks in spans of 2
    expect(events.map((e) => e.id)).toEqual(sent.map((m) => m.id))
    expect(events.map((e) => e.leafIndex)).toEqual(sent.map((m) => m.leafIndex))
    for (const [i, event] of events.entries()) {
      const block = await ferry.client.getBlock({ blockNumber: sent[i]!.blockNumber })
      expect(event.block).toEqual({ number: block.number, hash: block.hash })
      expect(event.transactionHash).toBe(sent[i]!.transactionHash)
      expect(event.encoded).toBe(sent[i]!.encoded)
      expect(event.message).toEqual(sent[i]!.message)
    }
    expect(await chain.getSentMessages(last.blockNumber + 1n, last.blockNumber + 5n)).toEqual([])
  })

  it("reads the tree at a block, as the SDK's MerkleTree rebuilds it from the events", async () => {
    const chain = ferry.chain({ side: 'origin' })
    const sent = await ferry.send({ recipient: ferry.recipient, count: 3 })
    const head = await chain.getHead()
    const events = await chain.getSentMessages(0n, head.number)
    const ids = events.map((e) => e.id)
    for (const message of sent) {
      const count = message.leafIndex + 1
      const tree = await chain.getTree(message.blockNumber)
      expect(tree).toEqual({ count, root: new MerkleTree(ids.slice(0, count)).root() })
    }
    const before = await chain.getTree(sent[0]!.blockNumber - 1n)
    expect(before.count).toBe(sent[0]!.leafIndex)
  })

  it('reads the fee paid: the quote at the event block, what the endpoint kept', async () => {
    const chain = ferry.chain({ side: 'origin' })
    const balanceBefore = await ferry.client.getBalance({ address: ferry.origin.endpoint })
    const [message] = await ferry.send({
      recipient: ferry.recipient,
      body: '0xabcdef',
      gasLimit: 250_000,
    })
    const balanceAfter = await ferry.client.getBalance({ address: ferry.origin.endpoint })
    const [event] = await chain.getSentMessages(message!.blockNumber, message!.blockNumber)
    const paid = await chain.getFeePaid(event!)
    expect(paid).toBe(balanceAfter - balanceBefore)
    expect(paid).toBeGreaterThan(0n)

    // A later fee change does not rewrite what was paid.
    await ferry.write({
      address: ferry.origin.endpoint,
      abi: endpointAbi,
      functionName: 'setFeeConfig',
      args: [
        DESTINATION,
        {
          ...defaultFeeConfig,
          gasPrice: parseGwei('7'),
          baseFee: 5n,
          gasOverhead: 1,
          gasPerByte: 1,
        },
      ],
    })
    expect(await chain.getFeePaid(event!)).toBe(paid)

    // A removed fee configuration makes quote revert: a named, non-retryable error.
    await ferry.write({
      address: ferry.origin.endpoint,
      abi: endpointAbi,
      functionName: 'removeFeeConfig',
      args: [DESTINATION],
    })
    const head = await chain.getHead()
    const error = await chain
      .getFeePaid({ ...event!, block: { number: head.number, hash: head.hash } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EndpointReadRevertedError)
    expect(error).toMatchObject({ retryable: false, functionName: 'quote' })
    await ferry.write({
      address: ferry.origin.endpoint,
      abi: endpointAbi,
      functionName: 'setFeeConfig',
      args: [DESTINATION, defaultFeeConfig],
    })
  })
})

describe('createEvmChainSubmitter: fee top-ups', () => {
  it('reads FeeAdded in chunks of logBlockSpan, with amounts, blocks, transactions and log indexes', async () => {
    const chain = ferry.chain({ side: 'origin', rpcUrls: [proxy.url], logBlockSpan: 2n })
    const [message] = await ferry.send({ recipient: ferry.recipient })
    const topUp = async (value: bigint) => {
      await ferry.write({
        address: ferry.origin.endpoint,
        abi: endpointAbi,
        functionName: 'addFee',
        args: [message!.encoded],
        value,
      })
      return (await ferry.client.getBlock()).number
    }
    const first = await topUp(7n)
    const second = await topUp(11n)
    const before = proxy.requests.get('eth_getLogs') ?? 0
    const events = await chain.getFeesAdded(message!.blockNumber, second)
    expect(proxy.requests.get('eth_getLogs')! - before).toBe(
      Math.ceil(Number(second - message!.blockNumber + 1n) / 2),
    )
    expect(events.map(({ id, amount }) => ({ id, amount }))).toEqual([
      { id: message!.id, amount: 7n },
      { id: message!.id, amount: 11n },
    ])
    for (const [i, blockNumber] of [first, second].entries()) {
      const block = await ferry.client.getBlock({ blockNumber, includeTransactions: true })
      const [transaction] = block.transactions
      const receipt = await ferry.client.getTransactionReceipt({ hash: transaction!.hash })
      expect(events[i]).toMatchObject({
        block: { number: block.number, hash: block.hash },
        transactionHash: receipt.transactionHash,
        eventIndex: receipt.logs.at(-1)!.logIndex,
      })
    }
    expect(await chain.getFeesAdded(second + 1n, second + 5n)).toEqual([])
  })
})

describe('createEvmChainSubmitter: destination side', () => {
  it('reads message status, inbound nonce and the signer balance', async () => {
    const chain = ferry.chain()
    const [message] = await ferry.send({ recipient: ferry.recipient })
    const channel = getChannelKey(message!.message)
    expect(await chain.getMessageStatus(message!.encoded)).toBe(MessageStatus.None)
    expect(await chain.getInboundNonce(channel)).toBeLessThan(message!.message.nonce)
    await relayMessages({
      origin: { client: ferry.client, endpoint: ferry.origin.endpoint, domain: ORIGIN },
      destination: {
        client: ferry.client,
        wallet: ferry.deployer,
        endpoint: ferry.destination.endpoint,
        domain: DESTINATION,
      },
      validatorKeys,
    })
    expect(await chain.getMessageStatus(message!.encoded)).toBe(MessageStatus.Executed)
    // relayMessages delivers every pending message of the channel, this one last.
    expect(await chain.getInboundNonce(channel)).toBe(message!.message.nonce)
    const relayer = privateKeyToAccount(keys.relayer).address
    expect(chain.signer).toBe(relayer)
    expect(await chain.getSignerBalance()).toBe(await ferry.client.getBalance({ address: relayer }))
  })

  it('stops waiting when the signal aborts', async () => {
    proxy.setMode('stall')
    try {
      const chain = ferry.chain({ rpcUrls: [proxy.url], requestTimeoutMs: 10_000 })
      const controller = new AbortController()
      const head = chain.getHead(controller.signal)
      setTimeout(() => controller.abort(new Error('shutting down')), 50)
      await expect(head).rejects.toThrow('shutting down')
    } finally {
      proxy.setMode('pass')
    }
  })
})

describe('createEvmChainSubmitter: parameters', () => {
  // The reader's parameters and the submitter's, as one config entry holds them.
  const createEvmChain = ({
    privateKey,
    journal,
    gas,
    logger,
    ...reader
  }: typeof base & { logger?: ReturnType<typeof pino> }) =>
    createEvmChainSubmitter({
      reader: createEvmChainReader(reader),
      privateKey,
      journal,
      gas,
      ...(logger === undefined ? {} : { logger }),
    })
  const base: {
    domain: number
    rpcUrls: readonly string[]
    endpoint: `0x${string}`
    privateKey: `0x${string}`
    journal: ReturnType<typeof createMemoryJournal>
    gas: typeof testGas | { maxFeePerGas: bigint; bumpPercent: number; stuckAfterMs: number }
  } = {
    domain: DESTINATION,
    rpcUrls: ['http://127.0.0.1:1'],
    endpoint: '0x0000000000000000000000000000000000000001',
    privateKey: keys.relayer,
    journal: createMemoryJournal(),
    gas: testGas,
  }

  it('refuses a bump under 10%, no URL, or a bad key, without quoting the key', () => {
    expect(() => createEvmChain({ ...base, gas: { ...testGas, bumpPercent: 5 } })).toThrow(
      EvmChainConfigError,
    )
    expect(() => createEvmChain({ ...base, rpcUrls: [] })).toThrow(/rpcUrls is empty/)
    const badKey = `0x${'ff'.repeat(32)}` as const // above the curve order
    const error = (() => {
      try {
        createEvmChain({ ...base, privateKey: badKey })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(EvmChainConfigError)
    expect(String(error)).not.toContain('ff'.repeat(32))
  })

  it('takes a pino logger', () => {
    const chain = createEvmChain({ ...base, logger: pino({ level: 'silent' }) })
    expect(chain.domain).toBe(DESTINATION)
  })
})

import { MessageStatus } from '@ferry/protocol'
import { RpcError } from '@ferry/sdk'
import { type RpcFaultProxy, type RpcFaultRule, startRpcFaultProxy } from '@ferry/testkit'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMemoryLogger, type FerryFixture, keys, startFerry } from './test/ferryFixture.js'
import { createMemoryJournal } from './test/memoryJournal.js'

let ferry: FerryFixture
let first: RpcFaultProxy
let second: RpcFaultProxy

beforeAll(async () => {
  ferry = await startFerry()
  first = await startRpcFaultProxy({ target: ferry.node.rpcUrl })
  second = await startRpcFaultProxy({ target: ferry.node.rpcUrl })
}, 60_000)
afterAll(async () => {
  await first?.close()
  await second?.close()
  await ferry?.stop()
})
afterEach(() => {
  first.setMode('pass')
  second.setMode('pass')
})

const gasFloor = 150_000n

/** Delivers one fresh message through `chain` and checks its outcome. */
async function deliverOne(chain: ReturnType<FerryFixture['chain']>) {
  const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
  const receipt = await chain.submit(
    { type: 'deliverBatch', messages: [message!.encoded], proofs: await ferry.prove([message!]) },
    { gasFloor, messageIds: [message!.id] },
  )
  expect(receipt.outcomes).toEqual([
    { id: message!.id, status: MessageStatus.Executed, result: '0x' },
  ])
  expect(await chain.getMessageStatus(message!.encoded)).toBe(MessageStatus.Executed)
  return receipt
}

function faultedCount(proxy: RpcFaultProxy): number {
  return [...proxy.faulted.values()].reduce((sum, n) => sum + n, 0)
}

describe('failover between RPC URLs', () => {
  const modes: [string, RpcFaultRule][] = [
    ['fail (HTTP 500)', { mode: 'fail' }],
    ['fail (JSON-RPC error)', { mode: 'fail', failWith: 'rpc' }],
    ['stall', { mode: 'stall' }],
    ['drop', { mode: 'drop' }],
  ]

  it.each(modes)(
    'reads and submits through the second URL when the first is in %s',
    async (_, rule) => {
      first.setMode(rule)
      const logger = createMemoryLogger()
      const chain = ferry.chain({
        rpcUrls: [first.url, ferry.node.rpcUrl],
        requestTimeoutMs: 300,
        logger,
      })
      const faultedBefore = faultedCount(first)
      const head = await chain.getHead()
      expect(head.number).toBe(await ferry.client.getBlockNumber())
      await deliverOne(chain)
      expect(faultedCount(first) - faultedBefore).toBeGreaterThan(0)
      // The adapter sticks to the URL that answered: the first is tried once, not per request.
      expect(faultedCount(first) - faultedBefore).toBe(1)
      expect(logger.lines.some((line) => line.message === 'RPC URL failed; trying the next')).toBe(
        true,
      )
    },
  )

  it('broadcasts through the second URL when only eth_sendRawTransaction stalls on the first', async () => {
    first.setMode({ mode: 'stall', methods: ['eth_sendRawTransaction'], count: 1 })
    const chain = ferry.chain({ rpcUrls: [first.url, second.url], requestTimeoutMs: 300 })
    const sentBefore = second.requests.get('eth_sendRawTransaction') ?? 0
    await deliverOne(chain)
    expect(first.faulted.get('eth_sendRawTransaction')).toBe(1)
    expect(second.requests.get('eth_sendRawTransaction')).toBe(sentBefore + 1)
  })

  it('throws a retryable RpcError naming the method when every URL fails, and never the key', async () => {
    first.setMode('fail')
    second.setMode('drop')
    const logger = createMemoryLogger()
    const chain = ferry.chain({ rpcUrls: [first.url, second.url], requestTimeoutMs: 300, logger })
    const error = await chain.getHead().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RpcError)
    expect(error).toMatchObject({ method: 'eth_getBlockByNumber', retryable: true })
    const secret = keys.relayer.slice(2)
    expect(`${String(error)} ${JSON.stringify(logger.lines)}`).not.toContain(secret)
  })

  it('drops a transaction no URL would take, and the next one reuses its nonce (no gap)', async () => {
    const journal = createMemoryJournal()
    const logger = createMemoryLogger()
    const chain = ferry.chain({
      journal,
      logger,
      rpcUrls: [first.url, second.url],
      requestTimeoutMs: 300,
    })
    const [message] = await ferry.send({ recipient: await ferry.newRecipient() })
    const call = {
      type: 'deliverBatch' as const,
      messages: [message!.encoded],
      proofs: await ferry.prove([message!]),
    }
    first.setMode({ mode: 'fail', methods: ['eth_sendRawTransaction'] })
    second.setMode({ mode: 'fail', methods: ['eth_sendRawTransaction'] })
    const error = await chain
      .submit(call, { gasFloor, messageIds: [message!.id] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RpcError)
    expect(error).toMatchObject({ method: 'eth_sendRawTransaction', retryable: true })
    const secret = keys.relayer.slice(2)
    expect(`${String(error)} ${JSON.stringify(logger.lines)}`).not.toContain(secret)
    const [dropped] = journal.list()
    expect(dropped?.state).toBe('dropped')
    const droppedNonce = dropped!.entry.nonce

    first.setMode('pass')
    second.setMode('pass')
    const receipt = await chain.submit(call, { gasFloor, messageIds: [message!.id] })
    expect(receipt.outcomes[0]?.status).toBe(MessageStatus.Executed)
    // The nonce is used again. (With the same fees the signature, and so the hash, is the same
    // as the dropped one's: the journal then records that hash as signed again.)
    const rows = journal.list()
    const mined = rows.find((row) => row.state === 'mined')
    expect(mined?.entry).toMatchObject({
      nonce: droppedNonce,
      transactionHash: receipt.transactionHash,
    })
    expect(rows.filter((row) => row !== mined).map((row) => row.state)).not.toContain('signed')
  })
})

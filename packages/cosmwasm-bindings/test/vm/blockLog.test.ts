// The embedded chain's block log: a block per transaction and per `advance`, deterministic
// hashes, events by height range, queries at past heights, and bounded history.
import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { createEmbeddedChain } from '../../src/embedded/createEmbeddedChain.ts'
import { EmbeddedChainError } from '../../src/embedded/errors.ts'
import { account } from './fixtures/accounts.ts'
import { assembleWat } from './fixtures/assembleWat.ts'

const alice = account(1)
const probeWasm = assembleWat('probe.wat')

async function start(history?: number) {
  const chain = createEmbeddedChain({ chainId: 'ferry-test', bech32Prefix: 'wasm', history })
  const codeId = await chain.storeCode(alice, probeWasm)
  const { contractAddress } = await chain.instantiate(alice, codeId, { hello: 'world' })
  return { chain, probe: contractAddress }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').toUpperCase()

describe('EmbeddedChain block log', () => {
  test('each transaction opens a block holding its hash and events', async () => {
    const { chain, probe } = await start()
    const { height, transactionHash, events } = await chain.execute(alice, probe, { set: 1 })
    const block = chain.getBlock(height)
    expect(block).toMatchObject({ height, time: chain.time })
    expect(block?.transactions).toEqual([{ hash: transactionHash, events }])
    expect(block?.hash).toBe(sha256(`ferry-test\n${height}\n${chain.time}\n${transactionHash}`))
    expect(chain.latestBlock).toEqual({ height, hash: block?.hash, time: block?.time })
  })

  test('heights above the head have no block; a failed transaction opens none', async () => {
    const { chain, probe } = await start()
    const head = chain.latestBlock
    await expect(chain.execute(alice, probe, { fail: 1 })).rejects.toThrow(EmbeddedChainError)
    expect(chain.latestBlock).toEqual(head)
    expect(chain.getBlock(head.height + 1)).toBeUndefined()
  })

  test('advance opens blocks; skipped heights are empty blocks with the earlier time', async () => {
    const { chain } = await start()
    const before = chain.latestBlock
    chain.advance({ blocks: 3, seconds: 600 })
    expect(chain.height).toBe(before.height + 3)
    expect(chain.latestBlock.time).toBeGreaterThanOrEqual(before.time + 600)
    const skipped = chain.getBlock(before.height + 1)
    expect(skipped).toEqual({
      height: before.height + 1,
      time: before.time,
      hash: sha256(`ferry-test\n${before.height + 1}\n${before.time}\n`),
      transactions: [],
    })
    // One block even without `blocks`: a devnet can "mine" to move time on.
    chain.advance({ seconds: 60 })
    expect(chain.height).toBe(before.height + 4)
  })

  test('getEvents returns transactions in a height range, filtered by event type', async () => {
    const { chain, probe } = await start()
    const first = await chain.execute(alice, probe, { set: 1 })
    chain.advance({ blocks: 5 })
    const second = await chain.execute(alice, probe, { set: 2 })
    await chain.execute(alice, probe, { set: 3 })

    const range = chain.getEvents({
      fromHeight: first.height,
      toHeight: second.height,
      type: 'wasm-probe',
    })
    expect(range).toEqual(
      [first, second].map((outcome) => ({
        height: outcome.height,
        blockHash: chain.getBlock(outcome.height)?.hash,
        transactionHash: outcome.transactionHash,
        events: outcome.events.filter((event) => event.type === 'wasm-probe'),
      })),
    )
    // Every event without a type; the range is clamped to the head.
    const all = chain.getEvents({ fromHeight: 0, toHeight: chain.height + 100 })
    expect(all.at(-1)?.events.map((event) => event.type)).toEqual(['execute', 'wasm', 'wasm-probe'])
    expect(chain.getEvents({ fromHeight: second.height + 1, toHeight: second.height })).toEqual([])
  })

  test('queryAt reads the state after a past block', async () => {
    const { chain, probe } = await start()
    const one = await chain.execute(alice, probe, { set: 1 })
    chain.advance({ blocks: 2 })
    await chain.execute(alice, probe, { set: 2 })
    expect(await chain.query(probe, { get: 's' })).toEqual({ set: 2 })
    expect(await chain.queryAt(one.height, probe, { get: 's' })).toEqual({ set: 1 })
    expect(await chain.queryAt(one.height + 2, probe, { get: 's' })).toEqual({ set: 1 })
    expect(await chain.queryAt(one.height - 1, probe, { get: 's' })).toBeNull()
    expect(await chain.queryAt(chain.height, probe, { get: 's' })).toEqual({ set: 2 })
    await expect(chain.queryAt(chain.height + 1, probe, { get: 's' })).rejects.toMatchObject({
      operation: 'queryAt',
    })
  })

  test('history bounds what is kept: older blocks, events and states read as pruned', async () => {
    const { chain, probe } = await start(4)
    const outcomes = []
    for (let i = 1; i <= 6; i++) outcomes.push(await chain.execute(alice, probe, { set: i }))
    const [oldest] = outcomes
    const newest = outcomes.at(-1)!
    expect(() => chain.getBlock(oldest!.height)).toThrow(EmbeddedChainError)
    expect(() => chain.getEvents({ fromHeight: oldest!.height, toHeight: chain.height })).toThrow(
      /below the oldest block kept/,
    )
    expect(chain.getEvents({ fromHeight: newest.height - 3, toHeight: chain.height })).toHaveLength(
      4,
    )
    expect(await chain.queryAt(newest.height - 3, probe, { get: 's' })).toEqual({ set: 3 })
    await expect(chain.queryAt(newest.height - 4, probe, { get: 's' })).rejects.toThrow(
      /no longer kept/,
    )
  })

  test('hashes are deterministic per chain id, height, time and transactions', async () => {
    const { chain, probe } = await start()
    const { height } = await chain.execute(alice, probe, { set: 1 })
    const block = chain.getBlock(height)!
    expect(block.hash).toMatch(/^[0-9A-F]{64}$/)
    expect(chain.getBlock(height)?.hash).toBe(block.hash)
    expect(chain.getBlock(height - 1)?.hash).not.toBe(block.hash)
  })
})

import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { packBatches } from './packBatches.js'
import { BASE_DELIVERY_GAS, worstCaseMessageGas } from './policy.js'

/** The config's default `relayer.maxBatchGas`. */
const MAX_GAS = 12_000_000n

type TestMessage = { channel: Hex; nonce: number; gasLimit: number }

const run = (channel: number, count: number, gasLimit = 100_000): TestMessage[] =>
  Array.from({ length: count }, (_, i) => ({
    channel: `0x${channel.toString(16).padStart(64, '0')}`,
    nonce: i + 1,
    gasLimit,
  }))

const batchGas = (batch: readonly TestMessage[]) =>
  batch.reduce((sum, m) => sum + worstCaseMessageGas(m.gasLimit), BASE_DELIVERY_GAS)

const shape = (batches: readonly TestMessage[][]) =>
  batches.map((batch) => batch.map((m) => `${Number(BigInt(m.channel))}:${m.nonce}`))

describe('packBatches', () => {
  test('puts whole channel runs together while the batch has room', () => {
    const batches = packBatches([...run(1, 2), ...run(2, 3)], {
      batchSize: 10,
      maxGas: MAX_GAS,
      batches: 4,
    })
    expect(shape(batches)).toEqual([['1:1', '1:2', '2:1', '2:2', '2:3']])
  })

  test('never splits a channel across batches: a run that does not fit opens the next batch', () => {
    const batches = packBatches([...run(1, 3), ...run(2, 3), ...run(3, 2)], {
      batchSize: 4,
      maxGas: MAX_GAS,
      batches: 4,
    })
    expect(shape(batches)).toEqual([
      ['1:1', '1:2', '1:3'],
      ['2:1', '2:2', '2:3'],
      ['3:1', '3:2'],
    ])
  })

  test('a run longer than a batch gives the prefix that fits, by count and by worst-case gas', () => {
    const byCount = packBatches(run(1, 7), { batchSize: 5, maxGas: MAX_GAS, batches: 4 })
    expect(shape(byCount)).toEqual([['1:1', '1:2', '1:3', '1:4', '1:5']])

    const [byGas] = packBatches(run(1, 80, 200_000), {
      batchSize: 200,
      maxGas: MAX_GAS,
      batches: 4,
    })
    expect(byGas).toHaveLength(44)
    expect(batchGas(byGas ?? [])).toBeLessThanOrEqual(MAX_GAS)
    expect(batchGas(run(1, 45, 200_000))).toBeGreaterThan(MAX_GAS)
    // The adapter asks for up to 1.2 × its estimate: still under EIP-7825's 2^24 per transaction.
    expect((MAX_GAS * 12n) / 10n).toBeLessThan(2n ** 24n)
  })

  test('fills at most `batches` batches; the rest waits', () => {
    const batches = packBatches([...run(1, 3), ...run(2, 3), ...run(3, 3)], {
      batchSize: 3,
      maxGas: MAX_GAS,
      batches: 2,
    })
    expect(shape(batches)).toEqual([
      ['1:1', '1:2', '1:3'],
      ['2:1', '2:2', '2:3'],
    ])
  })

  test('keeps nonce order within each channel when channels arrive interleaved', () => {
    const interleaved = [run(1, 2), run(2, 2)].flat().sort((x, y) => x.nonce - y.nonce)
    const batches = packBatches(interleaved, { batchSize: 10, maxGas: MAX_GAS, batches: 1 })
    expect(shape(batches)).toEqual([['1:1', '1:2', '2:1', '2:2']])
  })

  test('a message whose limit alone exceeds the cap still goes, alone', () => {
    const batches = packBatches([...run(1, 2, 50_000_000), ...run(2, 1)], {
      batchSize: 10,
      maxGas: MAX_GAS,
      batches: 3,
    })
    expect(shape(batches)).toEqual([['1:1'], ['2:1']])
    expect(packBatches([], { batchSize: 10, maxGas: MAX_GAS, batches: 3 })).toEqual([])
  })
})

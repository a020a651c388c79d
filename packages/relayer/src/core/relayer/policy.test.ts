import { describe, expect, test } from 'vitest'
import { deliveryGasFloor, withinGasCap, worstCaseDeliveryGas } from './policy.js'

/** The config's default `relayer.maxBatchGas`. */
const MAX_BATCH_GAS = 12_000_000n

describe('withinGasCap', () => {
  const messages = (count: number, gasLimit: number) =>
    Array.from({ length: count }, (_, i) => ({ i, gasLimit }))

  test('keeps the longest prefix whose gas floor fits, under EIP-7825’s 2^24 with room to spare', () => {
    const batch = withinGasCap(messages(80, 200_000), MAX_BATCH_GAS)
    expect(batch.map((m) => m.i)).toEqual([...Array(44).keys()])
    expect(worstCaseDeliveryGas(batch.map((m) => m.gasLimit))).toBeLessThanOrEqual(MAX_BATCH_GAS)
    expect(worstCaseDeliveryGas(messages(45, 200_000).map((m) => m.gasLimit))).toBeGreaterThan(
      MAX_BATCH_GAS,
    )
    expect((MAX_BATCH_GAS * 12n) / 10n).toBeLessThan(2n ** 24n)
  })

  test('keeps a batch that fits whole, and always at least one message', () => {
    expect(withinGasCap(messages(30, 100_000), MAX_BATCH_GAS)).toHaveLength(30)
    expect(withinGasCap(messages(3, 50_000_000), MAX_BATCH_GAS)).toHaveLength(1)
    expect(withinGasCap([], MAX_BATCH_GAS)).toEqual([])
  })
})

describe('deliveryGasFloor', () => {
  test('covers the endpoint per message and the largest handler guard once', () => {
    expect(deliveryGasFloor([200_000, 50_000])).toBe(
      100_000n + 2n * 60_000n + 200_000n + 3_174n + 3_000n,
    )
    expect(deliveryGasFloor([])).toBe(100_000n)
    expect(deliveryGasFloor([200_000, 50_000])).toBeLessThan(
      worstCaseDeliveryGas([200_000, 50_000]),
    )
  })
})

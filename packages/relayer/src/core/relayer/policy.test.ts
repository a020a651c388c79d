import { describe, expect, test } from 'vitest'
import {
  deliveryGasFloor,
  parkedCheckAt,
  type RelayerPolicy,
  retriesExhausted,
  retryGasLimit,
  worstCaseDeliveryGas,
  worstCaseMessageGas,
} from './policy.js'

const policy = (retry: Partial<RelayerPolicy['retry']> = {}): RelayerPolicy => ({
  batchSize: 10,
  maxBatchGas: 12_000_000n,
  leaseMs: 1_000,
  retry: {
    initialDelayMs: 100,
    maxDelayMs: 5_000,
    factor: 2,
    maxAttempts: 3,
    gasLimitMultiplier: 1,
    ...retry,
  },
  minimumFee: new Map(),
  maxInFlight: 1,
})

describe('retryGasLimit', () => {
  test('is the message’s own limit at the default multiplier', () => {
    expect(retryGasLimit(policy(), 100_000)).toBe(100_000)
  })

  test('rounds the scaled limit up, without floating-point noise', () => {
    expect(retryGasLimit(policy({ gasLimitMultiplier: 1.5 }), 100_001)).toBe(150_002)
    // 100,000 × 1.1 is 110,000.00000000001 in floating point.
    expect(retryGasLimit(policy({ gasLimitMultiplier: 1.1 }), 100_000)).toBe(110_000)
    expect(retryGasLimit(policy({ gasLimitMultiplier: 2 }), 0)).toBe(0)
  })

  test('stops at what one transaction within maxBatchGas can give a handler', () => {
    const limit = retryGasLimit(policy({ gasLimitMultiplier: 100 }), 200_000)
    expect(limit).toBeLessThan(20_000_000)
    expect(worstCaseDeliveryGas([limit])).toBeLessThanOrEqual(12_000_000n)
    expect(worstCaseDeliveryGas([limit + 2])).toBeGreaterThan(12_000_000n)
  })

  test('never goes below the message’s own limit, even above that cap', () => {
    expect(retryGasLimit(policy({ gasLimitMultiplier: 100 }), 0xffff_0000)).toBe(0xffff_0000)
  })
})

describe('retriesExhausted', () => {
  test('parks a message without a deadline once it had maxAttempts attempts', () => {
    expect(retriesExhausted(policy(), { deadline: 0n, attempts: 2 })).toBe(false)
    expect(retriesExhausted(policy(), { deadline: 0n, attempts: 3 })).toBe(true)
  })

  test('never parks a message with a deadline: it is timed out instead', () => {
    expect(retriesExhausted(policy(), { deadline: 1n, attempts: 50 })).toBe(false)
  })

  test('a parked message is checked again after maxDelayMs', () => {
    expect(parkedCheckAt(policy(), new Date(1_000)).getTime()).toBe(6_000)
  })
})

describe('deliveryGasFloor', () => {
  test('covers the endpoint per message and the largest handler guard once', () => {
    expect(deliveryGasFloor([200_000, 50_000])).toBe(
      100_000n + 2n * 60_000n + 200_000n + 3_174n + 3_000n,
    )
    expect(deliveryGasFloor([])).toBe(100_000n)
    expect(deliveryGasFloor([200_000, 50_000])).toBeLessThan(
      100_000n + worstCaseMessageGas(200_000) + worstCaseMessageGas(50_000),
    )
  })
})

describe('worstCaseMessageGas', () => {
  test('is the endpoint’s work plus the handler’s whole guarded limit', () => {
    expect(worstCaseMessageGas(200_000)).toBe(60_000n + 200_000n + 3_174n + 3_000n)
  })
})

describe('worstCaseDeliveryGas', () => {
  test('is the batch’s fixed work plus each message’s worst case, above the floor', () => {
    expect(worstCaseDeliveryGas([200_000, 50_000])).toBe(
      100_000n + worstCaseMessageGas(200_000) + worstCaseMessageGas(50_000),
    )
    expect(worstCaseDeliveryGas([200_000, 50_000])).toBeGreaterThan(
      deliveryGasFloor([200_000, 50_000]),
    )
  })
})

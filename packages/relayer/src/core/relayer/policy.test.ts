import { describe, expect, test } from 'vitest'
import { deliveryGasFloor, worstCaseDeliveryGas, worstCaseMessageGas } from './policy.js'

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

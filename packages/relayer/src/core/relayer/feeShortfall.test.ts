import { expect, test } from 'vitest'
import { feeShortfall } from './feeShortfall.js'

test('is what the policy asks beyond what was paid, top-ups included', () => {
  expect(feeShortfall({ feePaid: 300n, minimumFee: 1_000n })).toBe(700n)
  expect(feeShortfall({ feePaid: 0n, minimumFee: 1n })).toBe(1n)
})

test('is 0 once the message paid the minimum or more, and with no minimum', () => {
  expect(feeShortfall({ feePaid: 1_000n, minimumFee: 1_000n })).toBe(0n)
  expect(feeShortfall({ feePaid: 5_000n, minimumFee: 1_000n })).toBe(0n)
  expect(feeShortfall({ feePaid: 0n, minimumFee: 0n })).toBe(0n)
})

test('is exact beyond 2^53 (wei amounts)', () => {
  expect(feeShortfall({ feePaid: 10n ** 18n, minimumFee: 10n ** 18n + 1n })).toBe(1n)
})

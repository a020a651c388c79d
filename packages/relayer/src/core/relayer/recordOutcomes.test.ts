import { MessageStatus } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import type { StoredMessage } from '../../store/types.js'
import type { RelayerPolicy } from './policy.js'
import { outcomeUpdates } from './recordOutcomes.js'

const policy: RelayerPolicy = {
  batchSize: 10,
  maxBatchGas: 12_000_000n,
  leaseMs: 1_000,
  retry: {
    initialDelayMs: 100,
    maxDelayMs: 5_000,
    factor: 2,
    maxAttempts: 3,
    gasLimitMultiplier: 1,
  },
  minimumFee: new Map(),
  maxInFlight: 1,
}
const id = `0x${'11'.repeat(32)}` as const
// CAST: outcomeUpdates reads only the id, deadline and attempts of a message.
const message = (fields: Partial<StoredMessage>) =>
  ({ id, deadline: 0n, attempts: 0, ...fields }) as StoredMessage
const failed = {
  transactionHash: '0xabc',
  blockNumber: 1n,
  status: 'success' as const,
  outcomes: [{ id, status: MessageStatus.Failed, result: '0x' as const }],
  gasUsed: 1n,
  l1Fee: 0n,
}
const now = new Date(10_000)

describe('outcomeUpdates of a Failed outcome', () => {
  test('schedules a retry with backoff while attempts remain', () => {
    const [update] = outcomeUpdates(failed, [message({ attempts: 1 })], policy, 'retried', now)
    expect(update).toMatchObject({
      stage: 'failed',
      reason: 'retry_scheduled',
      attempt: true,
      nextAttemptAt: new Date(10_200),
    })
  })

  test('parks a message without a deadline at its maxAttempts-th attempt', () => {
    const [update] = outcomeUpdates(failed, [message({ attempts: 2 })], policy, 'retried', now)
    expect(update).toMatchObject({
      stage: 'failed',
      reason: 'retries_exhausted',
      status: MessageStatus.Failed,
      attempt: true,
      nextAttemptAt: new Date(15_000),
    })
    expect(update?.detail).toContain('attempt 3 of 3')
  })

  test('keeps retrying a message with a deadline (it is timed out, not parked)', () => {
    const [update] = outcomeUpdates(
      failed,
      [message({ attempts: 7, deadline: 99n })],
      policy,
      'retried',
      now,
    )
    expect(update?.reason).toBe('retry_scheduled')
  })
})

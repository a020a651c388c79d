import { describe, expect, it } from 'vitest'
import { failureReasons } from './failureReasons.js'

describe('failureReasons', () => {
  it('names each reason in snake_case with a one-line description', () => {
    for (const [name, { description, retryable }] of Object.entries(failureReasons)) {
      expect(name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/)
      expect(description).not.toContain('\n')
      expect(description.endsWith('.')).toBe(true)
      expect(typeof retryable).toBe('boolean')
    }
  })

  it('says which reasons can clear by themselves', () => {
    const retryable = Object.entries(failureReasons)
      .filter(([, info]) => info.retryable)
      .map(([name]) => name)
    expect(retryable.sort()).toEqual([
      'deadline_not_passed',
      'insufficient_gas',
      'nonce_out_of_order',
      'paused',
    ])
  })
})

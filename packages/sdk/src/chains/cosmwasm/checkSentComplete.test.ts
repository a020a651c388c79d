import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { IncompleteEventsError } from '../errors.js'
import type { SentMessageEvent } from '../types.js'
import { checkSentComplete } from './checkSentComplete.js'

// Only the leaf index matters to the check.
const leaves = (...indexes: number[]) =>
  indexes.map(
    (leafIndex): SentMessageEvent => ({
      id: `0x${leafIndex.toString(16).padStart(64, '0')}` as Hex, // CAST: 32 bytes of hex
      leafIndex,
      encoded: '0x',
      message: {
        version: 1,
        flags: 0,
        origin: 1,
        sender: '0x',
        destination: 2,
        recipient: '0x',
        nonce: 1n,
        deadline: 0n,
        gasLimit: 0,
        ackGasLimit: 0,
        body: '0x',
      },
      block: { number: 1n, hash: '' },
      transactionHash: '',
    }),
  )
const check = (events: SentMessageEvent[], countBefore?: number, countAfter?: number) => () =>
  checkSentComplete({ domain: 7001, fromBlock: 10n, toBlock: 20n, events, countBefore, countAfter })

describe('checkSentComplete', () => {
  test('passes every leaf the tree grew by, or nothing when it did not grow', () => {
    expect(check(leaves(3, 4), 3, 5)).not.toThrow()
    expect(check([], 5, 5)).not.toThrow()
  })

  test('an index behind its blocks (missing newest leaves, or all of them) is incomplete', () => {
    expect(check(leaves(3), 3, 5)).toThrow(IncompleteEventsError)
    expect(check([], 3, 5)).toThrow(/show 0 sent messages of 2/)
  })

  test('a gap or a leaf from outside the range is incomplete', () => {
    expect(check(leaves(3, 5), 3, 6)).toThrow(IncompleteEventsError)
    expect(check(leaves(2, 3, 4), 3, 5)).toThrow(IncompleteEventsError)
  })

  test('with a count unknown, checks what is known', () => {
    expect(check(leaves(7, 8), undefined, 9)).not.toThrow()
    expect(check(leaves(7), undefined, 9)).toThrow(IncompleteEventsError)
    expect(check(leaves(3, 4), 3, undefined)).not.toThrow()
    expect(check(leaves(4), 3, undefined)).toThrow(IncompleteEventsError)
    expect(check([], undefined, 9)).not.toThrow()
    expect(check([], undefined, undefined)).not.toThrow()
  })

  test('the error is retryable', () => {
    const error = (() => {
      try {
        check([], 0, 1)()
      } catch (e) {
        return e
      }
    })()
    expect(error).toMatchObject({ name: 'IncompleteEventsError', retryable: true })
  })
})

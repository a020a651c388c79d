import { describe, expect, test } from 'vitest'
import type { Channel, MessageDetail } from '../api/types.ts'
import { whyItWaits } from './whyItWaits.ts'

const id = `0x${'11'.repeat(32)}`
const other = `0x${'22'.repeat(32)}`

function detail(overrides: Partial<MessageDetail> = {}): MessageDetail {
  return {
    id,
    origin: 31337,
    destination: 31338,
    channel: `0x${'33'.repeat(32)}`,
    nonce: '2',
    leafIndex: 4,
    sender: `0x${'00'.repeat(32)}`,
    recipient: `0x${'00'.repeat(32)}`,
    isAck: false,
    ackRequested: false,
    stage: 'ready',
    status: 'none',
    reason: 'indexed',
    attempts: 0,
    sentAt: '2026-01-01T00:00:00.000Z',
    finalizedAt: null,
    deliveredAt: null,
    nextAttemptAt: null,
    originTransactionHash: `0x${'44'.repeat(32)}`,
    transactionHash: null,
    encoded: '0x',
    feePaid: '0',
    feeAdded: '0',
    underpaid: null,
    result: null,
    decoded: { version: 1, flags: 0, deadline: '0', gasLimit: 300000, ackGasLimit: 0, body: '0x' },
    decodeError: null,
    lifecycle: {
      sent: {
        at: '2026-01-01T00:00:00.000Z',
        blockNumber: '10',
        blockHash: '0x',
        transactionHash: '0x',
        leafIndex: 4,
      },
      finalized: null,
      checkpoint: { signers: [] },
      attempts: [],
      delivered: null,
    },
    ack: null,
    acknowledges: null,
    ...overrides,
  }
}

const names = (domain: number) => ({ 31337: 'evm-a', 31338: 'evm-b' })[domain] ?? String(domain)
const now = 1_800_000_000n

describe('whyItWaits', () => {
  test('waiting for finality counts the blocks to go', () => {
    const why = whyItWaits({
      detail: detail({ stage: 'pending', reason: 'waiting_finality' }),
      chainName: names,
      originFinalizedBlock: 7n,
      now,
    })
    expect(why.sentence).toBe('Waiting for finality on evm-a: 3 blocks to go.')
    expect(why.action).toBeUndefined()
  })
  test('waiting for signatures says k of threshold', () => {
    const d = detail({ reason: 'waiting_signatures' })
    d.lifecycle.checkpoint.signers = [{ validator: '0xa', index: 4, root: '0x' }]
    const why = whyItWaits({ detail: d, chainName: names, threshold: 2, now })
    expect(why.state.type).toBe('waiting_signatures')
    expect(why.sentence).toBe('Waiting for signatures: 1 of 2 validators of evm-a signed.')
  })
  test('underpaid names the missing amount and the add-fee action', () => {
    const why = whyItWaits({
      detail: detail({ reason: 'underpaid', underpaid: { required: '100', missing: '40' } }),
      chainName: names,
      now,
    })
    expect(why.sentence).toBe(
      "Underpaid: the relayer asks 40 more (base units of evm-a's native token).",
    )
    expect(why.action).toBe('addFee')
  })
  test('blocked by an earlier message of the channel names it', () => {
    const channel = {
      blockedBy: {
        id: other,
        nonce: '1',
        stage: 'ready',
        reason: 'underpaid',
        detail: null,
        nextAttemptAt: null,
      },
    } as unknown as Channel
    const why = whyItWaits({
      detail: detail({ reason: 'waiting_channel_order' }),
      chainName: names,
      channel,
      now,
    })
    expect(why.sentence).toBe(
      `Channel blocked by message ${other} (nonce 1): the fee it paid is below the relayer’s policy.`,
    )
  })
  test('failed decodes the revert and offers a retry; past its deadline, a timeout', () => {
    const failed = detail({
      stage: 'failed',
      status: 'failed',
      reason: 'retry_scheduled',
      result: '0x6661696c',
      nextAttemptAt: null,
    })
    const why = whyItWaits({ detail: failed, chainName: names, now })
    expect(why.sentence).toBe(
      'Failed on evm-b: the handler reverted with "fail"; retry it with more gas.',
    )
    expect(why.action).toBe('retryMessage')
    const late = whyItWaits({
      detail: { ...failed, decoded: { ...failed.decoded!, deadline: '100' } },
      chainName: names,
      now,
    })
    expect(late.action).toBe('timeoutMessage')
  })
  test('retries exhausted, executed and orphaned', () => {
    expect(
      whyItWaits({
        detail: detail({
          stage: 'failed',
          status: 'failed',
          reason: 'retries_exhausted',
          result: '0x',
        }),
        chainName: names,
        now,
      }).sentence,
    ).toMatch(/^Retries exhausted/)
    const done = whyItWaits({
      detail: detail({ stage: 'done', status: 'executed', reason: 'delivered' }),
      chainName: names,
      now,
    })
    expect([done.sentence, done.final]).toEqual(['Delivered: executed on evm-b.', true])
    expect(
      whyItWaits({
        detail: detail({ stage: 'orphaned', reason: 'orphaned' }),
        chainName: names,
        now,
      }).state.type,
    ).toBe('orphaned')
  })
})

import { MessageStatus } from '@ferry/protocol'
import { describe, expect, test } from 'vitest'
import { type ApiMessageDetail, toMessageState } from './toMessageState.js'

const id = `0x${'11'.repeat(32)}` as const
const sent = { origin: 31337, destination: 7001, deadline: 0n, gasLimit: 100_000 }
const now = 1_700_000_000n
/** The API detail fields the mapping reads; the rest of the schema is irrelevant here. */
const detail = (stage: string, reason: string, attemptDetail: string | null = null) =>
  // CAST: only stage, reason, result and lifecycle.attempts are read by toMessageState
  ({
    stage,
    reason,
    result: null,
    lifecycle: { attempts: [{ detail: attemptDetail }] },
  }) as unknown as ApiMessageDetail

describe('toMessageState', () => {
  test('not found on any chain', () => {
    expect(toMessageState({ id, sent: undefined, status: undefined, now })).toEqual({
      type: 'not_found',
      id,
    })
  })

  test('the destination status wins over a lagging relayer', () => {
    const state = toMessageState({
      id,
      sent,
      status: MessageStatus.Executed,
      detail: detail('ready', 'waiting_signatures'),
      now,
    })
    expect(state).toMatchObject({ type: 'executed', origin: 31337, destination: 7001 })
  })

  test('failed: retryable with more gas before its deadline; timeout after it', () => {
    expect(toMessageState({ id, sent, status: MessageStatus.Failed, now })).toMatchObject({
      type: 'failed',
      retryable: true,
      recovery: { action: 'retryMessage', gasLimit: 200_000 },
    })
    expect(
      toMessageState({
        id,
        sent: { ...sent, deadline: now - 1n },
        status: MessageStatus.Failed,
        now,
      }),
    ).toMatchObject({ type: 'failed', retryable: false, recovery: { action: 'timeoutMessage' } })
    expect(
      toMessageState({
        id,
        sent,
        status: MessageStatus.Failed,
        detail: detail('failed', 'retries_exhausted'),
        now,
      }),
    ).toMatchObject({ type: 'retries_exhausted' })
  })

  test('timed out', () => {
    expect(toMessageState({ id, sent, status: MessageStatus.TimedOut, now }).type).toBe('timed_out')
  })

  test.each([
    ['pending', 'indexed', 'pending_finality'],
    ['ready', 'waiting_finality', 'pending_finality'],
    ['ready', 'waiting_signatures', 'waiting_signatures'],
    ['ready', 'underpaid', 'underpaid'],
    ['ready', 'waiting_channel_order', 'in_flight'],
    ['submitted', 'submitting', 'in_flight'],
    ['ready', 'rpc_error', 'in_flight'],
    ['orphaned', 'orphaned', 'orphaned'],
    ['failed', 'retries_exhausted', 'retries_exhausted'],
    ['ready', 'a_reason_from_a_newer_relayer', 'unknown'],
  ])('not delivered, relayer says %s/%s: %s', (stage, reason, type) => {
    expect(
      toMessageState({
        id,
        sent,
        status: MessageStatus.None,
        detail: detail(stage, reason, 'why'),
        now,
      }).type,
    ).toBe(type)
  })

  test('underpaid: the API says how much is missing, and topping it up is the way out', () => {
    const underpaid = (shortfall: { required: string; missing: string } | null | undefined) =>
      toMessageState({
        id,
        sent,
        status: MessageStatus.None,
        // CAST: as `detail` above, with the shortfall an older relayer may leave out
        detail: { ...detail('ready', 'underpaid'), underpaid: shortfall } as ApiMessageDetail,
        now,
      })
    expect(underpaid({ required: '1000', missing: '700' })).toMatchObject({
      type: 'underpaid',
      missing: 700n,
      recovery: { action: 'addFee', amount: 700n },
    })
    // Beyond 2^53: base units stay exact.
    expect(underpaid({ required: '0', missing: '9007199254740993' })).toMatchObject({
      missing: 9_007_199_254_740_993n,
    })
    expect(underpaid({ required: '1000', missing: '0' })).toMatchObject({
      missing: 0n,
      recovery: { action: 'wait', until: 'delivered' },
    })
    for (const unknown of [null, undefined])
      expect(underpaid(unknown)).toMatchObject({
        type: 'underpaid',
        missing: undefined,
        recovery: { action: 'relayMessage' },
      })
  })

  test('without an API: the validators say whether it is signed', () => {
    expect(
      toMessageState({
        id,
        sent,
        status: MessageStatus.None,
        signatures: { signedIndex: 3, leafIndex: 4 },
        now,
      }),
    ).toMatchObject({ type: 'waiting_signatures', recovery: { action: 'wait' } })
    expect(
      toMessageState({
        id,
        sent,
        status: MessageStatus.None,
        signatures: { signedIndex: undefined, leafIndex: 0 },
        now,
      }).type,
    ).toBe('waiting_signatures')
    expect(
      toMessageState({
        id,
        sent,
        status: MessageStatus.None,
        signatures: { signedIndex: 4, leafIndex: 4 },
        now,
      }),
    ).toMatchObject({ type: 'in_flight', recovery: { action: 'relayMessage' } })
  })
})

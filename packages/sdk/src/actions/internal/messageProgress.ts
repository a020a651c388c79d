import type { MessageState } from '../toMessageState.js'

/**
 * Whether `state` will not change by itself: executed, timed out, orphaned, given up on by the
 * relayer, or failed past its deadline. (A retryable failure may still be retried to executed.)
 */
export function isSettled(state: MessageState): boolean {
  switch (state.type) {
    case 'executed':
    case 'timed_out':
    case 'orphaned':
    case 'retries_exhausted':
      return true
    case 'failed':
      return !state.retryable
    default:
      return false
  }
}

/** Whether the destination has given `state`'s message a status (or it can never get one). */
export function isDelivered(state: MessageState): boolean {
  return isSettled(state) || state.type === 'failed'
}

/** What tells one stage from the next: the state, and for `in_flight` what the relayer is at. */
export function stageKey(state: MessageState): string {
  return state.type === 'in_flight' ? `in_flight:${state.reason ?? ''}` : state.type
}

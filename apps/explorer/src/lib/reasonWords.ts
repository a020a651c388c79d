import type { Reason } from '../api/types.ts'

const WORDS: Record<Reason, string> = {
  indexed: 'indexed by the relayer',
  waiting_finality: 'waiting for its origin block to be final',
  waiting_signatures: 'waiting for validator signatures',
  waiting_channel_order: 'waiting for an earlier message of its channel',
  underpaid: 'the fee it paid is below the relayer’s policy',
  gas_estimate_reverted: 'the delivery’s gas estimate reverted',
  tx_reverted: 'the delivery transaction reverted',
  rpc_error: 'a chain’s RPC failed',
  nonce_conflict: 'the relayer’s transaction nonce conflicted',
  gas_price_above_cap: 'the gas price is above the relayer’s cap',
  internal_error: 'the relayer hit an internal error',
  delivered: 'delivered',
  delivered_by_other: 'delivered by someone else',
  retry_scheduled: 'a retry is scheduled',
  retries_exhausted: 'the relayer stopped retrying',
  retried: 'retried',
  timed_out: 'timed out',
  orphaned: 'removed by a reorg',
  submitting: 'a delivery is being submitted',
  resumed_after_restart: 'resumed after the relayer restarted',
  fee_added: 'a fee top-up was counted',
}

/**
 * A relayer reason code (the API's `Reason`) in words; an unknown code (a newer relayer) as itself.
 *
 * @example
 * reasonWords('underpaid') // 'the fee it paid is below the relayer’s policy'
 */
export function reasonWords(reason: string): string {
  // CAST: a code outside the generated enum reads as undefined and falls back to itself.
  return (WORDS as Record<string, string | undefined>)[reason] ?? reason
}

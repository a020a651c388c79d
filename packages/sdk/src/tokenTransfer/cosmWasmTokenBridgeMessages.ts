// The CosmWasm token bridge's messages (spec/apps/token-bridge.md §9, the bridge's header in
// packages/cosmwasm-bindings/contract/token/bridge.ts): what `quoteTransfer` and
// `transferToken` execute and query, and how they read the answers. Pure, so tested apart from
// a chain.
import type { Coin } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { QuoteTransferReturnType } from '../actions/quoteTransfer.js'
import { UnexpectedAnswerError } from '../errors/UnexpectedAnswerError.js'

/** `{"quote_transfer":{"destination","amount"}}`, the amount a decimal string (u128). */
export function quoteTransferQuery(destination: number, amount: bigint) {
  return { quote_transfer: { destination, amount: amount.toString() } }
}

/** `{"transfer_remote":{"destination","recipient":"0x…b32","amount"}}`. */
export function transferRemoteMsg(destination: number, recipient: Hex, amount: bigint) {
  return {
    transfer_remote: { destination, recipient: recipient.toLowerCase(), amount: amount.toString() },
  }
}

/** `{"config":{}}`: the bridge's mode and, in native mode, the bank denom it locks. */
export const CONFIG_QUERY = { config: {} } as const

/**
 * The funds a `transfer_remote` carries: `sent` of the locked denom (a native-mode bridge; a
 * synthetic one burns from balances it keeps) and the Ferry fee in the endpoint's denom, summed
 * when both are the same denom, without zero coins, sorted by denom as the Cosmos SDK requires.
 */
export function transferFunds({
  lockedDenom,
  sent,
  fee,
}: {
  lockedDenom: string | null
  sent: bigint
  fee: { denom: string; amount: bigint }
}): Coin[] {
  const owed = new Map<string, bigint>()
  const add = (denom: string, amount: bigint) =>
    amount > 0n && owed.set(denom, (owed.get(denom) ?? 0n) + amount)
  if (lockedDenom !== null) add(lockedDenom, sent)
  add(fee.denom, fee.amount)
  return [...owed.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([denom, amount]) => ({ denom, amount: amount.toString() }))
}

/** The bridge's `quote_transfer` answer as `quoteTransfer` returns it. */
export function parseQuoteTransfer(answer: unknown): QuoteTransferReturnType & { denom: string } {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {} // CAST: checked an object
  const a = record(answer)
  const fee = record(a.fee)
  const u128 = (value: unknown, field: string): bigint => {
    if (typeof value !== 'string' || !/^[0-9]+$/.test(value))
      throw new UnexpectedAnswerError({ query: 'quote_transfer', field, value })
    return BigInt(value)
  }
  if (typeof fee.denom !== 'string')
    throw new UnexpectedAnswerError({
      query: 'quote_transfer',
      field: 'fee.denom',
      value: fee.denom,
    })
  return {
    fee: u128(fee.amount, 'fee.amount'),
    denom: fee.denom,
    sent: u128(a.sent, 'sent'),
    amountReceived: u128(a.amount_received, 'amount_received'),
    dust: u128(a.dust, 'dust'),
    available: u128(a.available, 'available'),
  }
}

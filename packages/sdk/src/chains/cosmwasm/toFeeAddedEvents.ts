import { parseEndpointEvents } from '@ferry/cosmwasm-bindings'
import type { FeeAddedEvent } from '../types.js'
import type { SourceTransaction } from './source.js'

/**
 * The endpoint's `ferry_fee_added` events (fee top-ups, PROTOCOL §9, §11) among `transactions`,
 * in chain order; `eventIndex` counts top-ups within their transaction, which with its hash keys
 * each one.
 *
 * @example
 * const topUps = toFeeAddedEvents(await source.searchEvents(query), endpointAddress)
 */
export function toFeeAddedEvents(
  transactions: readonly SourceTransaction[],
  endpoint: string,
): FeeAddedEvent[] {
  const added: FeeAddedEvent[] = []
  for (const transaction of transactions) {
    let eventIndex = 0
    for (const event of parseEndpointEvents(transaction.events, { contract: endpoint })) {
      if (event.type !== 'feeAdded') continue
      added.push({
        id: event.id,
        amount: event.amount,
        block: { number: transaction.height, hash: transaction.blockHash },
        transactionHash: transaction.transactionHash,
        eventIndex: eventIndex++,
      })
    }
  }
  return added
}

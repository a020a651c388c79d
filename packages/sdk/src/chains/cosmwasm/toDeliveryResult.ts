import { parseEndpointEvents } from '@ferry/cosmwasm-bindings'
import type { Hex } from 'viem'
import type { DeliveryResult } from '../types.js'
import type { SourceTransaction } from './source.js'

/**
 * What the last `ferry_message_delivered` or `ferry_message_retried` of message `id` among
 * `transactions` (in chain order) left: its status and result; undefined when there is none.
 *
 * @example
 * const delivered = toDeliveryResult(await source.searchEvents(query), endpointAddress, id)
 */
export function toDeliveryResult(
  transactions: readonly SourceTransaction[],
  endpoint: string,
  id: Hex,
): DeliveryResult | undefined {
  let last: DeliveryResult | undefined
  for (const transaction of transactions)
    for (const event of parseEndpointEvents(transaction.events, { contract: endpoint }))
      if (
        (event.type === 'messageDelivered' || event.type === 'messageRetried') &&
        event.id.toLowerCase() === id.toLowerCase()
      )
        last = { status: event.status, result: event.result }
  return last
}

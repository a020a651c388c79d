import { EndpointEventError, parseEndpointEvents } from '@ferry/cosmwasm-bindings'
import { decodeMessage, getMessageId } from '@ferry/protocol'
import type { SentMessageEvent } from '../types.js'
import type { SourceTransaction } from './source.js'

/**
 * The endpoint's `ferry_message_sent` events among `transactions`, decoded, in leaf order. The
 * id is checked against the message's hash: a node that altered either is caught here, not
 * when the validator's tree disagrees with the endpoint's.
 *
 * @example
 * const events = toSentMessageEvents(await source.searchEvents(query), endpointAddress)
 */
export function toSentMessageEvents(
  transactions: readonly SourceTransaction[],
  endpoint: string,
): SentMessageEvent[] {
  const sent: SentMessageEvent[] = []
  for (const transaction of transactions) {
    for (const event of parseEndpointEvents(transaction.events, { contract: endpoint })) {
      if (event.type !== 'messageSent') continue
      if (getMessageId(event.message) !== event.id)
        throw new EndpointEventError({
          event: 'ferry_message_sent',
          attribute: 'id',
          value: event.id,
        })
      sent.push({
        id: event.id,
        leafIndex: event.leafIndex,
        encoded: event.message,
        message: decodeMessage(event.message),
        block: { number: transaction.height, hash: transaction.blockHash },
        transactionHash: transaction.transactionHash,
      })
    }
  }
  return sent.sort((a, b) => a.leafIndex - b.leafIndex)
}

import type { EndpointEvent } from '@ferry/cosmwasm-bindings'
import { MessageStatus } from '@ferry/protocol'
import type { DeliveryOutcome } from '@ferry/sdk'

/**
 * What a delivery, retry or timeout did to each message, from the endpoint's events of its
 * transaction, in order: `ferry_message_delivered` and `ferry_message_retried` carry the status
 * and result; `ferry_message_timed_out` means TimedOut with no result.
 *
 * @example
 * const outcomes = toDeliveryOutcomes((await deliverBatch(executor, parameters)).events)
 */
export function toDeliveryOutcomes(events: readonly EndpointEvent[]): DeliveryOutcome[] {
  return events.flatMap((event): DeliveryOutcome[] => {
    switch (event.type) {
      case 'messageDelivered':
      case 'messageRetried':
        return [{ id: event.id, status: event.status, result: event.result }]
      case 'messageTimedOut':
        return [{ id: event.id, status: MessageStatus.TimedOut, result: '0x' }]
      default:
        return []
    }
  })
}

import { MessageFlags } from '@ferry/protocol'
import type { StoredMessage } from '../../store/types.js'

type Fields = Pick<
  StoredMessage,
  'origin' | 'destination' | 'sender' | 'recipient' | 'flags' | 'gasLimit' | 'ackGasLimit' | 'stage'
>

/**
 * Whether `ack`'s delivery was paid with its original message (PROTOCOL §8, §9), so the relayer
 * carries it for free: the original (looked up by the id the ack's body starts with) was indexed
 * as sent on the ack's destination, to the ack's origin, between the same two apps the other way
 * round, and asked for an ack with at least the ack's gas limit. Any other ack (an app with an
 * always-true verifier can make its endpoint emit one for a message never sent) is priced like a
 * message.
 *
 * @example
 * const free = isPaidAck(ack, await store.getMessage(getAckOriginalId(ack.encoded)))
 */
export function isPaidAck(ack: Fields, original: Fields | undefined): boolean {
  return (
    original !== undefined &&
    original.stage !== 'orphaned' &&
    (original.flags & MessageFlags.ackRequested) !== 0 &&
    original.origin === ack.destination &&
    original.destination === ack.origin &&
    original.sender === ack.recipient &&
    original.recipient === ack.sender &&
    ack.gasLimit <= original.ackGasLimit
  )
}

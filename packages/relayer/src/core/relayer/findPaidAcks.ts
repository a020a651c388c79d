import { MessageFlags } from '@ferry/protocol'
import type { Hex } from 'viem'
import { ackOriginalId } from '../../store/ackOriginalId.js'
import type { RelayerStore, StoredMessage } from '../../store/types.js'
import { isPaidAck } from './isPaidAck.js'

/**
 * The acks among `claimed` that would be underpaid as messages but were paid with their original
 * (PROTOCOL §9): only those go free. One store read for all of them.
 *
 * @example
 * const free = await findPaidAcks(store, claimed, minimumFee)
 */
export async function findPaidAcks(
  store: RelayerStore,
  claimed: readonly StoredMessage[],
  minimumFee: bigint,
): Promise<Set<Hex>> {
  const acks = claimed.flatMap((message) => {
    if ((message.flags & MessageFlags.isAck) === 0 || message.feePaid >= minimumFee) return []
    const originalId = ackOriginalId(message.flags, message.encoded)
    return originalId ? [{ message, originalId }] : []
  })
  if (acks.length === 0) return new Set()
  const originals = new Map(
    (await store.getMessagesByIds(acks.map((ack) => ack.originalId))).map((m) => [m.id, m]),
  )
  return new Set(
    acks.flatMap(({ message, originalId }) =>
      isPaidAck(message, originals.get(originalId)) ? [message.id] : [],
    ),
  )
}

import { MessageFlags, MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { ChainSubmitter } from '../../chains/types.js'
import type { MessageUpdate, StoredMessage } from '../../store/types.js'
import type { DeliveryContext } from './deliveryContext.js'
import { feeShortfall } from './feeShortfall.js'
import { findPaidAcks } from './findPaidAcks.js'
import { type RelayerPolicy, retryAt } from './policy.js'
import { waitUpdate } from './waitUpdate.js'

export type SortClaimedReturnType = {
  /** Per channel, the run from the destination's next nonce up to the first that must wait. */
  deliverable: StoredMessage[]
  /** Why each other message waits, or how it ended when someone else delivered it. */
  updates: MessageUpdate[]
}

/**
 * Splits claimed messages into what to deliver now and updates for the rest: per channel, what
 * the destination already has was delivered by someone else (its status is recorded), a gap
 * waits for channel order, and an underpaid message (an ack not paid with its original
 * included) holds itself and everything after it in its channel.
 *
 * @example
 * const { deliverable, updates } = await sortClaimed(context, claimed, signal)
 */
export async function sortClaimed(
  { store, destination, policy, origin, l1DeliveryCost }: DeliveryContext,
  claimed: readonly StoredMessage[],
  signal?: AbortSignal,
): Promise<SortClaimedReturnType> {
  const minimumFee = policy.minimumFee.get(origin.domain) ?? 0n
  const free = await findPaidAcks(store, claimed, minimumFee)
  const byChannel = new Map<Hex, StoredMessage[]>()
  for (const message of claimed)
    byChannel.set(message.channel, [...(byChannel.get(message.channel) ?? []), message])
  const deliverable: StoredMessage[] = []
  const updates: MessageUpdate[] = []
  const now = new Date()
  await Promise.all(
    [...byChannel].map(async ([channel, messages]) => {
      let next = (await destination.getInboundNonce(channel, signal)) + 1n
      const firstUndelivered = next
      for (const [i, message] of messages.entries()) {
        if (message.nonce < firstUndelivered) {
          updates.push(await deliveredElsewhere(destination, policy, message, signal))
          continue
        }
        if (message.nonce !== next) {
          for (const rest of messages.slice(i))
            updates.push(
              ...waitUpdate(rest, 'waiting_channel_order', `destination expects nonce ${next}`),
            )
          break
        }
        // An ack pays nothing where it starts: its delivery was paid with the original
        // message, if this relayer saw that sent where the ack goes; otherwise it pays its way.
        // On a rollup the delivery also pays an L1 data fee: the message must cover it too.
        const required = minimumFee + ((await l1DeliveryCost?.(message.encoded, signal)) ?? 0n)
        if (
          feeShortfall({ feePaid: message.feePaid, minimumFee: required }) > 0n &&
          !free.has(message.id)
        ) {
          const isAck = (message.flags & MessageFlags.isAck) !== 0
          updates.push(
            ...waitUpdate(
              message,
              'underpaid',
              `${isAck ? 'ack of a message not seen sent on its destination; ' : ''}paid ${message.feePaid}, policy asks ${required}${required === minimumFee ? '' : ` (${minimumFee} + L1 data fee)`}`,
              retryAt(policy, 64, now),
            ),
          )
          for (const rest of messages.slice(i + 1))
            updates.push(
              ...waitUpdate(rest, 'waiting_channel_order', `nonce ${message.nonce} is underpaid`),
            )
          break
        }
        deliverable.push(message)
        next++
      }
    }),
  )
  return { deliverable, updates }
}

/** The destination's inbound nonce is past `message`: someone delivered it; record how it ended. */
async function deliveredElsewhere(
  destination: ChainSubmitter,
  policy: RelayerPolicy,
  message: StoredMessage,
  signal?: AbortSignal,
): Promise<MessageUpdate> {
  const status = await destination.getMessageStatus(message.encoded, signal)
  if (status === MessageStatus.Failed)
    return {
      id: message.id,
      stage: 'failed',
      status,
      reason: 'delivered_by_other',
      detail: 'Failed on the destination; retry scheduled',
      nextAttemptAt: retryAt(policy, message.attempts + 1, new Date()),
    }
  return {
    id: message.id,
    stage: 'done',
    status,
    reason: 'delivered_by_other',
    deliveredAt: new Date(),
  }
}

import { type DecodeAckBodyReturnType, decodeAckBody, MessageFlags } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { SentMessageEvent } from '../chains/types.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { findSentMessage } from './findSentMessage.js'
import { getMessage } from './getMessage.js'
import { readSentMessage } from './internal/readSentMessage.js'
import type { MessageState } from './toMessageState.js'

export type GetAckParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The original message's id. */
  id: Hex
  /** The original's origin (name or domain), when known: saves a search of every chain. */
  origin?: ChainRef<chains> | undefined
  signal?: AbortSignal | undefined
}

/**
 * The ack of a message (PROTOCOL §8):
 * - `not_requested`: the message asked for none;
 * - `pending`: none yet: the original has no final status on its destination (`original` says
 *   where it is), or its ack is not readable there yet;
 * - `sent`: the ack, by `id`, with what it reports (`originalStatus`, `result`) and its own
 *   `state` on its destination, the original's origin (`executed` once the sender's ack handler
 *   ran).
 */
export type GetAckReturnType =
  | { type: 'not_requested'; original: MessageState }
  | { type: 'pending'; original: MessageState }
  | ({ type: 'sent'; id: Hex; state: MessageState } & DecodeAckBodyReturnType)

export type GetAckErrorType = Error

/**
 * Finds the ack a message asked for, and where that ack is. The ack's id comes from the relayer
 * API's `ack` field when there is an API that indexed it; otherwise from the chains: the
 * original's destination emitted it (`MessageSent`, flag `IS_ACK`, body opening with the
 * original's id) when the original reached a final status. Its state is `getMessage`'s.
 *
 * @example
 * const ack = await getAck(client, { id })
 * if (ack.type === 'sent' && ack.state.type === 'executed') console.log('the sender saw', ack.originalStatus)
 */
export async function getAck<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { id, origin, signal }: GetAckParameters<chains>,
): Promise<GetAckReturnType> {
  const original = await getMessage(client, { id, origin, signal })
  if (original.type === 'not_found') return { type: 'pending', original }
  const { sent, detail } = await readSentMessage(client, { id, origin: original.origin, signal })
  if (!sent || (sent.flags & MessageFlags.ackRequested) === 0)
    return { type: 'not_requested', original }
  // Acks are emitted for final statuses only (Executed, TimedOut).
  if (original.type !== 'executed' && original.type !== 'timed_out')
    return { type: 'pending', original }
  // CAST: the API's ids are the messages' hex ids
  let ackId = detail?.ack?.id as Hex | undefined
  if (ackId === undefined) {
    const wanted = id.toLowerCase()
    const found = await findSentMessage(client, {
      origin: sent.destination,
      where: (event) => isAckOf(event, wanted),
      signal,
    })
    ackId = found?.event.id
  }
  if (ackId === undefined) return { type: 'pending', original }
  const { sent: ack } = await readSentMessage(client, {
    id: ackId,
    origin: sent.destination,
    signal,
  })
  if (!ack) return { type: 'pending', original }
  const state = await getMessage(client, { id: ackId, origin: sent.destination, signal })
  return { type: 'sent', id: ackId, state, ...decodeAckBody(ack.body) }
}

function isAckOf(event: SentMessageEvent, wanted: string): boolean {
  if ((event.message.flags & MessageFlags.isAck) === 0) return false
  return event.message.body.slice(0, 66).toLowerCase() === wanted
}

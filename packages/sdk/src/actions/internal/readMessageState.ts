import { getChannelKey, MessageStatus } from '@ferry/protocol'
import type { FerryClient } from '../../client/createFerryClient.js'
import { nowSeconds } from '../../utils/nowSeconds.js'
import type { GetMessageParameters } from '../getMessage.js'
import { getSignedIndex } from '../getSignedIndex.js'
import { type MessageState, toMessageState } from '../toMessageState.js'
import { readChannelGap } from './readChannelGap.js'
import { readSentMessage, type SentMessage } from './readSentMessage.js'

/**
 * `getMessage`'s state and the sent message it was built from (undefined when not found), for
 * actions that also read the message itself (`getTransfer` decodes its body) without finding it
 * twice.
 *
 * @example
 * const { state, sent } = await readMessageState(client, { id })
 */
export async function readMessageState(
  client: FerryClient,
  { id, origin, signal }: GetMessageParameters,
): Promise<{ state: MessageState; sent: SentMessage | undefined }> {
  const { sent, detail } = await readSentMessage(client, { id, origin, signal })
  if (!sent)
    return { state: toMessageState({ id, sent, status: undefined, now: nowSeconds() }), sent }
  const destination = client.chains.find((chain) => chain.domain === sent.destination)
  const status: MessageStatus | undefined = destination
    ? await client.reader(destination).getMessageStatus(sent.encoded, signal)
    : undefined
  // The handler's result is in the destination's events: read them when the API has none.
  const result =
    destination && status !== undefined && status !== MessageStatus.None && !detail?.result
      ? (
          await client
            .reader(destination)
            .getDeliveryResult(
              id,
              destination.kind === 'evm'
                ? (destination.deploymentBlock ?? 0n)
                : (destination.deploymentHeight ?? 1n),
              signal,
            )
        )?.result
      : undefined
  const signatures =
    detail || client.validators[sent.origin] === undefined
      ? undefined
      : {
          signedIndex: await getSignedIndex(client, { origin: sent.origin, signal }),
          leafIndex: sent.leafIndex,
        }
  const state = toMessageState({
    id,
    sent,
    status,
    result,
    detail,
    signatures,
    // A deadline is judged by the destination's clock (PROTOCOL §7), which can run ahead of
    // this machine's (a devnet's blocks each add a second at least).
    now:
      destination && sent.deadline !== 0n
        ? (await client.reader(destination).getHead(signal)).timestamp
        : nowSeconds(),
  })
  if (state.type !== 'in_flight' || detail?.reason !== 'waiting_channel_order' || !destination)
    return { state, sent }
  // Held for channel order: name the message it waits for (one API page, no chain scan).
  const inbound = await client.reader(destination).getInboundNonce(getChannelKey(sent), signal)
  const [first] = await readChannelGap(client, { sent, inbound, signal, apiOnly: true })
  return {
    state: first ? { ...state, blockedBy: { id: first.id, nonce: first.nonce } } : state,
    sent,
  }
}

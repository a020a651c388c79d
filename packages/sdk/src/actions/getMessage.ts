import { getChannelKey, MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { ApiRequestError } from '../errors/ApiRequestError.js'
import { nowSeconds } from '../utils/nowSeconds.js'
import { getSignedIndex } from './getSignedIndex.js'
import { readChannelGap } from './internal/readChannelGap.js'
import { readSentMessage } from './internal/readSentMessage.js'
import { type MessageState, toMessageState } from './toMessageState.js'

export type GetMessageParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The message id (`keccak256` of the encoded message). */
  id: Hex
  /** Its origin chain (name or domain), when known: saves a search of every chain. */
  origin?: ChainRef<chains> | undefined
  signal?: AbortSignal | undefined
}

export type GetMessageReturnType = MessageState

export type GetMessageErrorType = ApiRequestError | Error

/**
 * Where a message is, as one `MessageState` for its user, telling "not yet" (`pending_finality`,
 * `waiting_signatures`, `underpaid`, `in_flight`) from "never" (`not_found`, `orphaned`) and from
 * done (`executed`, `failed`, `timed_out`, `retries_exhausted`), with a `recovery` hint where
 * acting helps. Built from the chains, which are the truth (the origin's `MessageSent`, the
 * destination's `messageStatus`), and, when the client has an `apiUrl`, the relayer API, which
 * says why a message waits and, for an `underpaid` one, how much it is `missing` (its `recovery`
 * is then `{ action: 'addFee', amount: missing }`). Without an API (or when it is down) it works
 * from the chains and the origin's validators alone: the message is then found by scanning the
 * origin's `MessageSent` events (`findSentMessage`).
 *
 * @example
 * const state = await getMessage(client, { id })
 * if (state.type === 'underpaid' && state.missing !== undefined)
 *   await addFee(client, { id, chain: state.origin, amount: state.missing })
 * if (state.type === 'executed') console.log(state.result)
 */
export async function getMessage<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { id, origin, signal }: GetMessageParameters<chains>,
): Promise<GetMessageReturnType> {
  const { sent, detail } = await readSentMessage(client, { id, origin, signal })
  if (!sent) return toMessageState({ id, sent, status: undefined, now: nowSeconds() })
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
    return state
  // Held for channel order: name the message it waits for (one API page, no chain scan).
  const inbound = await client.reader(destination).getInboundNonce(getChannelKey(sent), signal)
  const [first] = await readChannelGap(client, { sent, inbound, signal, apiOnly: true })
  return first ? { ...state, blockedBy: { id: first.id, nonce: first.nonce } } : state
}

import type { Hex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import type { ApiRequestError } from '../errors/ApiRequestError.js'
import { readMessageState } from './internal/readMessageState.js'
import type { MessageState } from './toMessageState.js'

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
  parameters: GetMessageParameters<chains>,
): Promise<GetMessageReturnType> {
  return (await readMessageState(client, parameters)).state
}

import type { Hex } from 'viem'
import { type ApiLifecycleEvent, streamEvents } from '../api/streamEvents.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { ApiRequestError } from '../errors/ApiRequestError.js'
import { nowSeconds } from '../utils/nowSeconds.js'
import { sleep } from '../utils/sleep.js'
import { getMessage } from './getMessage.js'
import { isSettled, stageKey } from './internal/messageProgress.js'
import { readSentMessage, type SentMessage } from './internal/readSentMessage.js'
import { type MessageState, toMessageState } from './toMessageState.js'

export type WatchMessageParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> = {
  /** The message id. */
  id: Hex
  /** Its origin chain (name or domain), when known: saves a search of every chain. */
  origin?: ChainRef<chains> | undefined
  /** How often the chains are read when there is no API to stream from. Default 2,000 ms. */
  pollIntervalMs?: number | undefined
  /** Stops the watch; the iterator then rejects with the signal's reason. */
  signal?: AbortSignal | undefined
}

export type WatchMessageReturnType = AsyncGenerator<MessageState, void, undefined>

export type WatchMessageErrorType = Error

/**
 * The stages a message goes through, as `MessageState`s, in order and each once (a stage is its
 * `type`, and for `in_flight` the relayer's `reason`), ending after a settled one (executed,
 * timed out, orphaned, retries exhausted, failed past its deadline). Live from the relayer API's
 * event stream when the client has an `apiUrl`: the stream is opened replaying the events the
 * API still keeps for the message, and reopened with `Last-Event-ID` (and a backoff) when it
 * drops, so no stage is lost; a stage that ends the watch is confirmed on the destination chain.
 * Without an API, or once it cannot be reached, the chains are polled (`getMessage`) instead,
 * which sees fewer stages (no relayer reasons) but the same end.
 *
 * @example
 * for await (const state of watchMessage(client, { id, signal })) {
 *   console.log(state.type)
 *   if (state.type === 'underpaid') break
 * }
 */
export async function* watchMessage<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { id, origin, pollIntervalMs = 2_000, signal }: WatchMessageParameters<chains>,
): WatchMessageReturnType {
  let last: string | undefined
  /** The state, if it is a new stage (and records it as the last). */
  const fresh = (state: MessageState) => {
    const key = stageKey(state)
    if (key === last) return undefined
    last = key
    return state
  }

  if (client.apiUrl !== undefined) {
    // A message that settled before the API's kept history began has no events left to replay.
    const now = await getMessage(client, { id, origin, signal })
    if (isSettled(now)) {
      yield now
      return
    }
    let sent: SentMessage | undefined
    try {
      for await (const event of streamEvents(client, { messageId: id, lastEventId: '0', signal })) {
        sent ??= (await readSentMessage(client, { id, origin: event.origin, signal })).sent
        let state = toMessageState({ id, sent, status: undefined, event, now: nowSeconds() })
        if (endsWatch(event, state))
          state = await getMessage(client, { id, origin: event.origin, signal })
        const next = fresh(state)
        if (next) yield next
        if (isSettled(state)) return
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (!(error instanceof ApiRequestError)) throw error
      // The API is gone: the chains tell the rest.
    }
  }

  for (;;) {
    const state = await getMessage(client, { id, origin, signal })
    const next = fresh(state)
    if (next) yield next
    if (isSettled(state)) return
    await sleep(pollIntervalMs, signal)
  }
}

/** An event after which the message may be settled: its truth is read from the chains. */
function endsWatch(event: ApiLifecycleEvent, state: MessageState): boolean {
  return event.status !== undefined || event.stage === 'done' || isSettled(state)
}

import type { Hex } from 'viem'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'
import { NoAckRequestedError } from '../errors/NoAckRequestedError.js'
import { WaitTimeoutError } from '../errors/WaitTimeoutError.js'
import { sleep } from '../utils/sleep.js'
import { getAck } from './getAck.js'
import { isDelivered, isSettled } from './internal/messageProgress.js'
import type { MessageState } from './toMessageState.js'
import { watchMessage } from './watchMessage.js'

export type WaitForMessageParameters<chains extends readonly FerryChain[] = readonly FerryChain[]> =
  {
    /** The message id. */
    id: Hex
    /** Its origin chain (name or domain), when known: saves a search of every chain. */
    origin?: ChainRef<chains> | undefined
    /**
     * - `delivered`: the destination gave it a status (executed, failed, timed out), or it can
     *   never get one (orphaned, retries exhausted);
     * - `final` (default): it will not change by itself: as `delivered`, but a retryable failure
     *   is waited through (the relayer retries it);
     * - `acked`: its ack (it must have asked for one) was delivered back on its origin.
     */
    until?: 'delivered' | 'final' | 'acked' | undefined
    /** Gives up with `WaitTimeoutError` after this long. Default: never. */
    timeoutMs?: number | undefined
    /** How often the chains are read when there is no API to stream from. Default 2,000 ms. */
    pollIntervalMs?: number | undefined
    signal?: AbortSignal | undefined
  }

/**
 * The message's state once it got `until`; for `acked`, its ack's state (on the original's
 * origin), or the original's when it settled without producing an ack (orphaned, failed).
 */
export type WaitForMessageReturnType = MessageState

export type WaitForMessageErrorType = WaitTimeoutError | NoAckRequestedError | Error

/**
 * Waits until a message is delivered, final or acked, and returns its state then: live from the
 * relayer API's event stream when there is one, from the chains otherwise (`watchMessage`).
 * An aborted `signal` rejects with its reason; `timeoutMs` with `WaitTimeoutError`, which carries
 * the last state seen.
 *
 * @example
 * const state = await waitForMessage(client, { id, until: 'final', timeoutMs: 120_000 })
 * if (state.type === 'executed') console.log('returned', state.result)
 */
export async function waitForMessage<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  {
    id,
    origin,
    until = 'final',
    timeoutMs,
    pollIntervalMs,
    signal,
  }: WaitForMessageParameters<chains>,
): Promise<WaitForMessageReturnType> {
  const control = new AbortController()
  const stop = () => control.abort(signal?.reason)
  signal?.addEventListener('abort', stop, { once: true })
  if (signal?.aborted) stop()
  const timeout = new Error('timeout')
  const timer =
    timeoutMs === undefined ? undefined : setTimeout(() => control.abort(timeout), timeoutMs)
  let lastState: MessageState | undefined
  const follow = async (
    followed: Hex,
    from: number | string | undefined,
    done: (state: MessageState) => boolean,
  ) => {
    for await (const state of watchMessage(client, {
      id: followed,
      origin: from,
      pollIntervalMs,
      signal: control.signal,
    })) {
      lastState = state
      if (done(state)) return state
    }
    // watchMessage ends after a settled state only, which every `done` accepts.
    throw new Error('unreachable: the watch ended before the wait')
  }
  try {
    if (until === 'delivered') return await follow(id, origin, isDelivered)
    const final = await follow(id, origin, isSettled)
    if (until === 'final') return final
    if (final.type !== 'executed' && final.type !== 'timed_out') return final
    for (;;) {
      const ack = await getAck(client, { id, origin: final.origin, signal: control.signal })
      if (ack.type === 'not_requested') throw new NoAckRequestedError({ id })
      if (ack.type === 'sent') return await follow(ack.id, final.destination, isDelivered)
      // The original is final, so its ack was emitted: the chain (or the API) has yet to show it.
      await sleep(pollIntervalMs ?? 2_000, control.signal)
    }
  } catch (error) {
    if (control.signal.reason === timeout && timeoutMs !== undefined)
      throw new WaitTimeoutError({ id, until, timeoutMs, lastState })
    if (control.signal.aborted) throw control.signal.reason
    throw error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', stop)
  }
}

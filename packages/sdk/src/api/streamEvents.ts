import type { FerryClient } from '../client/createFerryClient.js'
import { ApiRequestError } from '../errors/ApiRequestError.js'
import type { components } from '../generated/openapi.js'
import { createSseParser } from '../sse/createSseParser.js'
import { sleep } from '../utils/sleep.js'

/** One lifecycle event of the relayer API's stream (`#/components/schemas/LifecycleEvent`). */
export type ApiLifecycleEvent = components['schemas']['LifecycleEvent']

export type StreamEventsParameters = {
  /** Only this message's events. */
  messageId?: string | undefined
  /** Only this channel's events. */
  channel?: string | undefined
  /**
   * Resume after this event id: the API replays the events it still keeps after it. `'0'`
   * replays every kept event of the filter (what a late watcher wants). Default: none, live only.
   */
  lastEventId?: string | undefined
  /** Reconnections in a row that may fail before the stream gives up. Default 5. */
  maxReconnects?: number | undefined
  /** First reconnection delay, doubled per failure up to 10 s, unless the server sent `retry:`. Default 500 ms. */
  reconnectDelayMs?: number | undefined
  signal?: AbortSignal | undefined
}

export type StreamEventsErrorType = ApiRequestError

/**
 * The relayer API's lifecycle events (`GET /v1/events`) as an async iterator, over `fetch` and
 * a stream parser (browsers and Node 20 alike). A dropped connection is reopened with
 * `Last-Event-ID`, after a backoff, so no event is lost while the API still keeps it, and none is
 * yielded twice (events are numbered: one at or below the last yielded is skipped). Throws
 * `ApiRequestError` when there is no API, when the first connection fails, or after
 * `maxReconnects` failed reconnections in a row; ends only when `signal` aborts (rejecting with
 * its reason) or the caller stops iterating.
 *
 * @example
 * for await (const event of streamEvents(client, { messageId: id, lastEventId: '0' })) {
 *   console.log(event.seq, event.type, event.reason)
 *   if (event.stage === 'done') break
 * }
 */
export async function* streamEvents(
  client: Pick<FerryClient, 'apiUrl' | 'fetch'>,
  {
    messageId,
    channel,
    lastEventId,
    maxReconnects = 5,
    reconnectDelayMs = 500,
    signal,
  }: StreamEventsParameters = {},
): AsyncGenerator<ApiLifecycleEvent, void, undefined> {
  if (client.apiUrl === undefined)
    throw new ApiRequestError({ url: '/v1/events', reason: 'no_api' })
  const search = new URLSearchParams()
  if (messageId !== undefined) search.set('messageId', messageId)
  if (channel !== undefined) search.set('channel', channel)
  const url = `${client.apiUrl}/v1/events${search.size > 0 ? `?${search}` : ''}`
  let resumeFrom = lastEventId
  let lastSeq = lastEventId !== undefined && /^\d+$/.test(lastEventId) ? Number(lastEventId) : 0
  let failures = 0
  let serverRetryMs: number | undefined
  let connected = false
  for (;;) {
    signal?.throwIfAborted()
    let response: Response
    try {
      response = await client.fetch(url, {
        signal: signal ?? null,
        headers: {
          accept: 'text/event-stream',
          ...(resumeFrom !== undefined && { 'last-event-id': resumeFrom }),
        },
      })
      if (!response.ok || response.body === null) {
        await response.body?.cancel()
        throw new ApiRequestError({ url, reason: 'bad_answer', status: response.status })
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      const failure =
        error instanceof ApiRequestError
          ? error
          : new ApiRequestError({ url, reason: 'unreachable', cause: error })
      // A first connection that fails says the API is not there: the caller falls back at once.
      if (!connected || ++failures > maxReconnects) throw failure
      await sleep(serverRetryMs ?? Math.min(reconnectDelayMs * 2 ** (failures - 1), 10_000), signal)
      continue
    }
    connected = true
    failures = 0
    const parser = createSseParser()
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        for (const event of parser.feed(value)) {
          const parsed = toLifecycleEvent(event.data)
          if (!parsed || parsed.seq <= lastSeq) continue
          lastSeq = parsed.seq
          resumeFrom = String(parsed.seq)
          yield parsed
        }
      }
    } catch {
      if (signal?.aborted) throw signal.reason
      // The connection dropped mid-stream: reconnect below, from the last event yielded.
    } finally {
      serverRetryMs = parser.retryMs ?? serverRetryMs
      reader.releaseLock()
      await response.body.cancel().catch(() => {})
    }
    // The server closed the stream (a restart, a slow reader cut off): reconnect after a pause.
    failures++
    if (failures > maxReconnects) throw new ApiRequestError({ url, reason: 'unreachable' })
    await sleep(serverRetryMs ?? Math.min(reconnectDelayMs * 2 ** (failures - 1), 10_000), signal)
  }
}

/** The event in `data`, if it is JSON with the fields every lifecycle event has. */
function toLifecycleEvent(data: string): ApiLifecycleEvent | undefined {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const event: Partial<Record<keyof ApiLifecycleEvent, unknown>> = value
  const ok =
    typeof event.seq === 'number' &&
    typeof event.type === 'string' &&
    typeof event.messageId === 'string' &&
    typeof event.stage === 'string' &&
    typeof event.reason === 'string' &&
    typeof event.origin === 'number' &&
    typeof event.destination === 'number'
  // CAST: the fields a reader branches on are checked; the rest is the API's documented schema.
  return ok ? (value as ApiLifecycleEvent) : undefined
}

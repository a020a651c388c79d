import { TooManyListenersError } from './errors.js'
import type { LifecycleEvent, LifecycleEventFilter, NewLifecycleEvent } from './types.js'

export type CreateEventBusParameters = {
  /** Most listeners at once (each SSE client holds one); `subscribe` throws past it. Default 1000. */
  maxListeners?: number | undefined
  /** Recent events kept for late subscribers (`since`, SSE `Last-Event-ID`). Default 1000. */
  history?: number | undefined
}

export type SubscribeOptions = LifecycleEventFilter & {
  /** Replay kept events with `seq` greater than this first (those older than the history are lost). */
  since?: number | undefined
}

export type EventBus = {
  /** Numbers `event` and hands it to every matching listener, synchronously; returns it numbered. */
  publish(event: NewLifecycleEvent): LifecycleEvent
  /**
   * Calls `listener` with each later matching event (and kept ones after `since`). Returns the
   * function that unsubscribes (idempotent). Throws `TooManyListenersError` at the limit.
   */
  subscribe(listener: (event: LifecycleEvent) => void, options?: SubscribeOptions): () => void
  /** Listeners now subscribed. */
  readonly listenerCount: number
}

/**
 * An in-process bus of message lifecycle events (`observeStore` publishes, the SSE route and the
 * metrics listen). Bounded: at most `maxListeners` listeners and `history` kept events. A
 * listener that throws is skipped; it never breaks the publisher or the other listeners.
 *
 * @example
 * ```ts
 * const bus = createEventBus()
 * const unsubscribe = bus.subscribe((event) => console.log(event.type), { channel })
 * const store = observeStore(await openStore('memory://'), bus)
 * ```
 */
export function createEventBus({
  maxListeners = 1_000,
  history = 1_000,
}: CreateEventBusParameters = {}): EventBus {
  const listeners = new Set<{
    listener: (event: LifecycleEvent) => void
    filter: LifecycleEventFilter
  }>()
  const recent: LifecycleEvent[] = []
  let seq = 0

  const matches = (event: LifecycleEvent, filter: LifecycleEventFilter) =>
    (filter.messageId === undefined || filter.messageId.toLowerCase() === event.messageId) &&
    (filter.channel === undefined || filter.channel.toLowerCase() === event.channel)

  const deliver = (entry: { listener: (event: LifecycleEvent) => void }, event: LifecycleEvent) => {
    try {
      entry.listener(event)
    } catch {
      // A listener's failure is its own (an SSE client gone, a metric refused): others go on.
    }
  }

  return {
    publish(fields) {
      const event: LifecycleEvent = { ...fields, seq: ++seq }
      recent.push(event)
      if (recent.length > history) recent.shift()
      for (const entry of listeners) if (matches(event, entry.filter)) deliver(entry, event)
      return event
    },
    subscribe(listener, { since, ...filter } = {}) {
      if (listeners.size >= maxListeners) throw new TooManyListenersError({ max: maxListeners })
      const entry = { listener, filter }
      if (since !== undefined)
        for (const event of recent)
          if (event.seq > since && matches(event, filter)) deliver(entry, event)
      listeners.add(entry)
      return () => {
        listeners.delete(entry)
      }
    },
    get listenerCount() {
      return listeners.size
    },
  }
}

/** One dispatched Server-Sent Event. */
export type SseEvent = {
  /** The `event:` field; `message` when the server sent none. */
  event: string
  /** The `data:` lines, joined with `\n`. */
  data: string
  /** The last event id (`id:`) in effect when the event was dispatched, if any. */
  id: string | undefined
}

/** An incremental SSE parser: feed it decoded text as it arrives, in chunks of any size. */
export type SseParser = {
  /** Parses `chunk` and returns the events it completed (none while an event is still open). */
  feed(chunk: string): SseEvent[]
  /** The last `id:` seen: what `Last-Event-ID` carries on a reconnection. */
  readonly lastEventId: string | undefined
  /** The last valid `retry:` (milliseconds): the server's reconnection delay. */
  readonly retryMs: number | undefined
}

/**
 * Parses an `text/event-stream` body as the HTML standard's event-stream interpretation says:
 * lines end in LF, CRLF or CR (a CR at a chunk's end waits for a possible LF), `:` lines are
 * comments (heartbeats), `data:` lines accumulate, a blank line dispatches, `id:` persists
 * across events (an id with a NUL is ignored), `retry:` takes digits only, and an event without
 * data is dropped. Written here rather than using `EventSource`, which Node 20 lacks and which
 * cannot send `Last-Event-ID` on a first connection or use a custom `fetch`.
 *
 * @example
 * const parser = createSseParser()
 * for (const event of parser.feed('id: 7\nevent: delivered\ndata: {}\n\n')) console.log(event.id) // '7'
 */
export function createSseParser(): SseParser {
  let buffer = ''
  let started = false
  let pendingCr = false
  let data: string[] = []
  let hasData = false
  let event = ''
  let lastEventId: string | undefined
  let retryMs: number | undefined

  function line(text: string, out: SseEvent[]): void {
    if (text === '') {
      if (hasData) out.push({ event: event || 'message', data: data.join('\n'), id: lastEventId })
      data = []
      hasData = false
      event = ''
      return
    }
    if (text.startsWith(':')) return
    const colon = text.indexOf(':')
    const field = colon === -1 ? text : text.slice(0, colon)
    let value = colon === -1 ? '' : text.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') {
      data.push(value)
      hasData = true
    } else if (field === 'event') event = value
    else if (field === 'id') {
      if (!value.includes('\0')) lastEventId = value
    } else if (field === 'retry') {
      if (/^\d+$/.test(value)) retryMs = Number(value)
    }
  }

  return {
    feed(chunk) {
      let text = chunk
      if (!started && text.length > 0) {
        started = true
        if (text.startsWith('\uFEFF')) text = text.slice(1)
      }
      // A CR that ended the last chunk already ended its line: an LF opening this one is its pair.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1)
      pendingCr = false
      buffer += text
      const out: SseEvent[] = []
      let start = 0
      for (let i = 0; i < buffer.length; i++) {
        const char = buffer[i]
        if (char !== '\n' && char !== '\r') continue
        line(buffer.slice(start, i), out)
        if (char === '\r') {
          if (i + 1 === buffer.length) pendingCr = true
          else if (buffer[i + 1] === '\n') i++
        }
        start = i + 1
      }
      buffer = buffer.slice(start)
      return out
    },
    get lastEventId() {
      return lastEventId
    },
    get retryMs() {
      return retryMs
    },
  }
}

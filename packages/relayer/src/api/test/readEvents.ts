/** One parsed SSE event. */
export type SseEvent = { id?: string; event?: string; data: string }

/**
 * Reads Server-Sent Events from `response` as they arrive: `next(predicate, timeoutMs)` resolves
 * with the first event (data lines joined) matching `predicate`; comment lines (heartbeats) are
 * counted in `comments`.
 */
export function readEvents(response: Response) {
  const reader = response.body?.getReader()
  if (!reader) throw new Error('no body')
  const decoder = new TextDecoder()
  let buffer = ''
  const events: SseEvent[] = []
  const comments: string[] = []
  let ended = false
  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }))
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: SseEvent = { data: '' }
        const data: string[] = []
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line.slice(1).trim())
          else if (line.startsWith('data: ')) data.push(line.slice(6))
          else if (line.startsWith('id: ')) event.id = line.slice(4)
          else if (line.startsWith('event: ')) event.event = line.slice(7)
        }
        if (data.length > 0) events.push({ ...event, data: data.join('\n') })
      }
    }
    ended = true
  })()
  return {
    events,
    comments,
    get ended() {
      return ended
    },
    async next(predicate: (event: SseEvent) => boolean = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = events.find(predicate)
        if (found) return found
        if (ended) throw new Error('stream ended')
        if (Date.now() > deadline) throw new Error(`no matching event in ${timeoutMs} ms`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    async cancel() {
      await reader.cancel().catch(() => {})
      await pump
    },
    done: pump,
  }
}

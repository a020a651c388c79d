import { createRoute, z } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import { TooManyListenersError } from '../../events/errors.js'
import type { LifecycleEvent } from '../../events/types.js'
import { ApiError } from '../errors.js'
import { EventsQuery, LifecycleEventSchema } from '../schemas/events.js'
import { errorResponses } from '../schemas/responses.js'
import type { ApiApp, RelayerApiDeps, RelayerApiOptions } from '../types.js'

const eventsRoute = createRoute({
  method: 'get',
  path: '/v1/events',
  tags: ['events'],
  summary: 'Server-Sent Events: message lifecycle events as they happen',
  description:
    'Each event has `event:` its type, `id:` its sequence number and `data:` a LifecycleEvent (JSON; `#/components/schemas/LifecycleEvent`). A comment line is sent as a heartbeat. Reconnect with `Last-Event-ID` to replay recent events missed. A client that falls too far behind is disconnected and should reconnect.',
  request: { query: EventsQuery },
  responses: {
    200: {
      description: 'An endless event stream.',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...errorResponses(400, 503),
  },
})

/**
 * `GET /v1/events`: the lifecycle bus as Server-Sent Events, all of it or one message's or
 * channel's. Each client holds one bus listener, released when it disconnects, when it falls
 * `maxStreamBacklog` events behind, or when the server shuts down.
 *
 * @example
 * ```ts
 * registerEventRoutes(app, deps, { heartbeatMs: 15_000, maxStreamBacklog: 1_000 })
 * ```
 */
export function registerEventRoutes(
  app: ApiApp,
  { bus, shutdown }: RelayerApiDeps,
  { heartbeatMs = 15_000, maxStreamBacklog = 1_000 }: RelayerApiOptions,
): void {
  // The stream's `data:` is JSON text, which OpenAPI cannot type; its schema is a named component.
  app.openAPIRegistry.register('LifecycleEvent', LifecycleEventSchema)
  app.openapi(eventsRoute, (c) => {
    const { messageId, channel } = c.req.valid('query')
    // Hono answers HEAD with the GET handler's headers and drops the body: no stream to hold open.
    if (c.req.method === 'HEAD') return c.body(null, 200, { 'Content-Type': 'text/event-stream' })
    const lastId = c.req.header('last-event-id')
    const since = lastId !== undefined && /^\d{1,15}$/.test(lastId) ? Number(lastId) : undefined

    const backlog: LifecycleEvent[] = []
    let overflowed = false
    let wake = () => {}
    // Cuts the stream off: a client this far behind is not reading (its writes block), so
    // nothing more can be said to it; it reconnects with Last-Event-ID.
    let cut = () => {}
    let unsubscribe: () => void
    try {
      unsubscribe = bus.subscribe(
        (event) => {
          if (backlog.length < maxStreamBacklog) backlog.push(event)
          else if (!overflowed) {
            overflowed = true
            cut()
          }
          wake()
        },
        { messageId, channel, since },
      )
    } catch (error) {
      if (error instanceof TooManyListenersError)
        throw new ApiError({
          status: 503,
          code: 'too_many_streams',
          message: 'Too many event streams are open; retry later.',
          headers: { 'Retry-After': '5' },
        })
      throw error
    }

    return streamSSE(c, async (stream) => {
      const stop = () => {
        stream.abort()
        wake()
      }
      cut = stop
      stream.onAbort(() => wake())
      shutdown?.addEventListener('abort', stop, { once: true })
      try {
        if (shutdown?.aborted) return
        await stream.write(': connected\n\n')
        while (!stream.aborted) {
          for (let event = backlog.shift(); event && !stream.aborted; event = backlog.shift())
            await stream.writeSSE({
              id: String(event.seq),
              event: event.type,
              data: JSON.stringify(event),
            })
          const woke = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), heartbeatMs)
            wake = () => {
              clearTimeout(timer)
              resolve(true)
            }
          })
          wake = () => {}
          if (!woke && !stream.aborted) await stream.write(': heartbeat\n\n')
        }
      } finally {
        shutdown?.removeEventListener('abort', stop)
        unsubscribe()
      }
    })
  })
}

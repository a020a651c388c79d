import { streamEvents } from '@ferry/sdk'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useExplorer } from '../context.tsx'

/** Whether the SSE stream is open: the page shows "live" or a banner. */
export type LiveState = 'connecting' | 'live' | 'down'

/**
 * Follows the relayer API's lifecycle events (`GET /v1/events`, through the SDK's
 * `streamEvents`) for as long as the page is open, and marks stale what each event touches: the
 * message, its channel and every message list, so the cache (one source of server state) refetches
 * what is shown. Reconnects every 3 s while the API is down.
 *
 * @example
 * const live = useLiveEvents() // 'live'
 */
export function useLiveEvents(): LiveState {
  const { config } = useExplorer()
  const queryClient = useQueryClient()
  const [state, setState] = useState<LiveState>('connecting')
  useEffect(() => {
    const controller = new AbortController()
    const client = {
      apiUrl: config.apiUrl,
      fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
    }
    void (async () => {
      while (!controller.signal.aborted) {
        try {
          const health = await fetch(`${config.apiUrl}/healthz`, { signal: controller.signal })
          setState(health.ok ? 'live' : 'down')
          const events = streamEvents(client, { signal: controller.signal, maxReconnects: 2 })
          for await (const event of events) {
            setState('live')
            void queryClient.invalidateQueries({ queryKey: ['message', event.messageId] })
            void queryClient.invalidateQueries({ queryKey: ['messages'] })
            void queryClient.invalidateQueries({ queryKey: ['stats'] })
            void queryClient.invalidateQueries({ queryKey: ['channel', event.channel] })
          }
        } catch {
          if (controller.signal.aborted) return
          setState('down')
          await new Promise((resolve) => setTimeout(resolve, 3_000))
        }
      }
    })()
    return () => controller.abort()
  }, [config.apiUrl, queryClient])
  return state
}

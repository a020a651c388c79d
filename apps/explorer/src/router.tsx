import { type MouseEvent, type ReactNode, useEffect, useState } from 'react'

/** Every page, from its URL alone (ids and filters in the path and query). */
export type Route =
  | { page: 'home' }
  | { page: 'search'; params: URLSearchParams }
  | { page: 'message'; id: string }
  | { page: 'channel'; channel: string }
  | { page: 'chains' }
  | { page: 'not_found'; path: string }

/**
 * The route a URL shows.
 *
 * @example
 * toRoute(new URL('http://x/message/0xab…')) // { page: 'message', id: '0xab…' }
 */
export function toRoute(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, '') || '/'
  if (path === '/') return { page: 'home' }
  if (path === '/search') return { page: 'search', params: url.searchParams }
  if (path === '/chains') return { page: 'chains' }
  const message = /^\/message\/([^/]+)$/.exec(path)
  if (message?.[1]) return { page: 'message', id: decodeURIComponent(message[1]) }
  const channel = /^\/channel\/([^/]+)$/.exec(path)
  if (channel?.[1]) return { page: 'channel', channel: decodeURIComponent(channel[1]) }
  return { page: 'not_found', path }
}

const listeners = new Set<() => void>()

/** Goes to `href` (same origin) without reloading the page. */
export function navigate(href: string): void {
  window.history.pushState(null, '', href)
  for (const listener of listeners) listener()
}

/** The current route; re-renders on navigation and on back/forward. */
export function useRoute(): Route {
  const [url, setUrl] = useState(() => new URL(window.location.href))
  useEffect(() => {
    const update = () => setUrl(new URL(window.location.href))
    listeners.add(update)
    window.addEventListener('popstate', update)
    return () => {
      listeners.delete(update)
      window.removeEventListener('popstate', update)
    }
  }, [])
  return toRoute(url)
}

/** A link inside the explorer: a real `<a href>` (open in a new tab works), navigated in place. */
export function Link({
  href,
  children,
  className,
}: {
  href: string
  children: ReactNode
  className?: string
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    navigate(href)
    window.scrollTo(0, 0)
  }
  return (
    <a href={href} onClick={onClick} className={className}>
      {children}
    </a>
  )
}

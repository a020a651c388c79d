import { readFile, stat } from 'node:fs/promises'
import { extname, join, resolve, sep } from 'node:path'
import { Hono } from 'hono'

export type CreateExplorerAppParameters = {
  /** The built explorer (`apps/explorer/dist`): `index.html` and `assets/`. */
  dir: string
  /** The relayer API the page reads (its origin goes into `connect-src`). */
  apiUrl: string
  /**
   * The chains the page may read and sign on, in the devnet file's shape (`.devnet/devnet.json`:
   * RPC URLs, endpoints, validators). Served to the page as `/config.json`'s `chains`; their RPC
   * and validator origins go into `connect-src`. Without it the page reads the API only.
   */
  chains?: unknown
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

/** The origins a devnet-shaped chains file names (RPC URLs, validators), for `connect-src`. */
function originsOf(chains: unknown): string[] {
  const found = new Set<string>()
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string' && (key === 'rpcUrl' || key === 'url' || key === 'apiUrl'))
      try {
        const url = new URL(value)
        if (url.protocol === 'http:' || url.protocol === 'https:') found.add(url.origin)
      } catch {}
    else if (Array.isArray(value)) for (const item of value) visit(item, key)
    else if (typeof value === 'object' && value !== null)
      for (const [name, item] of Object.entries(value)) visit(item, name)
  }
  visit(chains, '')
  return [...found].sort()
}

/**
 * The Content-Security-Policy the explorer is served with: its own scripts and styles only (no
 * inline script, no eval), no plugins, no framing, and connections only to itself, the relayer
 * API and the chains' RPC and validator origins.
 *
 * @example
 * explorerCsp({ apiUrl: 'http://127.0.0.1:8080' })
 * // "default-src 'none'; script-src 'self'; … connect-src 'self' http://127.0.0.1:8080; …"
 */
export function explorerCsp({
  apiUrl,
  chains,
}: Pick<CreateExplorerAppParameters, 'apiUrl' | 'chains'>): string {
  const connect = ["'self'", new URL(apiUrl).origin, ...originsOf(chains)]
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * Serves a built explorer: its static files, `/config.json` (the API URL and the chains), and
 * `index.html` for every other path (the page routes itself: `/message/0x…` works from its URL),
 * each answer with a strict Content-Security-Policy and no-sniff, no-referrer, no-framing headers.
 * Never serves a file outside `dir`.
 *
 * @example
 * const app = createExplorerApp({ dir: 'apps/explorer/dist', apiUrl: 'http://127.0.0.1:8080' })
 */
export function createExplorerApp({ dir, apiUrl, chains }: CreateExplorerAppParameters): Hono {
  const root = resolve(dir)
  const csp = explorerCsp({ apiUrl, chains })
  const config = JSON.stringify({ apiUrl, ...(chains !== undefined && { chains }) })
  const app = new Hono()
  app.use('*', async (c, next) => {
    await next()
    c.header('Content-Security-Policy', csp)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('X-Frame-Options', 'DENY')
    c.header('Cross-Origin-Opener-Policy', 'same-origin')
  })
  app.get('/config.json', (c) =>
    c.body(config, 200, { 'content-type': 'application/json', 'cache-control': 'no-store' }),
  )
  app.get('*', async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname)
    const file = resolve(join(root, path))
    const inside = file.startsWith(`${root}${sep}`)
    if (inside && extname(file) !== '') {
      const found = await stat(file).catch(() => undefined)
      if (found?.isFile())
        return c.body(await readFile(file), 200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          // Vite names assets by content hash: they never change under a name.
          'cache-control': path.startsWith('/assets/')
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        })
      return c.text('Not found', 404)
    }
    return c.body(await readFile(join(root, 'index.html')), 200, {
      'content-type': TYPES['.html'] ?? 'text/html',
      'cache-control': 'no-cache',
    })
  })
  return app
}

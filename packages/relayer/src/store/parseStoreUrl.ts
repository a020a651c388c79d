import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StoreUrlError } from './errors.js'

/** Where a store lives, as `openStore` reads its URL. */
export type StoreLocation =
  | { type: 'memory' }
  | { type: 'file' /** Absolute path of the PGlite data directory. */; path: string }
  | { type: 'postgres'; url: string }

/**
 * Reads a store URL: `memory://` (PGlite in memory), `file:<path>`, `file:///abs` or a plain path
 * (PGlite in that directory), `postgres://…` / `postgresql://…` (a server). Any other scheme
 * throws `StoreUrlError` naming `field`.
 *
 * @example
 * ```ts
 * parseStoreUrl('file:./data/relayer') // { type: 'file', path: '/abs/…/data/relayer' }
 * parseStoreUrl('postgres://relayer@db/ferry') // { type: 'postgres', url: 'postgres://relayer@db/ferry' }
 * ```
 */
export function parseStoreUrl(url: string, field?: string): StoreLocation {
  const trimmed = url.trim()
  if (trimmed === 'memory://') return { type: 'memory' }
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { type: 'postgres', url: trimmed }
  if (trimmed.startsWith('file://')) return { type: 'file', path: fileUrlPath(url, field) }
  if (trimmed.startsWith('file:')) return filePath(url, trimmed.slice('file:'.length), field)
  // Any other `scheme:` is a mistake (mysql://, sqlite:, memory:), not a relative path.
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) throw new StoreUrlError({ url, field })
  return filePath(url, trimmed, field)
}

function fileUrlPath(url: string, field: string | undefined): string {
  try {
    return fileURLToPath(url.trim())
  } catch {
    throw new StoreUrlError({ url, field })
  }
}

function filePath(url: string, path: string, field: string | undefined): StoreLocation {
  if (path === '') throw new StoreUrlError({ url, field })
  return { type: 'file', path: resolve(path) }
}

import { connect } from './connect.js'
import { createStore } from './createStore.js'
import {
  type StoreLockedError,
  StoreMigrationError,
  StoreOpenError,
  type StoreUrlError,
} from './errors.js'
import { lockDirectory } from './lockDirectory.js'
import { type MaintenanceLogger, maintainPeriodically } from './maintainPeriodically.js'
import { migrateToLatest } from './migrate.js'
import { parseStoreUrl } from './parseStoreUrl.js'
import type { StoreDb } from './schema.js'
import type { RelayerStore } from './types.js'

export type OpenStoreOptions = {
  /** The config field the URL came from, named in `StoreUrlError` (e.g. `store.url`). */
  field?: string | undefined
  /** Connections in the pool (PostgreSQL only). Default 10. */
  poolSize?: number | undefined
  /**
   * PGlite only: how often dead rows are reclaimed and the planner's statistics refreshed
   * (`VACUUM ANALYZE`), since PGlite has no autovacuum. Default 10 minutes; 0 turns it off.
   * A PostgreSQL server's autovacuum does this itself.
   */
  maintenanceIntervalMs?: number | undefined
  /** Where a failed maintenance run is reported (it is tried again at the next interval). */
  logger?: MaintenanceLogger | undefined
}

const MAINTENANCE_INTERVAL_MS = 600_000

export type OpenStoreErrorType = StoreUrlError | StoreLockedError | StoreOpenError

/**
 * Opens the relayer's and validator's store and brings its schema up to date:
 * - `memory://`: PGlite in memory (tests, one-off runs);
 * - `file:<path>` or a plain path: PGlite in that directory, created if missing; one process
 *   at a time, which `<path>.lock` enforces;
 * - `postgres://…` / `postgresql://…`: a PostgreSQL server, which several relayers may share.
 *
 * A PGlite store vacuums and analyzes itself every `maintenanceIntervalMs` (it has no autovacuum).
 *
 * Throws `StoreUrlError` for any other URL, `StoreLockedError` when another process has the
 * directory open, `StoreOpenError` when the database cannot be reached or migrated.
 *
 * @example
 * ```ts
 * import { openStore } from '@ferry/relayer'
 *
 * const store = await openStore(config.store.url, { field: 'store.url' })
 * try {
 *   await store.insertMessages(messages)
 * } finally {
 *   await store.close()
 * }
 * ```
 */
export async function openStore(
  url: string,
  options: OpenStoreOptions = {},
): Promise<RelayerStore> {
  const location = parseStoreUrl(url, options.field)
  const shown = location.type === 'postgres' ? hidePassword(location.url) : url
  const unlock = location.type === 'file' ? await lockDirectory(location.path) : undefined
  let db: StoreDb | undefined
  try {
    db = await connect(location, { poolSize: options.poolSize })
    await migrateToLatest(db)
  } catch (error) {
    await db?.destroy().catch(() => {})
    await unlock?.()
    throw new StoreOpenError({
      url: shown,
      migration: error instanceof StoreMigrationError ? error.migration : undefined,
      cause: error instanceof Error ? error : new Error(String(error)),
      // A server may come back; a PGlite directory that fails to open or migrate will again.
      retryable: location.type === 'postgres',
    })
  }
  const store = createStore(db)
  const interval = options.maintenanceIntervalMs ?? MAINTENANCE_INTERVAL_MS
  const stopMaintenance =
    location.type !== 'postgres' && interval > 0
      ? maintainPeriodically(db, interval, options.logger)
      : undefined
  if (unlock === undefined && stopMaintenance === undefined) return store
  return {
    ...store,
    close: async () => {
      await stopMaintenance?.()
      await store.close()
      await unlock?.()
    },
  }
}

function hidePassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = '***'
    return parsed.toString()
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@')
  }
}

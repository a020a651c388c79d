import { sql } from 'kysely'
import type { StoreDb } from './schema.js'

/** Where a failed maintenance run is reported; the next run tries again. */
export type MaintenanceLogger = { warn(fields: object, message: string): void }

/**
 * Runs `VACUUM ANALYZE` on `db` every `intervalMs` until the returned `stop` is called (which
 * waits for a run in progress, so the database is never closed under it). For PGlite, which has
 * no autovacuum process: without it every update of a message leaves a dead row behind, the
 * tables and their indexes grow for as long as the relayer runs, and the planner has no
 * statistics. A run takes about a second at 100,000 messages and holds the store meanwhile.
 *
 * @example
 * const stop = maintainPeriodically(db, 600_000, logger)
 * await stop()
 */
export function maintainPeriodically(
  db: StoreDb,
  intervalMs: number,
  logger?: MaintenanceLogger,
): () => Promise<void> {
  let running: Promise<void> | undefined
  const timer = setInterval(() => {
    if (running) return
    running = sql`vacuum analyze`
      .execute(db)
      .then(
        () => undefined,
        (error: unknown) =>
          logger?.warn({ err: error }, 'store maintenance (VACUUM ANALYZE) failed'),
      )
      .finally(() => {
        running = undefined
      })
  }, intervalMs)
  // Maintenance alone must not keep a process alive.
  timer.unref()
  return async () => {
    clearInterval(timer)
    await running
  }
}

import { Migrator } from 'kysely/migration'
import { StoreMigrationError } from './errors.js'
import { migrations } from './migrations/index.js'
import type { StoreDb } from './schema.js'

export type MigrateReturnType = {
  /** Migrations this call applied, in order (empty when the schema was already current). */
  applied: string[]
}

/**
 * Brings the schema up to the latest migration. Kysely's migrator runs the pending migrations in
 * one transaction under an advisory lock, so two relayers starting on one PostgreSQL migrate once
 * and a failure leaves the schema as it was. Throws `StoreMigrationError`.
 *
 * @example
 * ```ts
 * const { applied } = await migrateToLatest(db) // ['0001_initial', …] on a new database, then []
 * ```
 */
export async function migrateToLatest(db: StoreDb): Promise<MigrateReturnType> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')
    throw new StoreMigrationError({
      migration: failed?.migrationName,
      cause: error instanceof Error ? error : new Error(String(error)),
    })
  }
  return { applied: results.map((result) => result.migrationName) }
}

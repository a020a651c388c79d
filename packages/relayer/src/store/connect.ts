import { mkdir } from 'node:fs/promises'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { StoreLocation } from './parseStoreUrl.js'
import { PGliteDialect } from './pgliteDialect.js'
import type { Database, StoreDb } from './schema.js'

export type ConnectOptions = {
  /** Connections in the pool (PostgreSQL only). Default 10. */
  poolSize?: number | undefined
}

/**
 * A query builder on the store at `location`: an embedded PGlite (in memory, or in a directory,
 * created if missing) or a PostgreSQL connection pool. Does not migrate.
 *
 * @example
 * ```ts
 * const db = await connect(parseStoreUrl('memory://'))
 * ```
 */
export async function connect(
  location: StoreLocation,
  { poolSize = 10 }: ConnectOptions = {},
): Promise<StoreDb> {
  switch (location.type) {
    case 'memory':
      return new Kysely<Database>({ dialect: new PGliteDialect(await memoryPGlite()) })
    case 'file': {
      // PGlite creates the data directory itself, but not its parents.
      await mkdir(location.path, { recursive: true })
      const pglite = await PGlite.create({ dataDir: location.path })
      return new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
    }
    case 'postgres': {
      const pool = new pg.Pool({ connectionString: location.url, max: poolSize })
      // An idle connection the server drops emits 'error' on the pool, which would crash the
      // process if nobody listened. The pool discards that connection; the next query opens
      // another and, if the server is really gone, fails where the caller sees it.
      pool.on('error', () => {})
      return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    }
  }
}

/**
 * A new, empty cluster (before any migration), gzipped: PGlite's initdb takes over a second, loading
 * this copy a few hundred milliseconds, and tests open many in-memory stores.
 */
let freshCluster: Blob | undefined

async function memoryPGlite(): Promise<PGlite> {
  if (freshCluster) return await PGlite.create({ loadDataDir: freshCluster })
  const pglite = await PGlite.create()
  freshCluster = await pglite.dumpDataDir('gzip')
  return pglite
}

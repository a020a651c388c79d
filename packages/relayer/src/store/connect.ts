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
 * created if missing) or a PostgreSQL connection pool. Does not migrate. PGlite runs with a 16 MB
 * buffer pool, which keeps the embedded store's memory down (the `ferry` process also compiles
 * WebAssembly with V8's baseline compiler only: `useBaselineWasmCompiler`).
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
      const pglite = await PGlite.create({ dataDir: location.path, startParams })
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
 * PGlite's own start parameters, plus a smaller buffer pool. PGlite allocates PostgreSQL's shared
 * memory inside its WASM heap and touches all of it at start, so every megabyte of `shared_buffers` is
 * resident from the first query on, and a WASM heap never shrinks. initdb's default (128 MB) was
 * most of the embedded store's memory; PGlite reads its files through the operating system, whose
 * page cache keeps the hot pages either way, and 16 MB holds a relayer's working set (its indexes'
 * upper levels, the channels it is delivering on). `wal_buffers` follows (1/32 of it).
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB']

/**
 * A new, empty cluster (before any migration), gzipped: PGlite's initdb takes over a second, loading
 * this copy a few hundred milliseconds, and tests open many in-memory stores.
 */
let freshCluster: Blob | undefined

async function memoryPGlite(): Promise<PGlite> {
  if (freshCluster) return await PGlite.create({ loadDataDir: freshCluster, startParams })
  const pglite = await PGlite.create({ startParams })
  freshCluster = await pglite.dumpDataDir('gzip')
  return pglite
}

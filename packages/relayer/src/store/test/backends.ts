import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type StartedPostgres, startPostgres } from '@ferry/testkit'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { connect } from '../connect.js'
import { createStore } from '../createStore.js'
import { migrateToLatest } from '../migrate.js'
import { parseStoreUrl } from '../parseStoreUrl.js'
import type { StoreDb } from '../schema.js'
import type { RelayerStore } from '../types.js'

export type StoreBackend = {
  name: 'pglite memory' | 'pglite file' | 'postgres'
  /** Whether a store reopened at the same URL sees what was written before. */
  persistent: boolean
  /** The URL of a new, empty store of this kind. */
  freshUrl: () => Promise<string>
}

/**
 * The three backends every store test runs on. Registers hooks that start one PostgreSQL server
 * and make one temporary directory for the calling test file, and remove both after it.
 */
export function useStoreBackends(): StoreBackend[] {
  let server: StartedPostgres | undefined
  let dir: string | undefined
  let count = 0
  beforeAll(async () => {
    ;[server, dir] = await Promise.all([
      startPostgres(),
      mkdtemp(join(tmpdir(), 'ferry-store-test-')),
    ])
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })
  return [
    { name: 'pglite memory', persistent: false, freshUrl: async () => 'memory://' },
    {
      name: 'pglite file',
      persistent: true,
      freshUrl: async () =>
        `file:${join(started(dir, 'the temporary directory'), `store-${++count}`)}`,
    },
    {
      name: 'postgres',
      persistent: true,
      freshUrl: async () => {
        const url = new URL(started(server, 'the PostgreSQL server').url)
        const database = `store_${++count}`
        const admin = new pg.Client({ connectionString: url.toString() })
        await admin.connect()
        // A database name cannot be a query parameter; this one is made up just above.
        await admin.query(`create database ${database}`)
        await admin.end()
        url.pathname = `/${database}`
        return url.toString()
      },
    },
  ]
}

function started<value>(value: value | undefined, what: string): value {
  if (value === undefined) throw new Error(`${what} did not start (see the beforeAll error)`)
  return value
}

export type TestStore = {
  store: RelayerStore
  /** Empties every table, so each test starts from nothing without reopening. */
  reset: () => Promise<void>
}

/**
 * A migrated store at `url`, plus a `reset` that empties it: opening PGlite runs initdb (over a
 * second), so a test file opens one store per backend and resets it between tests.
 */
export async function openTestStore(url: string): Promise<TestStore> {
  const db: StoreDb = await connect(parseStoreUrl(url))
  await migrateToLatest(db)
  return {
    store: createStore(db),
    reset: async () => {
      await sql`truncate attempts, messages, channels, cursors, seen_blocks, validator_leaves,
        signed_checkpoints, transactions, fee_top_ups, audit_log, api_keys restart identity`.execute(
        db,
      )
    },
  }
}

/**
 * Inside a `describe` for `backend`: opens one store for the block, empties it before each test
 * and closes it after the block. Returns a getter for the open store.
 */
export function useTestStore(backend: StoreBackend): () => RelayerStore {
  let opened: TestStore | undefined
  beforeAll(async () => {
    opened = await openTestStore(await backend.freshUrl())
  }, 60_000)
  beforeEach(async () => {
    await opened?.reset()
  })
  afterAll(async () => {
    await opened?.store.close()
  })
  return () => {
    if (opened === undefined) throw new Error(`the ${backend.name} store did not open`)
    return opened.store
  }
}

import type { PGlite } from '@electric-sql/pglite'
import {
  AbortedTransactionError,
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'

/**
 * A Kysely dialect over one PGlite instance: PostgreSQL's compiler and adapter, and a driver that
 * hands out PGlite's single connection to one caller at a time.
 *
 * @example
 * ```ts
 * const db = new Kysely<Database>({ dialect: new PGliteDialect(await PGlite.create()) })
 * ```
 */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGlite
  constructor(pglite: PGlite) {
    this.#pglite = pglite
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#pglite)
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler()
  }
  createAdapter(): DialectAdapter {
    return new PostgresAdapter()
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db)
  }
}

/**
 * PGlite is one backend with one session: a transaction's statements must not interleave with
 * anyone else's. So the connection is a lock, held from `acquireConnection` (or `begin`) until
 * `releaseConnection`, and callers queue for it in order.
 */
class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection
  /** Resolves when the current holder releases the connection. */
  #released: Promise<void> = Promise.resolve()
  #release: (() => void) | undefined

  constructor(pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite)
  }

  async init(): Promise<void> {
    await this.#connection.pglite.waitReady
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#released
    let release = () => {}
    this.#released = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.#release = release
    return this.#connection
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const modes = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : undefined,
      settings.accessMode,
    ].filter((mode) => mode !== undefined)
    await connection.executeQuery(CompiledQuery.raw(`start transaction ${modes.join(' ')}`))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ command: string }>(CompiledQuery.raw('commit'))
    // PostgreSQL answers COMMIT with ROLLBACK when an earlier statement aborted the transaction.
    if (rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError()
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    const release = this.#release
    this.#release = undefined
    release?.()
  }

  async destroy(): Promise<void> {
    // Let the current holder finish before the database goes away under it.
    await this.#released
    if (!this.#connection.pglite.closed) await this.#connection.pglite.close()
  }
}

class PGliteConnection implements DatabaseConnection {
  readonly pglite: PGlite
  constructor(pglite: PGlite) {
    this.pglite = pglite
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters])
    if (result.command === 'COMMIT' || result.command === 'ROLLBACK') {
      // CAST: the driver's commit reads the command tag, as Kysely's PostgresDriver reports it.
      return { rows: [{ command: result.command } as R] }
    }
    const changed = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(result.command ?? '')
    return changed
      ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) }
      : { rows: result.rows }
  }

  /** PGlite returns whole results, so a stream is that result in chunks. */
  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery)
    for (let start = 0; start < rows.length; start += chunkSize)
      yield { rows: rows.slice(start, start + chunkSize) }
  }
}

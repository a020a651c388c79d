import { BaseError } from '@ferry/protocol'

/**
 * A store URL is none of `memory://`, `file:<path>`, a plain path, `postgres://…` or
 * `postgresql://…`. Not retryable: the configuration must change.
 *
 * @example
 * ```ts
 * await openStore('mysql://db/ferry', { field: 'store.url' })
 * // throws StoreUrlError: store.url: "mysql://db/ferry" is not a store URL.
 * ```
 */
export class StoreUrlError extends BaseError {
  override name = 'StoreUrlError' as const
  readonly url: string
  readonly field: string | undefined
  constructor({ url, field }: { url: string; field?: string | undefined }) {
    super(`${field ? `${field}: ` : ''}${JSON.stringify(url)} is not a store URL.`, {
      metaMessages: [
        'Use memory://, file:<path> (or a plain path), postgres://… or postgresql://….',
      ],
    })
    this.url = url
    this.field = field
  }
}

/**
 * The store could not be opened: the server refused the connection, or a migration failed.
 * Retryable against PostgreSQL (the server may come up); not for an embedded PGlite directory.
 *
 * @example
 * ```ts
 * await openStore('postgres://127.0.0.1:1/ferry')
 * // throws StoreOpenError: Could not open the store at postgres://127.0.0.1:1/ferry.
 * ```
 */
export class StoreOpenError extends BaseError {
  override name = 'StoreOpenError' as const
  /** The URL, its password hidden. */
  readonly url: string
  /** The migration that failed, if one did. */
  readonly migration: string | undefined
  constructor({
    url,
    migration,
    cause,
    retryable,
  }: {
    url: string
    migration?: string | undefined
    cause: Error
    retryable: boolean
  }) {
    super(
      migration
        ? `Migration ${migration} failed on the store at ${url}.`
        : `Could not open the store at ${url}.`,
      { cause, retryable },
    )
    this.url = url
    this.migration = migration
  }
}

/**
 * `updateMessages` named a message the store does not hold; the whole batch is rolled back.
 *
 * @example
 * ```ts
 * await store.updateMessages([{ id: '0x01…', stage: 'done', reason: 'delivered' }])
 * // throws MessageNotFoundError { id: '0x01…' }
 * ```
 */
export class MessageNotFoundError extends BaseError {
  override name = 'MessageNotFoundError' as const
  readonly id: string
  constructor({ id }: { id: string }) {
    super(`Message ${id} is not in the store.`)
    this.id = id
  }
}

/**
 * A schema migration failed (or the migrator could not start); the run is rolled back, so the
 * schema is as it was. `openStore` wraps it in `StoreOpenError`.
 *
 * @example
 * ```ts
 * await migrateToLatest(db) // throws StoreMigrationError { migration: '0002_…' }
 * ```
 */
export class StoreMigrationError extends BaseError {
  override name = 'StoreMigrationError' as const
  readonly migration: string | undefined
  constructor({ migration, cause }: { migration: string | undefined; cause: Error }) {
    super(
      migration ? `Migration ${migration} failed.` : 'The migrator failed before any migration.',
      { cause },
    )
    this.migration = migration
  }
}

/**
 * `recordFinished` named a transaction the journal never recorded as signed: the sender skipped
 * `recordSigned`, which the journal's crash recovery relies on.
 *
 * @example
 * ```ts
 * await store.recordFinished('0xabc…', 'mined') // throws JournalEntryNotFoundError
 * ```
 */
export class JournalEntryNotFoundError extends BaseError {
  override name = 'JournalEntryNotFoundError' as const
  readonly transactionHash: string
  constructor({ transactionHash }: { transactionHash: string }) {
    super(`Transaction ${transactionHash} is not in the journal.`)
    this.transactionHash = transactionHash
  }
}

/**
 * Another process (or this one) has the PGlite store at `path` open: PGlite serves one process at
 * a time, and two writing one directory would corrupt it. Retryable: the holder may exit. Use a
 * PostgreSQL store to share one between processes.
 *
 * @example
 * ```ts
 * await openStore('file:./data') // while a relayer runs on it: throws StoreLockedError { pid: 4242 }
 * ```
 */
export class StoreLockedError extends BaseError {
  override name = 'StoreLockedError' as const
  readonly path: string
  /** The holder's process id, when known. */
  readonly pid: number | undefined
  constructor({ path, pid }: { path: string; pid: number | undefined }) {
    super(
      `The store at ${path} is open in ${pid === undefined ? 'another process' : `process ${pid}`}.`,
      {
        metaMessages: [
          `Its lock is ${path}.lock. Stop that process first, or use a postgres:// store to share one.`,
        ],
        retryable: true,
      },
    )
    this.path = path
    this.pid = pid
  }
}

/**
 * An API key with this name exists (revoked ones included: the audit log names keys).
 *
 * @example
 * ```ts
 * await store.createApiKey({ name: 'ops', scope: 'operate', keyHash })
 * // throws ApiKeyNameTakenError: An API key named "ops" exists.
 * ```
 */
export class ApiKeyNameTakenError extends BaseError {
  override name = 'ApiKeyNameTakenError' as const
  readonly keyName: string
  constructor({ name }: { name: string }) {
    super(`An API key named ${JSON.stringify(name)} exists.`, {
      metaMessages: ['Choose another name, or list the keys with `ferry api-key list`.'],
    })
    this.keyName = name
  }
}

import { sql } from 'kysely'
import { ApiKeyNameTakenError } from './errors.js'
import type { StoreDb } from './schema.js'
import type { ApiKeyRecord, ApiKeyScope, AuditEntry, NewAuditEntry } from './types.js'

const keyColumns = ['id', 'name', 'scope', 'created_at', 'revoked_at', 'last_used_at'] as const

type KeyRow = {
  id: number
  name: string
  scope: ApiKeyScope
  created_at: Date
  revoked_at: Date | null
  last_used_at: Date | null
}

const toRecord = (row: KeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
})

/**
 * Stores a new key by its sha256 (the key itself is never stored). Throws
 * `ApiKeyNameTakenError` when `name` is in use, revoked keys included: the audit log names keys.
 *
 * @example
 * ```ts
 * await createApiKey(db, { name: 'ops', scope: 'operate', keyHash: hashApiKey(key) })
 * ```
 */
export async function createApiKey(
  db: StoreDb,
  key: { name: string; scope: ApiKeyScope; keyHash: Uint8Array },
): Promise<ApiKeyRecord> {
  const row = await db
    .insertInto('api_keys')
    .values({ name: key.name, scope: key.scope, key_hash: key.keyHash })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .returning(keyColumns)
    .executeTakeFirst()
  if (!row) throw new ApiKeyNameTakenError({ name: key.name })
  return toRecord(row)
}

/** Every key, oldest first, without hashes. */
export async function listApiKeys(db: StoreDb): Promise<ApiKeyRecord[]> {
  const rows = await db.selectFrom('api_keys').select(keyColumns).orderBy('id').execute()
  return rows.map(toRecord)
}

/**
 * Revokes the key with this id (digits; names are never all digits, see `ferry api-key create`) or name; revoking twice keeps the first time. Returns
 * the key, or `undefined` when there is none.
 */
export async function revokeApiKey(
  db: StoreDb,
  idOrName: string,
): Promise<ApiKeyRecord | undefined> {
  const row = await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where((eb) =>
      /^\d{1,9}$/.test(idOrName) ? eb('id', '=', Number(idOrName)) : eb('name', '=', idOrName),
    )
    .returning(keyColumns)
    .executeTakeFirst()
  return row && toRecord(row)
}

/**
 * The key whose hash is `keyHash`, with the stored hash (the caller compares it in constant
 * time), and marks it used now. Revoked keys are returned too: the caller refuses them.
 */
export async function useApiKey(
  db: StoreDb,
  keyHash: Uint8Array,
): Promise<(ApiKeyRecord & { keyHash: Uint8Array }) | undefined> {
  const row = await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`case when revoked_at is null then now() else last_used_at end` })
    .where('key_hash', '=', keyHash)
    .returning([...keyColumns, 'key_hash'])
    .executeTakeFirst()
  return row && { ...toRecord(row), keyHash: new Uint8Array(row.key_hash) }
}

/** Appends one operator action to the audit log. */
export async function recordAudit(db: StoreDb, entry: NewAuditEntry): Promise<AuditEntry> {
  const row = await db
    .insertInto('audit_log')
    .values({
      key_id: entry.keyId,
      key_name: entry.keyName,
      action: entry.action,
      target: entry.target,
      request: JSON.stringify(entry.request),
      idempotency_key: entry.idempotencyKey ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  return toAuditEntry(row)
}

/** The newest `limit` audit entries, newest first, those before entry `before` when given. */
export async function listAuditLog(
  db: StoreDb,
  { limit, before }: { limit: number; before?: number | undefined },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit)
  if (before !== undefined) query = query.where('id', '<', before)
  return (await query.execute()).map(toAuditEntry)
}

/** The action key `keyId` sent with this `Idempotency-Key`, if any. */
export async function findAuditByIdempotencyKey(
  db: StoreDb,
  keyId: number,
  idempotencyKey: string,
): Promise<AuditEntry | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('key_id', '=', keyId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst()
  return row && toAuditEntry(row)
}

function toAuditEntry(row: {
  id: number
  key_id: number
  key_name: string
  action: string
  target: string
  request: unknown
  idempotency_key: string | null
  at: Date
}): AuditEntry {
  return {
    id: row.id,
    keyId: row.key_id,
    keyName: row.key_name,
    action: row.action,
    target: row.target,
    request: row.request,
    idempotencyKey: row.idempotency_key,
    at: row.at,
  }
}

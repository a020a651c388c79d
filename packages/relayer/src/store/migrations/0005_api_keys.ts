import { type Kysely, sql } from 'kysely'
import type { Migration } from 'kysely/migration'

// Operator API keys and the audit log of what they did (issue 17). An action sent
// with an `Idempotency-Key` is found again by (key, idempotency key): the same answer, no second act. A key is stored only as the
// sha256 of its text: a stolen database gives no working key. Revoking keeps the row, so the
// audit log still names who acted. Each statement runs alone (see 0001).
const statements = [
  `create table api_keys (
    id serial primary key,
    name text not null unique,
    scope text not null check (scope in ('read', 'operate')),
    key_hash bytea not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz,
    last_used_at timestamptz
  )`,
  `create table audit_log (
    id serial primary key,
    key_id int4 not null references api_keys (id),
    key_name text not null,
    action text not null,
    target text not null,
    request jsonb not null,
    idempotency_key text,
    at timestamptz not null default now(),
    unique (key_id, idempotency_key)
  )`,
  `create index audit_log_at on audit_log (at desc, id desc)`,
]

/**
 * API keys (read or operate scope, sha256 only) and the operator audit log.
 *
 * @example
 * ```ts
 * await migration0005.up(db)
 * ```
 */
export const migration0005: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db)
  },
}

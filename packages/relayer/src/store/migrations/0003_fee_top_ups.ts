import { type Kysely, sql } from 'kysely'
import type { Migration } from 'kysely/migration'

// Fee top-ups (PROTOCOL §9, §11: `FeeAdded(id, amount)` / `ferry_fee_added`), one row per event,
// keyed by where it was emitted so indexing a block range again adds nothing twice. A message's
// `fee_added` is the sum of its top-ups' amounts, kept beside the fee paid at send; a top-up may
// be indexed before its message (same block, or a store that started later), and `insertMessages`
// then adds it. Each statement runs alone (see 0001).
const statements = [
  `create table fee_top_ups (
    origin int8 not null,
    transaction_hash text not null,
    event_index int4 not null,
    message_id text not null,
    amount numeric(78) not null,
    block_number int8 not null,
    block_hash text not null,
    primary key (origin, transaction_hash, event_index)
  )`,
  `create index fee_top_ups_message on fee_top_ups (message_id)`,
  // A reorg removes an origin's top-ups above the fork.
  `create index fee_top_ups_block on fee_top_ups (origin, block_number)`,
  `alter table messages add column fee_added numeric(78) not null default 0`,
]

/**
 * Fee top-ups (protocol 1.1) and each message's sum of them.
 *
 * @example
 * ```ts
 * await migration0003.up(db)
 * ```
 */
export const migration0003: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db)
  },
}

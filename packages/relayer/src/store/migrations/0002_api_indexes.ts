import { type Kysely, sql } from 'kysely'
import type { Migration } from 'kysely/migration'

// Indexes for the operator API's read queries (`queries.ts`): message lists newest first, with
// or without a filter, keyset-paginated on (sent_at, id); channel summaries; acks by the id their
// body starts with. Each statement runs alone (see 0001).
const statements = [
  // listMessages without a filter, and with each of these filters.
  `create index messages_sent on messages (sent_at, id)`,
  `create index messages_stage_sent on messages (stage, sent_at, id)`,
  `create index messages_channel_sent on messages (channel, sent_at, id)`,
  `create index messages_sender_sent on messages (sender, sent_at, id)`,
  `create index messages_recipient_sent on messages (recipient, sent_at, id)`,
  // Origin hashes are stored as each chain reports them (EVM 0x-prefixed lower case, CosmWasm
  // bare upper case), so lookups compare lower case.
  `create index messages_origin_transaction on messages (lower(origin_transaction_hash))`,
  // A channel's highest sent and delivered nonces (0001's channel indexes are partial by stage).
  `create index messages_channel_nonce on messages (channel, nonce)`,
  // An ack's body starts with the acknowledged id (PROTOCOL §8): the 32 bytes after the 98-byte
  // header, i.e. hex characters 199–262 of the 0x-prefixed text. Only acks are indexed.
  `create index messages_ack_of on messages (('0x' || substr(encoded, 199, 64)))
    where flags & 1 = 1`,
]

/**
 * Indexes for the operator API; no table changes.
 *
 * @example
 * ```ts
 * await migration0002.up(db)
 * ```
 */
export const migration0002: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db)
  },
}

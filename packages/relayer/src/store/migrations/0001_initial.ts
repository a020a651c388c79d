import { type Kysely, sql } from 'kysely'
import type { Migration } from 'kysely/migration'

// u32 values (domains, leaf indexes, gas limits) are int8: int4 stops at 2^31. u64 values (nonces,
// deadlines) are numeric(20): int8 stops at 2^63. Wei amounts are numeric(78), room for a uint256.
// Hex is lower-case text. Each statement runs alone: both drivers send parameterised (extended
// protocol) queries, which take one statement at a time.
const statements = [
  `create table messages (
    id text primary key,
    origin int8 not null,
    destination int8 not null,
    channel text not null,
    nonce numeric(20) not null,
    leaf_index int8 not null,
    sender text not null,
    recipient text not null,
    flags int4 not null,
    deadline numeric(20) not null,
    gas_limit int8 not null,
    ack_gas_limit int8 not null,
    encoded text not null,
    fee_paid numeric(78) not null,
    origin_block_number int8 not null,
    origin_block_hash text not null,
    origin_transaction_hash text not null,
    stage text not null
      check (stage in ('pending', 'ready', 'submitted', 'failed', 'done', 'orphaned')),
    status int2 not null default 0 check (status between 0 and 3),
    result text,
    reason text not null,
    attempts int4 not null default 0,
    next_attempt_at timestamptz,
    transaction_hash text,
    sent_at timestamptz not null,
    finalized_at timestamptz,
    delivered_at timestamptz
  )`,
  // One live message per leaf; an orphaned row keeps its old leaf index without blocking the
  // message that replaced it there.
  `create unique index messages_origin_leaf on messages (origin, leaf_index)
    where stage <> 'orphaned'`,
  // claimReady: the lowest undelivered nonces of a channel.
  `create index messages_undelivered on messages (channel, nonce)
    where stage in ('pending', 'ready', 'submitted')`,
  // claimFailed: failed messages of a channel, by nonce.
  `create index messages_failed on messages (channel, nonce) where stage = 'failed'`,
  // finalizeMessages and orphanMessagesAbove: an origin's messages by block.
  `create index messages_origin_block on messages (origin, origin_block_number)`,
  // getMessagesInStage and countByStage.
  `create index messages_stage on messages (stage, channel, nonce)`,
  `create table channels (
    channel text primary key,
    origin int8 not null,
    destination int8 not null,
    lease_owner text,
    lease_until timestamptz
  )`,
  `create index channels_route on channels (origin, destination, channel)`,
  `create table attempts (
    seq bigserial primary key,
    message_id text not null references messages (id),
    at timestamptz not null default clock_timestamp(),
    reason text not null,
    detail text,
    transaction_hash text
  )`,
  `create index attempts_message on attempts (message_id, seq)`,
  `create table cursors (
    stream text not null,
    domain int8 not null,
    number int8 not null,
    hash text not null,
    primary key (stream, domain)
  )`,
  `create table seen_blocks (
    stream text not null,
    domain int8 not null,
    number int8 not null,
    hash text not null,
    primary key (stream, domain, number)
  )`,
  `create table validator_leaves (
    validator text not null,
    origin int8 not null,
    index int8 not null,
    id text not null,
    primary key (validator, origin, index)
  )`,
  // The primary key is the no-equivocation rule: one root per (validator, origin, index), ever.
  `create table signed_checkpoints (
    validator text not null,
    origin int8 not null,
    index int8 not null,
    origin_endpoint text not null,
    root text not null,
    signature text not null,
    signed_at timestamptz not null default clock_timestamp(),
    primary key (validator, origin, index)
  )`,
  `create table transactions (
    hash text primary key,
    domain int8 not null,
    sender text not null,
    nonce numeric(20) not null,
    raw text not null,
    call text not null,
    message_ids text[] not null,
    max_fee_per_gas numeric(78) not null,
    max_priority_fee_per_gas numeric(78) not null,
    state text not null check (state in ('signed', 'mined', 'replaced', 'dropped')),
    signed_at timestamptz not null default clock_timestamp(),
    finished_at timestamptz
  )`,
  `create index transactions_sender on transactions (domain, sender, nonce)`,
]

/**
 * The first schema: messages and their attempt log, channel leases, cursors and seen blocks,
 * the validator's leaves and signed checkpoints, and the transaction journal.
 *
 * @example
 * ```ts
 * await migration0001.up(db)
 * ```
 */
export const migration0001: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of statements) await sql.raw(statement).execute(db)
  },
}

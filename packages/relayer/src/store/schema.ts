import type { MessageStatus } from '@ferry/protocol'
import type { ColumnType, Generated, Kysely } from 'kysely'
import type { Hex } from 'viem'
import type { JournalEntry } from '../chains/types.js'
import type { MessageStage, ReasonCode } from './types.js'

// The tables as `migrations/` create them. Column types say what the two drivers return: `pg`
// reads int8 and numeric as strings, PGlite reads int8 as a number (or a bigint past 2^53) and
// numeric as a string; `rows.ts` turns each into the bigint or number the store API promises.
// Values written are JS bigints and numbers, which both drivers send as their decimal text.
// Text columns typed `Hex`, `MessageStage` or `ReasonCode` only ever receive such values, from the
// functions in this folder (stage and status also have CHECK constraints).

/** `int8`: u32 domains, leaf indexes and gas limits, and block numbers. */
type Int8 = ColumnType<string | number | bigint, number | bigint, number | bigint>
/** `numeric`: u64 nonces and deadlines, and wei amounts. */
type Numeric = ColumnType<string | number | bigint, bigint, bigint>
/** A timestamptz the database fills in. */
type CreatedAt = ColumnType<Date, never, never>

export type MessagesTable = {
  id: Hex
  origin: Int8
  destination: Int8
  channel: Hex
  nonce: Numeric
  leaf_index: Int8
  sender: Hex
  recipient: Hex
  flags: number
  deadline: Numeric
  gas_limit: Int8
  ack_gas_limit: Int8
  encoded: Hex
  fee_paid: Numeric
  /** Sum of the message's fee top-ups (`fee_top_ups`). */
  fee_added: ColumnType<string | number | bigint, bigint | undefined, bigint>
  /** For an ack, the id it acknowledges (decoded at insert, `ackOriginalId`); else null. */
  ack_of: ColumnType<Hex | null, Hex | null | undefined, Hex | null>
  origin_block_number: Int8
  origin_block_hash: string
  origin_transaction_hash: string
  stage: MessageStage
  status: MessageStatus
  result: Hex | null
  reason: ReasonCode
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: Date | null
  transaction_hash: string | null
  sent_at: Date
  finalized_at: Date | null
  delivered_at: Date | null
}

export type FeeTopUpsTable = {
  origin: Int8
  transaction_hash: string
  event_index: number
  message_id: Hex
  amount: Numeric
  block_number: Int8
  block_hash: string
}

export type ChannelsTable = {
  channel: Hex
  origin: Int8
  destination: Int8
  lease_owner: string | null
  lease_until: Date | null
}

export type AttemptsTable = {
  seq: ColumnType<string | number | bigint, never, never>
  message_id: Hex
  at: CreatedAt
  reason: ReasonCode
  detail: string | null
  transaction_hash: string | null
}

export type CursorsTable = { stream: string; domain: Int8; number: Int8; hash: string }

export type SeenBlocksTable = { stream: string; domain: Int8; number: Int8; hash: string }

export type ValidatorLeavesTable = { validator: Hex; origin: Int8; index: Int8; id: Hex }

export type SignedCheckpointsTable = {
  validator: Hex
  origin: Int8
  index: Int8
  origin_endpoint: Hex
  root: Hex
  signature: Hex
  signed_at: CreatedAt
}

export type TransactionsTable = {
  hash: string
  domain: Int8
  sender: string
  nonce: Numeric
  raw: Hex
  call: JournalEntry['call']
  message_ids: Hex[]
  max_fee_per_gas: Numeric
  max_priority_fee_per_gas: Numeric
  state: 'signed' | 'mined' | 'replaced' | 'dropped'
  signed_at: CreatedAt
  finished_at: Date | null
}

export type ApiKeysTable = {
  id: Generated<number>
  name: string
  scope: 'read' | 'operate'
  key_hash: Uint8Array
  created_at: CreatedAt
  revoked_at: Date | null
  last_used_at: Date | null
}

export type AuditLogTable = {
  id: Generated<number>
  key_id: number
  key_name: string
  action: string
  target: string
  request: ColumnType<unknown, string, never>
  idempotency_key: string | null
  at: CreatedAt
}

export type Database = {
  messages: MessagesTable
  channels: ChannelsTable
  attempts: AttemptsTable
  cursors: CursorsTable
  seen_blocks: SeenBlocksTable
  validator_leaves: ValidatorLeavesTable
  signed_checkpoints: SignedCheckpointsTable
  transactions: TransactionsTable
  fee_top_ups: FeeTopUpsTable
  api_keys: ApiKeysTable
  audit_log: AuditLogTable
}

/** The typed query builder every store function takes first. */
export type StoreDb = Kysely<Database>

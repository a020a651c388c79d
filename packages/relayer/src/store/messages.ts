import { type Insertable, sql } from 'kysely'
import type { Hex } from 'viem'
import { ackOriginalId } from './ackOriginalId.js'
import { lower, toStoredMessage } from './rows.js'
import type { MessagesTable, StoreDb } from './schema.js'
import type { MessageStage, NewMessage, SeenBlock, StoredMessage } from './types.js'

// Rows per INSERT: 27 parameters each stays far below PostgreSQL's 65,535 per statement.
const insertChunk = 500

/**
 * Inserts newly indexed messages as `pending` (reason `indexed`) and their channels, in one
 * transaction. A message already stored is left as it is, unless it was `orphaned`: then it comes
 * back `pending` with its new block, transaction and leaf index. Fee top-ups already stored for
 * a message (indexed before it) are counted in its `feeAdded`.
 *
 * @example
 * ```ts
 * await insertMessages(db, events.map((event) => toNewMessage(event)))
 * ```
 */
export async function insertMessages(db: StoreDb, messages: readonly NewMessage[]): Promise<void> {
  // ON CONFLICT cannot update one row twice in a statement, so each id goes in once.
  const unique = [...new Map(messages.map((message) => [lower(message.id), message])).values()]
  if (unique.length === 0) return
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < unique.length; start += insertChunk) {
      const chunk = unique.slice(start, start + insertChunk)
      await trx
        .insertInto('messages')
        .values(chunk.map(toRow))
        .onConflict((conflict) =>
          conflict
            .column('id')
            .doUpdateSet((eb) => ({
              leaf_index: eb.ref('excluded.leaf_index'),
              origin_block_number: eb.ref('excluded.origin_block_number'),
              origin_block_hash: eb.ref('excluded.origin_block_hash'),
              origin_transaction_hash: eb.ref('excluded.origin_transaction_hash'),
              sent_at: eb.ref('excluded.sent_at'),
              stage: 'pending',
              reason: 'indexed',
              next_attempt_at: null,
              finalized_at: null,
            }))
            .where('messages.stage', '=', 'orphaned'),
        )
        .execute()
      // Top-ups indexed before their message (or before it came back from orphaned) count now.
      await sql`
        update messages m set fee_added = t.total
        from (
          select message_id, sum(amount) as total from fee_top_ups
          where message_id in (${sql.join(chunk.map((message) => lower(message.id)))})
          group by message_id
        ) t
        where m.id = t.message_id and m.fee_added <> t.total`.execute(trx)
    }
    const channels = new Map(
      unique.map((message) => [
        lower(message.channel),
        { origin: message.origin, destination: message.destination },
      ]),
    )
    await trx
      .insertInto('channels')
      .values([...channels].map(([channel, route]) => ({ channel, ...route })))
      .onConflict((conflict) => conflict.column('channel').doNothing())
      .execute()
  })
}

function toRow(message: NewMessage): Insertable<MessagesTable> {
  return {
    id: lower(message.id),
    origin: message.origin,
    destination: message.destination,
    channel: lower(message.channel),
    nonce: message.nonce,
    leaf_index: message.leafIndex,
    sender: lower(message.sender),
    recipient: lower(message.recipient),
    flags: message.flags,
    deadline: message.deadline,
    gas_limit: message.gasLimit,
    ack_gas_limit: message.ackGasLimit,
    encoded: lower(message.encoded),
    ack_of: ackOriginalId(message.flags, message.encoded),
    fee_paid: message.feePaid,
    origin_block_number: message.originBlockNumber,
    origin_block_hash: message.originBlockHash,
    origin_transaction_hash: message.originTransactionHash,
    stage: 'pending',
    status: 0,
    reason: 'indexed',
    sent_at: message.sentAt,
  }
}

/**
 * Marks every message of `origin` emitted above block `number` that is not final (`done`)
 * `orphaned`, and returns their ids in leaf order.
 *
 * @example
 * ```ts
 * const orphaned = await orphanMessagesAbove(db, 1, forkBlock)
 * ```
 */
export async function orphanMessagesAbove(
  db: StoreDb,
  origin: number,
  number: bigint,
): Promise<Hex[]> {
  const rows = await db
    .with('orphaned', (db) =>
      db
        .updateTable('messages')
        .set({ stage: 'orphaned', reason: 'orphaned', next_attempt_at: null })
        .where('origin', '=', origin)
        .where('origin_block_number', '>', number)
        .where('stage', 'not in', ['done', 'orphaned'])
        .returning(['id', 'leaf_index']),
    )
    .selectFrom('orphaned')
    .select('id')
    .orderBy('leaf_index')
    .execute()
  return rows.map((row) => row.id)
}

/**
 * The distinct origin blocks (number and hash, lowest first) of `origin`'s `pending` messages at
 * or below block `number`: before finalizing them, the indexer checks those blocks are canonical.
 *
 * @example
 * ```ts
 * for (const block of await getPendingBlocks(db, 1, final)) await checkCanonical(block)
 * ```
 */
export async function getPendingBlocks(
  db: StoreDb,
  origin: number,
  number: bigint,
): Promise<SeenBlock[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['origin_block_number', 'origin_block_hash'])
    .distinct()
    .where('origin', '=', origin)
    .where('stage', '=', 'pending')
    .where('origin_block_number', '<=', number)
    .orderBy('origin_block_number')
    .orderBy('origin_block_hash')
    .execute()
  return rows.map((row) => ({
    domain: origin,
    number: BigInt(row.origin_block_number),
    hash: row.origin_block_hash,
  }))
}

/**
 * `pending` messages of `origin` at or below block `number` become `ready`, final at `at`. Their
 * reason becomes `waiting_signatures`: validators sign a checkpoint only once its block is final,
 * so that is what a just-final message waits for. Returns how many changed.
 *
 * @example
 * ```ts
 * await finalizeMessages(db, 1, head.number - confirmations, new Date())
 * ```
 */
export async function finalizeMessages(
  db: StoreDb,
  origin: number,
  number: bigint,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set({ stage: 'ready', reason: 'waiting_signatures', finalized_at: at })
    .where('origin', '=', origin)
    .where('stage', '=', 'pending')
    .where('origin_block_number', '<=', number)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * One message by id (any case), or undefined.
 *
 * @example
 * ```ts
 * const message = await getMessage(db, id)
 * ```
 */
export async function getMessage(db: StoreDb, id: Hex): Promise<StoredMessage | undefined> {
  const row = await db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', lower(id))
    .executeTakeFirst()
  return row && toStoredMessage(row)
}

/**
 * Ids of `origin`'s live (not orphaned) leaves in `[from, to)`, in leaf order.
 *
 * @example
 * ```ts
 * const leaves = await getLeaves(db, 1, 0, 100)
 * ```
 */
export async function getLeaves(
  db: StoreDb,
  origin: number,
  from: number,
  to: number,
): Promise<Hex[]> {
  const rows = await db
    .selectFrom('messages')
    .select('id')
    .where('origin', '=', origin)
    .where('stage', '<>', 'orphaned')
    .where('leaf_index', '>=', from)
    .where('leaf_index', '<', to)
    .orderBy('leaf_index')
    .execute()
  return rows.map((row) => row.id)
}

/**
 * Up to `limit` messages in `stage`, in (channel, nonce) order.
 *
 * @example
 * ```ts
 * const inFlight = await getMessagesInStage(db, 'submitted', 1000)
 * ```
 */
export async function getMessagesInStage(
  db: StoreDb,
  stage: MessageStage,
  limit: number,
): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('stage', '=', stage)
    .orderBy('channel')
    .orderBy('nonce')
    .limit(limit)
    .execute()
  return rows.map(toStoredMessage)
}

/**
 * How many messages are in each stage, every stage present (0 when none).
 *
 * @example
 * ```ts
 * const { ready, failed } = await countByStage(db)
 * ```
 */
export async function countByStage(db: StoreDb): Promise<Record<MessageStage, number>> {
  const rows = await db
    .selectFrom('messages')
    .select((eb) => ['stage', eb.fn.countAll<string | number | bigint>().as('count')])
    .groupBy('stage')
    .execute()
  const counts: Record<MessageStage, number> = {
    pending: 0,
    ready: 0,
    submitted: 0,
    failed: 0,
    done: 0,
    orphaned: 0,
  }
  for (const row of rows) counts[row.stage] = Number(row.count)
  return counts
}

import type { Transaction } from 'kysely'
import type { Hex } from 'viem'
import { MessageNotFoundError } from './errors.js'
import { lower } from './rows.js'
import type { Database, StoreDb } from './schema.js'
import type { AttemptRecord, MessageUpdate, StoredAttempt } from './types.js'

/**
 * Applies each update to its message (fields left `undefined` keep their value; `attempt: true`
 * counts a delivery attempt) and appends one attempt row per update (unless `quiet`) with its
 * reason, detail and transaction hash, all in one transaction. An unknown id throws `MessageNotFoundError` and
 * nothing is written.
 *
 * @example
 * ```ts
 * await updateMessages(db, [{ id, stage: 'submitted', reason: 'retried', transactionHash, attempt: true }])
 * ```
 */
export async function updateMessages(
  db: StoreDb,
  updates: readonly MessageUpdate[],
): Promise<void> {
  if (updates.length === 0) return
  await db.transaction().execute(async (trx) => {
    // Updates that set the same values (a batch's outcome mostly does) share one statement: a
    // delivery pass writes hundreds of rows, and a statement per row cost more than the chains.
    for (const group of groupBySetValues(updates)) {
      const [update] = group
      if (update === undefined) continue
      const ids = group.map((each) => lower(each.id))
      const result = await trx
        .updateTable('messages')
        .set((eb) => ({
          stage: update.stage,
          reason: update.reason,
          ...(update.status !== undefined && { status: update.status }),
          ...(update.result !== undefined && { result: update.result && lower(update.result) }),
          ...(update.transactionHash !== undefined && { transaction_hash: update.transactionHash }),
          ...(update.nextAttemptAt !== undefined && { next_attempt_at: update.nextAttemptAt }),
          ...(update.deliveredAt !== undefined && { delivered_at: update.deliveredAt }),
          ...(update.attempt && { attempts: eb('attempts', '+', 1) }),
        }))
        .where('id', 'in', ids)
        .executeTakeFirst()
      if (result.numUpdatedRows !== BigInt(new Set(ids).size))
        throw new MessageNotFoundError({ id: await firstMissing(trx, ids) })
    }
    await insertAttempts(
      trx,
      updates.flatMap((update) =>
        update.quiet
          ? []
          : [
              {
                messageId: update.id,
                reason: update.reason,
                detail: update.detail,
                transactionHash: update.transactionHash ?? undefined,
              },
            ],
      ),
    )
  })
}

/**
 * Appends to the attempt log without changing the messages. An unknown id throws
 * `MessageNotFoundError` and nothing is written.
 *
 * @example
 * ```ts
 * await recordAttempts(db, [{ messageId: id, reason: 'underpaid', detail: 'fee 10 < cost 12' }])
 * ```
 */
export async function recordAttempts(
  db: StoreDb,
  attempts: readonly AttemptRecord[],
): Promise<void> {
  if (attempts.length === 0) return
  await db.transaction().execute(async (trx) => {
    const ids = [...new Set(attempts.map((attempt) => lower(attempt.messageId)))]
    const found = await trx.selectFrom('messages').select('id').where('id', 'in', ids).execute()
    const known = new Set(found.map((row) => row.id))
    const missing = ids.find((id) => !known.has(id))
    if (missing !== undefined) throw new MessageNotFoundError({ id: missing })
    await insertAttempts(trx, attempts)
  })
}

/** Updates grouped by the values they set (all but `id` and `detail`), in first-seen order. */
function groupBySetValues(updates: readonly MessageUpdate[]): MessageUpdate[][] {
  const groups = new Map<string, MessageUpdate[]>()
  for (const update of updates) {
    const { id: _id, detail: _detail, ...values } = update
    const key = JSON.stringify(values, (_key, value) =>
      typeof value === 'bigint' ? `${value}n` : value,
    )
    const group = groups.get(key)
    if (group) group.push(update)
    else groups.set(key, [update])
  }
  return [...groups.values()]
}

/** The first of `ids` that no message has (the update statement matched fewer rows). */
async function firstMissing(trx: Transaction<Database>, ids: readonly Hex[]): Promise<Hex> {
  const found = await trx.selectFrom('messages').select('id').where('id', 'in', ids).execute()
  const known = new Set<string>(found.map((row) => row.id))
  return ids.find((id) => !known.has(id)) ?? ids[0] ?? '0x'
}

async function insertAttempts(
  trx: Transaction<Database>,
  attempts: readonly AttemptRecord[],
): Promise<void> {
  if (attempts.length === 0) return
  await trx
    .insertInto('attempts')
    .values(
      attempts.map((attempt) => ({
        message_id: lower(attempt.messageId),
        reason: attempt.reason,
        detail: attempt.detail ?? null,
        transaction_hash: attempt.transactionHash ?? null,
      })),
    )
    .execute()
}

/**
 * The attempt log of one message, oldest first.
 *
 * @example
 * ```ts
 * for (const { at, reason, detail } of await getAttempts(db, id)) console.log(at, reason, detail)
 * ```
 */
export async function getAttempts(db: StoreDb, messageId: Hex): Promise<StoredAttempt[]> {
  const rows = await db
    .selectFrom('attempts')
    .selectAll()
    .where('message_id', '=', lower(messageId))
    .orderBy('seq')
    .execute()
  return rows.map((row) => ({
    seq: BigInt(row.seq),
    at: row.at,
    messageId: row.message_id,
    reason: row.reason,
    ...(row.detail !== null && { detail: row.detail }),
    ...(row.transaction_hash !== null && { transactionHash: row.transaction_hash }),
  }))
}

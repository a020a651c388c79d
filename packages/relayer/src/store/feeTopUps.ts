import { sql } from 'kysely'
import type { Hex } from 'viem'
import { lower } from './rows.js'
import type { StoreDb } from './schema.js'
import type { AttemptRecord, FeeTopUp } from './types.js'

// Rows per INSERT: 7 parameters each.
const insertChunk = 1_000

/**
 * Records fee top-ups and adds each new one to its message's fee, in one transaction: a top-up
 * already stored (the same block range indexed again after a crash) adds nothing. Each message
 * that gained one logs a `fee_added` attempt (amount, new total, transaction), and one that was
 * waiting as `underpaid` becomes due at once, so the next delivery pass looks at it again.
 * Returns the `fee_added` attempts it logged.
 *
 * @example
 * ```ts
 * await insertFeeTopUps(db, [{ origin: 1, messageId, amount: 10n ** 15n, blockNumber, blockHash, transactionHash, eventIndex: 3 }])
 * ```
 */
export async function insertFeeTopUps(
  db: StoreDb,
  topUps: readonly FeeTopUp[],
): Promise<AttemptRecord[]> {
  if (topUps.length === 0) return []
  return await db.transaction().execute(async (trx) => {
    const added = new Map<Hex, { amount: bigint; transactionHash: string }>()
    const logged: AttemptRecord[] = []
    for (let start = 0; start < topUps.length; start += insertChunk) {
      const rows = await trx
        .insertInto('fee_top_ups')
        .values(
          topUps.slice(start, start + insertChunk).map((topUp) => ({
            origin: topUp.origin,
            transaction_hash: topUp.transactionHash,
            event_index: topUp.eventIndex,
            message_id: lower(topUp.messageId),
            amount: topUp.amount,
            block_number: topUp.blockNumber,
            block_hash: topUp.blockHash,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['origin', 'transaction_hash', 'event_index']).doNothing(),
        )
        .returning(['message_id', 'amount', 'transaction_hash'])
        .execute()
      for (const row of rows) {
        const before = added.get(row.message_id)
        added.set(row.message_id, {
          amount: (before?.amount ?? 0n) + BigInt(row.amount),
          transactionHash: row.transaction_hash,
        })
      }
    }
    for (const [id, { amount, transactionHash }] of added) {
      const updated = await trx
        .updateTable('messages')
        .set((eb) => ({
          fee_added: sql<bigint>`${eb.ref('fee_added')} + ${amount}`,
          next_attempt_at: sql<Date | null>`case when ${eb.ref('reason')} = 'underpaid' then null else ${eb.ref('next_attempt_at')} end`,
        }))
        .where('id', '=', id)
        .returning(['fee_paid', 'fee_added'])
        .executeTakeFirst()
      // A message not indexed yet: `insertMessages` counts the top-up when it comes.
      if (!updated) continue
      const total = BigInt(updated.fee_paid) + BigInt(updated.fee_added)
      const attempt = {
        messageId: id,
        reason: 'fee_added' as const,
        detail: `topped up by ${amount}; paid ${total} in all`,
        transactionHash,
      }
      await trx
        .insertInto('attempts')
        .values({
          message_id: id,
          reason: attempt.reason,
          detail: attempt.detail,
          transaction_hash: transactionHash,
        })
        .execute()
      logged.push(attempt)
    }
    return logged
  })
}

/**
 * Forgets `origin`'s top-ups emitted above block `number` (their blocks left the canonical chain)
 * and takes their amounts off their messages' fees; a top-up that is still canonical comes back
 * when the indexer reads its block again.
 *
 * @example
 * ```ts
 * await removeFeeTopUpsAbove(db, 1, forkBlock)
 * ```
 */
export async function removeFeeTopUpsAbove(
  db: StoreDb,
  origin: number,
  number: bigint,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('fee_top_ups')
      .where('origin', '=', origin)
      .where('block_number', '>', number)
      .returning(['message_id', 'amount'])
      .execute()
    const byMessage = new Map<Hex, bigint>()
    for (const row of removed)
      byMessage.set(row.message_id, (byMessage.get(row.message_id) ?? 0n) + BigInt(row.amount))
    for (const [id, amount] of byMessage)
      await trx
        .updateTable('messages')
        .set((eb) => ({ fee_added: sql<bigint>`${eb.ref('fee_added')} - ${amount}` }))
        .where('id', '=', id)
        .execute()
  })
}

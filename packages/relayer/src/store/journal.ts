import type { JournalEntry } from '../chains/types.js'
import { JournalEntryNotFoundError } from './errors.js'
import { lower } from './rows.js'
import type { StoreDb } from './schema.js'

// The transaction journal (`TransactionJournal`): each transaction is written before it is
// broadcast, so a restarted relayer knows its nonces and which hashes to look for. Senders are
// lower-cased (EVM addresses are case-insensitive, bech32 ones lower-case already); transaction
// hashes are kept as the chain reported them.

/**
 * The highest nonce `(domain, sender)` used in a transaction that was not dropped.
 *
 * @example
 * ```ts
 * const next = ((await highestNonce(db, 1, account.address)) ?? -1n) + 1n
 * ```
 */
export async function highestNonce(
  db: StoreDb,
  domain: number,
  sender: string,
): Promise<bigint | undefined> {
  const row = await db
    .selectFrom('transactions')
    .select((eb) => eb.fn.max('nonce').as('nonce'))
    .where('domain', '=', domain)
    .where('sender', '=', sender.toLowerCase())
    .where('state', '<>', 'dropped')
    .executeTakeFirst()
  return row?.nonce === undefined || row.nonce === null ? undefined : BigInt(row.nonce)
}

/**
 * Records a signed transaction before its broadcast (again: a no-op for a hash already there).
 *
 * @example
 * ```ts
 * await recordSigned(db, { domain: 1, sender, nonce, transactionHash, raw, call: 'deliverBatch', messageIds, maxFeePerGas, maxPriorityFeePerGas })
 * ```
 */
export async function recordSigned(db: StoreDb, entry: JournalEntry): Promise<void> {
  await db
    .insertInto('transactions')
    .values({
      hash: entry.transactionHash,
      domain: entry.domain,
      sender: entry.sender.toLowerCase(),
      nonce: entry.nonce,
      raw: lower(entry.raw),
      call: entry.call,
      message_ids: entry.messageIds.map(lower),
      max_fee_per_gas: entry.maxFeePerGas,
      max_priority_fee_per_gas: entry.maxPriorityFeePerGas,
      state: 'signed',
    })
    .onConflict((conflict) => conflict.column('hash').doNothing())
    .execute()
}

/**
 * Records how a journaled transaction ended: mined, replaced by a fee bump, or dropped. Throws
 * `JournalEntryNotFoundError` for a hash never recorded as signed.
 *
 * @example
 * ```ts
 * await recordFinished(db, receipt.transactionHash, 'mined')
 * ```
 */
export async function recordFinished(
  db: StoreDb,
  transactionHash: string,
  state: 'mined' | 'replaced' | 'dropped',
): Promise<void> {
  const result = await db
    .updateTable('transactions')
    .set({ state, finished_at: new Date() })
    .where('hash', '=', transactionHash)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new JournalEntryNotFoundError({ transactionHash })
}

/**
 * Transactions of `(domain, sender)` signed but not finished, by nonce then signing order.
 *
 * @example
 * ```ts
 * for (const entry of await unfinished(db, 1, account.address)) await rebroadcast(entry.raw)
 * ```
 */
export async function unfinished(
  db: StoreDb,
  domain: number,
  sender: string,
): Promise<JournalEntry[]> {
  const rows = await db
    .selectFrom('transactions')
    .selectAll()
    .where('domain', '=', domain)
    .where('sender', '=', sender.toLowerCase())
    .where('state', '=', 'signed')
    .orderBy('nonce')
    .orderBy('signed_at')
    .execute()
  return rows.map((row) => ({
    domain: Number(row.domain),
    sender: row.sender,
    nonce: BigInt(row.nonce),
    transactionHash: row.hash,
    raw: row.raw,
    call: row.call,
    messageIds: row.message_ids,
    maxFeePerGas: BigInt(row.max_fee_per_gas),
    maxPriorityFeePerGas: BigInt(row.max_priority_fee_per_gas),
  }))
}

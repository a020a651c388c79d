import type { Selectable } from 'kysely'
import type { MessagesTable } from './schema.js'
import type { StoredMessage } from './types.js'

/**
 * A `messages` row as the store API's `StoredMessage`. Int8 and numeric columns come back as
 * strings, numbers or bigints depending on the driver (see `schema.ts`); `BigInt` and `Number`
 * accept each.
 *
 * @example
 * ```ts
 * const message = toStoredMessage(await db.selectFrom('messages').selectAll().executeTakeFirstOrThrow())
 * ```
 */
export function toStoredMessage(row: Selectable<MessagesTable>): StoredMessage {
  return {
    id: row.id,
    origin: Number(row.origin),
    destination: Number(row.destination),
    channel: row.channel,
    nonce: BigInt(row.nonce),
    leafIndex: Number(row.leaf_index),
    sender: row.sender,
    recipient: row.recipient,
    flags: row.flags,
    deadline: BigInt(row.deadline),
    gasLimit: Number(row.gas_limit),
    ackGasLimit: Number(row.ack_gas_limit),
    encoded: row.encoded,
    feePaid: BigInt(row.fee_paid) + BigInt(row.fee_added),
    feeAdded: BigInt(row.fee_added),
    originBlockNumber: BigInt(row.origin_block_number),
    originBlockHash: row.origin_block_hash,
    originTransactionHash: row.origin_transaction_hash,
    stage: row.stage,
    status: row.status,
    result: row.result,
    reason: row.reason,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    transactionHash: row.transaction_hash,
    sentAt: row.sent_at,
    finalizedAt: row.finalized_at,
    deliveredAt: row.delivered_at,
  }
}

/**
 * A hex value as the store keeps it: lower case, so that `0xAB…` and `0xab…` are one key.
 *
 * @example
 * ```ts
 * lower('0xABcd') // '0xabcd'
 * ```
 */
export function lower<value extends `0x${string}`>(hex: value): value {
  // CAST: lower-casing keeps the `0x` prefix, so the value is still hex.
  return hex.toLowerCase() as value
}

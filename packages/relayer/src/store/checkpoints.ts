import type { Selectable } from 'kysely'
import type { Hex } from 'viem'
import { lower } from './rows.js'
import type { SignedCheckpointsTable, StoreDb } from './schema.js'
import type { SignedCheckpointRow } from './types.js'

/**
 * Records a checkpoint the validator signed, unless it already holds one at that index: the
 * primary key (validator, origin, index) makes the first root the only one. Returns the row that
 * is stored, so the caller sees whether its own was kept (same root) or refused (another root:
 * it must not serve its new signature).
 *
 * @example
 * ```ts
 * const stored = await saveSignedCheckpoint(db, row)
 * if (stored.root !== row.root) throw new EquivocationError(...)
 * ```
 */
export async function saveSignedCheckpoint(
  db: StoreDb,
  row: SignedCheckpointRow,
): Promise<SignedCheckpointRow> {
  await db
    .insertInto('signed_checkpoints')
    .values({
      validator: lower(row.validator),
      origin: row.origin,
      index: row.index,
      origin_endpoint: lower(row.originEndpoint),
      root: lower(row.root),
      signature: lower(row.signature),
    })
    .onConflict((conflict) => conflict.columns(['validator', 'origin', 'index']).doNothing())
    .execute()
  // A second statement, so a new snapshot: it sees a row another signer committed meanwhile.
  // Checkpoints are never deleted, so the row is there.
  const stored = await db
    .selectFrom('signed_checkpoints')
    .selectAll()
    .where('validator', '=', lower(row.validator))
    .where('origin', '=', row.origin)
    .where('index', '=', row.index)
    .executeTakeFirstOrThrow()
  return toSignedCheckpoint(stored)
}

/**
 * The checkpoint `validator` signed for `origin` at `index`, if any.
 *
 * @example
 * ```ts
 * const signed = await getSignedCheckpoint(db, validator, 1, 41)
 * ```
 */
export async function getSignedCheckpoint(
  db: StoreDb,
  validator: Hex,
  origin: number,
  index: number,
): Promise<SignedCheckpointRow | undefined> {
  const row = await db
    .selectFrom('signed_checkpoints')
    .selectAll()
    .where('validator', '=', lower(validator))
    .where('origin', '=', origin)
    .where('index', '=', index)
    .executeTakeFirst()
  return row && toSignedCheckpoint(row)
}

/**
 * The highest-index checkpoint `validator` signed for `origin`, if any.
 *
 * @example
 * ```ts
 * const latest = await latestSignedCheckpoint(db, validator, 1)
 * ```
 */
export async function latestSignedCheckpoint(
  db: StoreDb,
  validator: Hex,
  origin: number,
): Promise<SignedCheckpointRow | undefined> {
  const row = await db
    .selectFrom('signed_checkpoints')
    .selectAll()
    .where('validator', '=', lower(validator))
    .where('origin', '=', origin)
    .orderBy('index', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row && toSignedCheckpoint(row)
}

function toSignedCheckpoint(row: Selectable<SignedCheckpointsTable>): SignedCheckpointRow {
  return {
    validator: row.validator,
    origin: Number(row.origin),
    originEndpoint: row.origin_endpoint,
    index: Number(row.index),
    root: row.root,
    signature: row.signature,
  }
}

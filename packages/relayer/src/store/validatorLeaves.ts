import type { Hex } from 'viem'
import { lower } from './rows.js'
import type { StoreDb } from './schema.js'

// The validator keeps its own copy of each origin's leaves (final ones only), separate from the
// relayer's messages, so the tree it signs never depends on what the relayer indexed.

/**
 * Appends final leaves to `validator`'s copy of `origin`'s tree. A leaf index already stored
 * keeps its id.
 *
 * @example
 * ```ts
 * await saveValidatorLeaves(db, validator, 1, [{ index: 0, id }])
 * ```
 */
export async function saveValidatorLeaves(
  db: StoreDb,
  validator: Hex,
  origin: number,
  leaves: readonly { index: number; id: Hex }[],
): Promise<void> {
  if (leaves.length === 0) return
  await db
    .insertInto('validator_leaves')
    .values(
      leaves.map((leaf) => ({
        validator: lower(validator),
        origin,
        index: leaf.index,
        id: lower(leaf.id),
      })),
    )
    .onConflict((conflict) => conflict.columns(['validator', 'origin', 'index']).doNothing())
    .execute()
}

/**
 * `validator`'s leaves of `origin` in `[from, to)`, in index order.
 *
 * @example
 * ```ts
 * const leaves = await getValidatorLeaves(db, validator, 1, 0, 1024)
 * ```
 */
export async function getValidatorLeaves(
  db: StoreDb,
  validator: Hex,
  origin: number,
  from: number,
  to: number,
): Promise<Hex[]> {
  const rows = await db
    .selectFrom('validator_leaves')
    .select('id')
    .where('validator', '=', lower(validator))
    .where('origin', '=', origin)
    .where('index', '>=', from)
    .where('index', '<', to)
    .orderBy('index')
    .execute()
  return rows.map((row) => row.id)
}

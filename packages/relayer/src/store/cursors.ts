import type { StoreDb } from './schema.js'
import type { SeenBlock } from './types.js'

// Cursors and seen blocks: where each indexing stream stopped, and the block hashes it passed,
// to find where a reorg forked. Hashes are kept as the chain reported them (not lower-cased):
// they are compared with what the same adapter reports later.

/**
 * The last block `stream` finished on `domain`.
 *
 * @example
 * ```ts
 * const cursor = await getCursor(db, 'relayer', 1) // { domain: 1, number: 100n, hash: '0x…' }
 * ```
 */
export async function getCursor(
  db: StoreDb,
  stream: string,
  domain: number,
): Promise<SeenBlock | undefined> {
  const row = await db
    .selectFrom('cursors')
    .select(['number', 'hash'])
    .where('stream', '=', stream)
    .where('domain', '=', domain)
    .executeTakeFirst()
  return row && { domain, number: BigInt(row.number), hash: row.hash }
}

/**
 * Moves `stream`'s cursor on `cursor.domain` (forwards, or back after a reorg).
 *
 * @example
 * ```ts
 * await setCursor(db, 'relayer', { domain: 1, number: 101n, hash: '0x…' })
 * ```
 */
export async function setCursor(db: StoreDb, stream: string, cursor: SeenBlock): Promise<void> {
  await db
    .insertInto('cursors')
    .values({ stream, domain: cursor.domain, number: cursor.number, hash: cursor.hash })
    .onConflict((conflict) =>
      conflict.columns(['stream', 'domain']).doUpdateSet((eb) => ({
        number: eb.ref('excluded.number'),
        hash: eb.ref('excluded.hash'),
      })),
    )
    .execute()
}

/**
 * Remembers block hashes of `stream`; a block seen again keeps the hash seen last.
 *
 * @example
 * ```ts
 * await recordBlocks(db, 'relayer', [{ domain: 1, number: 101n, hash: '0x…' }])
 * ```
 */
export async function recordBlocks(
  db: StoreDb,
  stream: string,
  blocks: readonly SeenBlock[],
): Promise<void> {
  // One row per (domain, number) per statement: ON CONFLICT cannot touch a row twice.
  const unique = new Map(blocks.map((block) => [`${block.domain}:${block.number}`, block]))
  if (unique.size === 0) return
  await db
    .insertInto('seen_blocks')
    .values(
      [...unique.values()].map((block) => ({
        stream,
        domain: block.domain,
        number: block.number,
        hash: block.hash,
      })),
    )
    .onConflict((conflict) =>
      conflict
        .columns(['stream', 'domain', 'number'])
        .doUpdateSet((eb) => ({ hash: eb.ref('excluded.hash') })),
    )
    .execute()
}

/**
 * Remembered blocks of `stream` on `domain` at or below `below`, highest first, at most `limit`.
 *
 * @example
 * ```ts
 * const recent = await getBlocks(db, 'relayer', 1, 100n, 64)
 * ```
 */
export async function getBlocks(
  db: StoreDb,
  stream: string,
  domain: number,
  below: bigint,
  limit: number,
): Promise<SeenBlock[]> {
  const rows = await db
    .selectFrom('seen_blocks')
    .select(['number', 'hash'])
    .where('stream', '=', stream)
    .where('domain', '=', domain)
    .where('number', '<=', below)
    .orderBy('number', 'desc')
    .limit(limit)
    .execute()
  return rows.map((row) => ({ domain, number: BigInt(row.number), hash: row.hash }))
}

/**
 * Forgets `stream`'s blocks on `domain` above `above` (a reorg dropped them) and below `keepFrom`
 * (too old to matter).
 *
 * @example
 * ```ts
 * await pruneBlocks(db, 'relayer', 1, 95n, 36n)
 * ```
 */
export async function pruneBlocks(
  db: StoreDb,
  stream: string,
  domain: number,
  above: bigint,
  keepFrom: bigint,
): Promise<void> {
  await db
    .deleteFrom('seen_blocks')
    .where('stream', '=', stream)
    .where('domain', '=', domain)
    .where((eb) => eb.or([eb('number', '>', above), eb('number', '<', keepFrom)]))
    .execute()
}

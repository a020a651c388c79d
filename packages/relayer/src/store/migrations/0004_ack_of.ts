import { type Kysely, sql } from 'kysely'
import type { Migration } from 'kysely/migration'
import type { Hex } from 'viem'
import { ackOriginalId } from '../ackOriginalId.js'

/** Acks decoded per round trip of the backfill. */
const BACKFILL_CHUNK = 1_000

/**
 * `messages.ack_of`: the id an ack acknowledges, written by `insertMessages` from the decoded
 * ack body (`@ferry/protocol`'s `decodeAckBody`) instead of re-coding the layout in SQL. Existing
 * acks are backfilled here, decoded in TypeScript, in chunks by id; then the column gets its
 * index and 0002's expression index `messages_ack_of` (`substr(encoded, 199, 64)`), which it
 * supersedes, is dropped. Each statement runs alone (see 0001).
 *
 * @example
 * ```ts
 * await migration0004.up(db)
 * ```
 */
export const migration0004: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table messages add column ack_of text`.execute(db)
    let after = ''
    for (;;) {
      // CAST: `id` and `encoded` are lower-case 0x hex, as the store writes them.
      const { rows } = await sql<{ id: Hex; flags: number; encoded: Hex }>`
        select id, flags, encoded from messages
        where flags & 1 = 1 and id > ${after}
        order by id limit ${BACKFILL_CHUNK}`.execute(db)
      if (rows.length === 0) break
      after = rows[rows.length - 1]?.id ?? after
      const values = rows.flatMap(({ id, flags, encoded }) => {
        const originalId = ackOriginalId(flags, encoded)
        return originalId === null ? [] : [sql`(${id}, ${originalId})`]
      })
      if (values.length > 0)
        await sql`
          update messages m set ack_of = v.ack_of
          from (values ${sql.join(values)}) as v(id, ack_of)
          where m.id = v.id`.execute(db)
    }
    await sql`create index messages_ack_of_id on messages (ack_of) where ack_of is not null`.execute(
      db,
    )
    await sql`drop index if exists messages_ack_of`.execute(db)
  },
}

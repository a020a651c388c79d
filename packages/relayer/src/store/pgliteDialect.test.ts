import { setTimeout as sleep } from 'node:timers/promises'
import { PGlite } from '@electric-sql/pglite'
import { AbortedTransactionError, Kysely, sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { PGliteDialect } from './pgliteDialect.js'

type TestDb = { t: { n: number } }

describe('PGliteDialect', () => {
  let pglite: PGlite
  let db: Kysely<TestDb>
  beforeAll(async () => {
    pglite = await PGlite.create()
    db = new Kysely<TestDb>({ dialect: new PGliteDialect(pglite) })
    await sql`create table t (n int4 not null)`.execute(db)
  }, 60_000)
  beforeEach(async () => {
    await sql`truncate t`.execute(db)
  })
  afterAll(async () => {
    await db.destroy()
  })

  const numbers = async () =>
    (await db.selectFrom('t').select('n').orderBy('n').execute()).map((row) => row.n)

  test('a transaction commits its statements, or none when it throws', async () => {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 1 }).execute()
      await trx.insertInto('t').values({ n: 2 }).execute()
    })
    const failed = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 3 }).execute()
      await sql`select 1 / 0`.execute(trx)
    })
    await expect(failed).rejects.toThrow('division by zero')
    expect(await numbers()).toEqual([1, 2])
  })

  test('a transaction whose failed statement was caught does not pass for committed', async () => {
    // PostgreSQL answers COMMIT with ROLLBACK after an error inside the transaction; a caller
    // that swallowed the statement's error must still learn that nothing was written.
    const swallowed = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 4 }).execute()
      await sql`select 1 / 0`.execute(trx).catch(() => undefined)
    })
    await expect(swallowed).rejects.toBeInstanceOf(AbortedTransactionError)
    expect(await numbers()).toEqual([])
  })

  test('concurrent transactions and queries run one at a time, never inside each other', async () => {
    const seen: number[] = []
    const slow = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 1 }).execute()
      await sleep(30)
      seen.push((await trx.selectFrom('t').select('n').execute()).length)
      throw new Error('roll back')
    })
    // Issued while `slow` is open: on one PGlite session these would otherwise join its transaction.
    const outside = db.insertInto('t').values({ n: 2 }).execute()
    const other = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ n: 3 }).execute()
    })
    await expect(slow).rejects.toThrow('roll back')
    await Promise.all([outside, other])
    expect(seen).toEqual([1])
    expect(await numbers()).toEqual([2, 3])
  })

  test('reports affected rows and streams results in chunks', async () => {
    const inserted = await db
      .insertInto('t')
      .values([1, 2, 3, 4, 5].map((n) => ({ n })))
      .executeTakeFirst()
    expect(inserted.numInsertedOrUpdatedRows).toBe(5n)
    const updated = await db.updateTable('t').set({ n: 0 }).where('n', '>', 3).executeTakeFirst()
    expect(updated.numUpdatedRows).toBe(2n)
    const chunks: number[] = []
    for await (const row of db.selectFrom('t').select('n').stream(2)) chunks.push(row.n)
    expect(chunks.sort()).toEqual([0, 0, 1, 2, 3])
  })

  test('destroy waits for the running transaction, then closes PGlite', async () => {
    const local = await PGlite.create()
    const localDb = new Kysely<TestDb>({ dialect: new PGliteDialect(local) })
    await sql`create table t (n int4 not null)`.execute(localDb)
    const running = localDb.transaction().execute(async (trx) => {
      await sleep(20)
      await trx.insertInto('t').values({ n: 1 }).execute()
    })
    await sleep(5)
    await localDb.destroy()
    await running
    expect(local.closed).toBe(true)
  }, 60_000)
})

import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { connect } from './connect.js'
import { createStore } from './createStore.js'
import { maintainPeriodically } from './maintainPeriodically.js'
import { migrateToLatest } from './migrate.js'
import { newMessage } from './test/fixtures.js'

const until = async (check: () => Promise<boolean> | boolean) => {
  for (let i = 0; i < 200; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error('condition never held')
}

describe('maintainPeriodically (PGlite)', () => {
  test('vacuums and analyzes: the planner learns the table’s size, dead rows go', async () => {
    const db = await connect({ type: 'memory' })
    await migrateToLatest(db)
    const store = createStore(db)
    const messages = [1n, 2n, 3n].map((nonce) => newMessage({ nonce, leafIndex: Number(nonce) }))
    await store.insertMessages(messages)
    // Each update leaves a dead row version behind.
    for (const message of messages)
      await store.updateMessages([{ id: message.id, stage: 'ready', reason: 'waiting_signatures' }])
    const stats = async () =>
      (
        await sql<{ reltuples: number; dead: number }>`
          select c.reltuples, s.n_dead_tup as dead from pg_class c
          join pg_stat_user_tables s on s.relid = c.oid
          where c.relname = 'messages'`.execute(db)
      ).rows[0]
    expect((await stats())?.reltuples).toBe(-1) // never analyzed
    const stop = maintainPeriodically(db, 20)
    try {
      await until(async () => (await stats())?.reltuples === 3)
      expect(Number((await stats())?.dead)).toBe(0)
    } finally {
      await stop()
      await db.destroy()
    }
  }, 60_000)

  test('a failed run is reported and tried again; stop waits for a run in progress', async () => {
    // Nothing listens on port 1: every run fails to connect.
    const db = await connect({ type: 'postgres', url: 'postgres://ferry@127.0.0.1:1/ferry' })
    const warnings: string[] = []
    const stop = maintainPeriodically(db, 10, {
      warn: (_fields, message) => warnings.push(message),
    })
    await until(() => warnings.length >= 2)
    await stop()
    const after = warnings.length
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(warnings.length).toBe(after)
    expect(warnings[0]).toContain('VACUUM ANALYZE')
    await db.destroy()
  }, 60_000)
})

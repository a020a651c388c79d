import {
  encodeAckBody,
  encodeMessage,
  getMessageId,
  MessageFlags,
  MessageStatus,
  PROTOCOL_VERSION,
} from '@ferry/protocol'
import { sql } from 'kysely'
import { Migrator } from 'kysely/migration'
import type { Hex } from 'viem'
import { describe, expect, test } from 'vitest'
import { connect } from '../connect.js'
import { createStore } from '../createStore.js'
import { migrateToLatest } from '../migrate.js'
import { parseStoreUrl } from '../parseStoreUrl.js'
import { useStoreBackends } from '../test/backends.js'
import { word } from '../test/fixtures.js'
import { migrations } from './index.js'

const backends = useStoreBackends().filter((backend) => backend.name !== 'pglite file')

const originalId = word(0x0123, 'ab')

function encode(flags: number, body: Hex): Hex {
  return encodeMessage({
    version: PROTOCOL_VERSION,
    flags,
    origin: 2,
    sender: word(0xb0b),
    destination: 1,
    recipient: word(0xa11ce),
    nonce: 1n,
    deadline: 0n,
    gasLimit: 100_000,
    ackGasLimit: 0,
    body,
  })
}

/** A messages row as a store before 0004 wrote it (no `ack_of`). */
async function insertOldRow(
  db: Awaited<ReturnType<typeof connect>>,
  leaf: number,
  encoded: Hex,
  flags: number,
) {
  await sql`
    insert into messages (id, origin, destination, channel, nonce, leaf_index, sender, recipient,
      flags, deadline, gas_limit, ack_gas_limit, encoded, fee_paid, origin_block_number,
      origin_block_hash, origin_transaction_hash, stage, reason, sent_at)
    values (${getMessageId(encoded)}, 2, 1, ${word(1, 'c')}, 1, ${leaf}, ${word(0xb0b)},
      ${word(0xa11ce)}, ${flags}, 0, 100000, 0, ${encoded}, 0, 10, ${word(10, 'b')},
      ${word(10, 'f')}, 'ready', 'indexed', now())`.execute(db)
}

describe.each(backends)('0004_ack_of on $name', (backend) => {
  test('backfills the acknowledged id of acks stored before it, and queries use it', async () => {
    const db = await connect(parseStoreUrl(await backend.freshUrl()))
    try {
      const before = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < '0004'),
      )
      const old = new Migrator({ db, provider: { getMigrations: async () => before } })
      expect((await old.migrateToLatest()).error).toBeUndefined()
      const ack = encode(
        MessageFlags.isAck,
        encodeAckBody({ originalId, status: MessageStatus.Executed, result: '0x' }),
      )
      const plain = encode(0, '0x1234')
      await insertOldRow(db, 0, ack, MessageFlags.isAck)
      await insertOldRow(db, 1, plain, 0)

      // 0004 first, then whatever came after it.
      expect((await migrateToLatest(db)).applied[0]).toBe('0004_ack_of')
      const rows = await db.selectFrom('messages').select(['id', 'ack_of']).execute()
      expect(new Map(rows.map((row) => [row.id, row.ack_of]))).toEqual(
        new Map([
          [getMessageId(ack), originalId],
          [getMessageId(plain), null],
        ]),
      )
      const store = createStore(db)
      // Any case in, as the API takes it.
      const upper = `0x${originalId.slice(2).toUpperCase()}` as const
      expect((await store.getAcksOf(upper)).map((m) => m.id)).toEqual([getMessageId(ack)])
      const indexes = await sql<{ indexname: string }>`
        select indexname from pg_indexes where tablename = 'messages'`.execute(db)
      const names = indexes.rows.map((row) => row.indexname)
      expect(names).toContain('messages_ack_of_id')
      expect(names).not.toContain('messages_ack_of')
    } finally {
      await db.destroy()
    }
  })
})

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connect } from './connect.js'
import { StoreLockedError, StoreOpenError, StoreUrlError } from './errors.js'
import { migrateToLatest } from './migrate.js'
import { openStore } from './openStore.js'
import { parseStoreUrl } from './parseStoreUrl.js'
import { useStoreBackends } from './test/backends.js'
import { newMessage } from './test/fixtures.js'

const backends = useStoreBackends()

describe.each(backends)('openStore on $name', (backend) => {
  test('migrates a new store once; migrating again applies nothing', async () => {
    const db = await connect(parseStoreUrl(await backend.freshUrl()))
    try {
      expect(await migrateToLatest(db)).toEqual({
        applied: [
          '0001_initial',
          '0002_api_indexes',
          '0003_fee_top_ups',
          '0004_ack_of',
          '0005_api_keys',
        ],
      })
      expect(await migrateToLatest(db)).toEqual({ applied: [] })
    } finally {
      await db.destroy()
    }
  }, 60_000)
})

describe.each(backends.filter((backend) => backend.name !== 'postgres'))(
  'PGlite settings on $name',
  (backend) => {
    test('runs with a 16 MB buffer pool, which PGlite holds in memory from the start', async () => {
      const db = await connect(parseStoreUrl(await backend.freshUrl()))
      try {
        const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(db)
        expect(rows).toEqual([{ shared_buffers: '16MB' }])
      } finally {
        await db.destroy()
      }
    }, 60_000)
  },
)

describe.each(backends.filter((backend) => backend.persistent))(
  'reopening a store on $name',
  (backend) => {
    test('keeps committed rows and needs no migration', async () => {
      const url = await backend.freshUrl()
      const message = newMessage({ nonce: 1n, leafIndex: 0 })
      const first = await openStore(url)
      await first.insertMessages([message])
      await first.close()

      const second = await openStore(url)
      expect(await second.getMessage(message.id)).toMatchObject({
        id: message.id,
        stage: 'pending',
      })
      await second.close()
      const db = await connect(parseStoreUrl(url))
      expect(await migrateToLatest(db)).toEqual({ applied: [] })
      await db.destroy()
    }, 60_000)
  },
)

describe('openStore', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ferry-open-store-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('each memory store is a new database', async () => {
    const a = await openStore('memory://')
    await a.insertMessages([newMessage({ nonce: 1n, leafIndex: 0 })])
    // Later memory stores start from a copy of a fresh cluster: neither a's schema nor its rows.
    const db = await connect(parseStoreUrl('memory://'))
    expect(await migrateToLatest(db)).toEqual({
      applied: [
        '0001_initial',
        '0002_api_indexes',
        '0003_fee_top_ups',
        '0004_ack_of',
        '0005_api_keys',
      ],
    })
    await db.destroy()
    const [b, c] = await Promise.all([openStore('memory://'), openStore('memory://')])
    await b.insertMessages([newMessage({ nonce: 1n, leafIndex: 0 })])
    expect((await a.countByStage()).pending).toBe(1)
    expect((await b.countByStage()).pending).toBe(1)
    expect((await c.countByStage()).pending).toBe(0)
    await Promise.all([a.close(), b.close(), c.close()])
  }, 60_000)

  test('creates a missing file store directory, parents included', async () => {
    const store = await openStore(join(dir, 'a', 'b', 'store'))
    await store.setCursor('relayer', { domain: 1, number: 1n, hash: '0x1' })
    await store.close()
    const again = await openStore(`file:${join(dir, 'a', 'b', 'store')}`)
    expect(await again.getCursor('relayer', 1)).toEqual({ domain: 1, number: 1n, hash: '0x1' })
    await again.close()
  }, 60_000)

  test('a file store is open in one process at a time', async () => {
    const path = join(dir, 'locked')
    const first = await openStore(path)
    await expect(openStore(`file:${path}`)).rejects.toThrow(StoreLockedError)
    await first.close()
    // Another process that is alive (here: our parent) holds the lock.
    await writeFile(`${path}.lock`, `${process.ppid}\n`)
    const refused = await openStore(path).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(StoreLockedError)
    expect(refused).toMatchObject({ pid: process.ppid, retryable: true })
    // A lock left by a process that is gone is taken over; close() gives the lock back.
    await writeFile(`${path}.lock`, '2147483646\n')
    const second = await openStore(path)
    await expect(readFile(`${path}.lock`, 'utf8')).resolves.toBe(`${process.pid}\n`)
    await second.close()
    await expect(readFile(`${path}.lock`, 'utf8')).rejects.toThrow('ENOENT')
  }, 60_000)

  test('refuses an unknown URL with StoreUrlError naming the field', async () => {
    const opened = openStore('mysql://db/ferry', { field: 'store.url' })
    await expect(opened).rejects.toThrow(StoreUrlError)
    await expect(opened).rejects.toThrow('store.url: "mysql://db/ferry" is not a store URL.')
  })

  test('an unreachable server is a retryable StoreOpenError, its password hidden', async () => {
    const url = `postgres://relayer:secret@127.0.0.1:${await closedPort()}/ferry`
    const error = await openStore(url).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(StoreOpenError)
    if (!(error instanceof StoreOpenError)) return
    expect(error.retryable).toBe(true)
    expect(error.url).toBe(`postgres://relayer:***@127.0.0.1:${new URL(url).port}/ferry`)
    expect(error.message).not.toContain('secret')
  })

  test('a file store path that is a file is a StoreOpenError, not retryable', async () => {
    const file = join(dir, 'not-a-directory')
    await writeFile(file, 'x')
    const error = await openStore(`file:${file}`).catch((error: unknown) => error)
    expect(error).toBeInstanceOf(StoreOpenError)
    expect(error).toMatchObject({ retryable: false, url: `file:${file}` })
  })

  test('a file store keeps what it committed when its process is killed with SIGKILL', async () => {
    const store = join(dir, 'killed')
    const child = spawn(
      process.execPath,
      [
        '--import',
        fileURLToPath(new URL('../../scripts/resolveTs.ts', import.meta.url)),
        testFile('commitAndWait.ts'),
        store,
        '50',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    const exited = once(child, 'exit')
    while (!output.includes('committed')) {
      if (child.exitCode !== null) throw new Error(`the child exited early: ${output}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    child.kill('SIGKILL')
    expect(await exited).toEqual([null, 'SIGKILL'])

    const reopened = await openStore(`file:${store}`)
    expect((await reopened.countByStage()).pending).toBe(50)
    expect(await reopened.getCursor('relayer', 1)).toEqual({ domain: 1, number: 42n, hash: '0x42' })
    // And it keeps working after recovery.
    await reopened.insertMessages([newMessage({ nonce: 51n, leafIndex: 50 })])
    expect((await reopened.countByStage()).pending).toBe(51)
    await reopened.close()
  }, 60_000)
})

function testFile(name: string): string {
  return fileURLToPath(new URL(`test/${name}`, import.meta.url))
}

/** A port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  server.close()
  await once(server, 'close')
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

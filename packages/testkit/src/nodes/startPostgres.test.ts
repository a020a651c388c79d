import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, test } from 'vitest'
import { PostgresNotInstalledError, startPostgres } from './startPostgres.js'

describe('startPostgres', () => {
  test('starts a server that accepts queries, and stop() ends it and removes its directory', async () => {
    const server = await startPostgres()
    const client = new pg.Client({ connectionString: server.url })
    await client.connect()
    const { rows } = await client.query<{ dir: string; fsync: string }>(
      "select current_setting('data_directory') as dir, current_setting('fsync') as fsync",
    )
    await client.end()
    const dir = rows[0]!.dir
    expect(rows[0]!.fsync).toBe('off')
    expect(existsSync(dir)).toBe(true)

    await server.stop()
    expect(existsSync(dir)).toBe(false)
    const after = new pg.Client({ connectionString: server.url })
    after.on('error', () => {})
    await expect(after.connect()).rejects.toThrow()
  })

  test('two servers run side by side on different ports', async () => {
    const [a, b] = await Promise.all([startPostgres(), startPostgres()])
    try {
      expect(a.url).not.toBe(b.url)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  })

  test('throws PostgresNotInstalledError naming apt-get when no version is installed', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ferry-no-postgres-'))
    try {
      const started = startPostgres({ installDir: empty })
      await expect(started).rejects.toThrow(PostgresNotInstalledError)
      await expect(started).rejects.toThrow('apt-get install postgresql')
    } finally {
      await rm(empty, { recursive: true })
    }
  })
})

import { execFile, spawn } from 'node:child_process'
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { BaseError } from '@ferry/protocol'
import pg from 'pg'
import { freePort } from '../process/freePort.js'
import { stopChild } from '../process/stopChild.js'

const run = promisify(execFile)

export type StartedPostgres = {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: trust auth, no password. */
  url: string
  /** Stops the server (fast shutdown), waits for its exit and removes its directory. */
  stop: () => Promise<void>
}

export type StartPostgresParameters = {
  /** Where Debian installs PostgreSQL versions, each with a `bin/`. Default `/usr/lib/postgresql`. */
  installDir?: string
  /** How long to wait for the server to accept connections. Default 30 s. */
  timeoutMs?: number
}

/**
 * No PostgreSQL server binaries (`<installDir>/<version>/bin/{initdb,postgres}`) were found.
 *
 * @example
 * ```ts
 * await startPostgres({ installDir: '/nowhere' }) // throws PostgresNotInstalledError
 * ```
 */
export class PostgresNotInstalledError extends BaseError {
  override name = 'PostgresNotInstalledError' as const
  readonly installDir: string
  constructor({ installDir }: { installDir: string }) {
    super(`PostgreSQL is not installed: no ${installDir}/<version>/bin/initdb.`, {
      metaMessages: ['Install it with: apt-get install postgresql'],
    })
    this.installDir = installDir
  }
}

/**
 * initdb failed, or the server exited or did not accept connections in time.
 *
 * @example
 * ```ts
 * await startPostgres({ timeoutMs: 1 }) // throws PostgresStartError
 * ```
 */
export class PostgresStartError extends BaseError {
  override name = 'PostgresStartError' as const
}

/**
 * Starts a throwaway PostgreSQL server for tests: the newest Debian-installed version, a fresh
 * cluster in a temporary directory (trust auth, C locale, fsync off), listening on a free
 * 127.0.0.1 port with its unix socket in that directory. Resolves once it accepts connections.
 * As root, initdb and the server run as the `postgres` user (PostgreSQL refuses root): spawned
 * with that uid directly rather than through `runuser`, so the signals `stop()` sends reach the
 * server itself.
 *
 * @example
 * ```ts
 * const server = await startPostgres()
 * const store = await openStore(server.url)
 * // ...
 * await store.close()
 * await server.stop()
 * ```
 */
export async function startPostgres({
  installDir = '/usr/lib/postgresql',
  timeoutMs = 30_000,
}: StartPostgresParameters = {}): Promise<StartedPostgres> {
  const bin = await findBinDir(installDir)
  const user = await postgresUser()
  const runAs = user ? { uid: user.uid, gid: user.gid } : {}
  const dir = await mkdtemp(join(tmpdir(), 'ferry-postgres-'))
  const remove = () => rm(dir, { recursive: true, force: true })
  const data = join(dir, 'data')
  try {
    if (user) await chown(dir, user.uid, user.gid)
    await run(
      join(bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
      runAs,
    )
  } catch (error) {
    await remove()
    throw new PostgresStartError('initdb failed.', { cause: asError(error) })
  }

  const port = await freePort()
  // Durability settings are off: a test server's data is thrown away with it.
  const server = spawn(
    join(bin, 'postgres'),
    [
      ...['-D', data, '-p', `${port}`, '-h', '127.0.0.1', '-k', dir],
      ...['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], ...runAs },
  )
  let log = ''
  server.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000)
  })
  // If the test process exits without stop(), do not leave the server running.
  const killOnExit = () => server.kill('SIGKILL')
  process.once('exit', killOnExit)
  const stop = async () => {
    process.removeListener('exit', killOnExit)
    // SIGINT is PostgreSQL's fast shutdown: abort sessions, exit cleanly.
    await stopChild(server, { signal: 'SIGINT' })
    await remove()
  }

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      await stop()
      throw new PostgresStartError(
        `postgres exited with ${server.exitCode ?? server.signalCode}.`,
        {
          details: log,
        },
      )
    }
    if (await accepts(url)) return { url, stop }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  await stop()
  throw new PostgresStartError(`postgres did not accept connections in ${timeoutMs} ms.`, {
    details: log,
  })
}

/** The `bin/` of the highest PostgreSQL version under `installDir` that has a server. */
async function findBinDir(installDir: string): Promise<string> {
  const versions = await readdir(installDir).catch(() => [])
  const sorted = versions
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
  for (const version of sorted) {
    const bin = join(installDir, version, 'bin')
    const files = await readdir(bin).catch((): string[] => [])
    if (files.includes('initdb') && files.includes('postgres')) return bin
  }
  throw new PostgresNotInstalledError({ installDir })
}

/** As root, the `postgres` account to run as (initdb and postgres refuse root); else undefined. */
async function postgresUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined
  try {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ])
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
  } catch (error) {
    throw new PostgresStartError('Running as root, but there is no postgres user to run as.', {
      cause: asError(error),
    })
  }
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url })
  // A refused connection also emits 'error'; the rejected connect() below reports it.
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch {
    return false // starting up
  } finally {
    await client.end().catch(() => {})
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error))
}

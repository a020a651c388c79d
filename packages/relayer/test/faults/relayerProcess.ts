// `ferry relayer start` as a child process of a test (the crash tests kill it), its output kept
// and its JSON log lines parsed. FERRY_CRASH_LOG=/some/dir keeps each process's output there
// (debugging).
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Hex } from 'viem'
import type { FailpointName } from '../../src/core/failpoint.ts'

const logDir = process.env.FERRY_CRASH_LOG
const entry = fileURLToPath(new URL('../../src/cli/ferry.ts', import.meta.url))
const resolveTs = fileURLToPath(new URL('../../scripts/resolveTs.ts', import.meta.url))

/** A failpoint and the hit that fires it (`FERRY_FAILPOINT`, see src/core/failpoint.ts). */
export type Failpoint = `${FailpointName}:${number}`
export type Exit = { code: number | null; signal: NodeJS.Signals | null }
export type LogLine = { msg?: string; [field: string]: unknown }

export type RelayerProcess = {
  child: ChildProcess
  exited: Promise<Exit>
  stdout(): string
  stderr(): string
  /** stdout's JSON log lines, in order. */
  logs(): LogLine[]
  /** Whether it has logged `msg`. */
  hasLog(msg: string): boolean
}

export type SpawnRelayerParameters = {
  configPath: string
  /** The relayer's signer, given as FERRY_RELAYER_KEY (the config's `signer: { env }`). */
  privateKey: Hex
  /** Dies (SIGKILL) at this failpoint's hit; default none. */
  failpoint?: Failpoint | undefined
}

/**
 * Starts `ferry relayer start --config <configPath>` with Node's TypeScript loader.
 *
 * @example
 * const relayer = spawnRelayer({ configPath, privateKey, failpoint: 'after_broadcast:2' })
 */
export function spawnRelayer({
  configPath,
  privateKey,
  failpoint,
}: SpawnRelayerParameters): RelayerProcess {
  const child = spawn(
    process.execPath,
    ['--import', resolveTs, entry, 'relayer', 'start', '--config', configPath],
    {
      // Only PATH from the outside: no FERRY__ override of the test's own shell leaks in.
      env: {
        PATH: process.env.PATH,
        FERRY_RELAYER_KEY: privateKey,
        ...(failpoint && { FERRY_FAILPOINT: failpoint }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const logs = () =>
    stdout.split('\n').flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine] // CAST: pino writes one JSON object a line
      } catch {
        return [] // the last line of a killed process may be cut short
      }
    })
  return {
    child,
    exited: once(child, 'exit').then(async ([code, signal]) => {
      if (logDir)
        await writeFile(
          join(logDir, `${Date.now()}-${failpoint ?? 'restart'}.log`),
          stdout + stderr,
        )
      // CAST: Node's 'exit' event passes (code, signal).
      return { code, signal } as Exit
    }),
    stdout: () => stdout,
    stderr: () => stderr,
    logs,
    hasLog: (msg) => logs().some((line) => line.msg === msg),
  }
}

/**
 * How `relayer` exits; fails, with its output, when it is still running after `timeoutMs`.
 *
 * @example
 * expect(await exitOf(relayer, 20_000)).toEqual({ code: 0, signal: null })
 */
export async function exitOf(relayer: RelayerProcess, timeoutMs: number): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const output = `stderr: ${relayer.stderr()}\nstdout (tail): ${relayer.stdout().slice(-3_000)}`
      reject(new Error(`the relayer did not exit within ${timeoutMs} ms\n${output}`))
    }, timeoutMs)
  })
  try {
    return await Promise.race([relayer.exited, timeout])
  } finally {
    clearTimeout(timer)
  }
}

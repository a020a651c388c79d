// `pnpm devnet` as a user runs it, for the devnet tests: the script in a child process of its
// own, its output collected, until its demo completes.
import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

export type DevnetCommand = {
  child: ChildProcess
  /** Everything printed on stdout so far. */
  stdout(): string
  /** The exit code, once the process exits. */
  exited: Promise<number | null>
  /** Resolves when the demo completed; rejects, with the output, if the process exits first. */
  demoComplete: Promise<void>
}

/**
 * Starts `scripts/devnet.ts` with `args`, writing its devnet file under `dir` (as `INIT_CWD`,
 * where pnpm says the command ran), the API on a free port and only errors logged.
 *
 * @example
 * const devnet = runDevnetCommand(dir, ['--', '--wasmd'])
 * await devnet.demoComplete
 * devnet.child.kill('SIGINT')
 */
export function runDevnetCommand(dir: string, args: readonly string[] = []): DevnetCommand {
  const child = spawn(process.execPath, ['scripts/devnet.ts', ...args], {
    cwd: packageDir,
    env: {
      ...process.env,
      INIT_CWD: dir,
      FERRY_DEVNET_API_PORT: '0',
      FERRY_DEVNET_EXPLORER_PORT: '0',
      FERRY_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4_000)
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const demoComplete = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk
      if (stdout.includes('Demo complete')) resolve()
    })
    void exited.then((code) =>
      reject(new Error(`devnet exited (${code}) before its demo completed:\n${stdout}\n${stderr}`)),
    )
  })
  return { child, stdout: () => stdout, exited, demoComplete }
}

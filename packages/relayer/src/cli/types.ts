import type { DestinationStream } from 'pino'

/**
 * Exit codes of `ferry`: 0 done, 1 bad config or usage (fix the input; retrying will not help),
 * 2 runtime failure (the service failed, or did not stop in time).
 *
 * @example
 * process.exitCode = ExitCode.usage
 */
export const ExitCode = { ok: 0, usage: 1, failure: 2 } as const

/** Where the CLI writes text: `process.stdout` / `process.stderr`, or a buffer in tests. */
export type CliOutput = { write(text: string): unknown }

/**
 * Everything a command may touch of its process, passed in so commands run in tests without one.
 *
 * @example
 * const context: CliContext = {
 *   env: process.env, stdout: process.stdout, stderr: process.stderr, version: '0.0.0',
 *   onSignal: () => () => {}, exit: (code) => process.exit(code),
 * }
 */
export type CliContext = {
  env: NodeJS.ProcessEnv
  stdout: CliOutput
  stderr: CliOutput
  /** `@ferry/relayer`'s version, for `--version`. */
  version: string
  /** Calls `listener` on SIGINT and SIGTERM until the returned function unsubscribes it. */
  onSignal(listener: (signal: NodeJS.Signals) => void): () => void
  /** Ends the process now: a second signal, or a service that outlives its grace period. */
  exit(code: number): void
  /** Where service logs go (pino JSON lines). Default: stdout. */
  logDestination?: DestinationStream | undefined
}

/** One option of a command, for `parseArgs` and for its help. */
export type CliOption = {
  type: 'string' | 'boolean'
  short?: string
  /** How the value reads in help, e.g. `<file>`. */
  placeholder?: string
  description: string
}

/** A command's parsed options (`parseArgs` values) and, for a command that takes one, its argument. */
export type CliArgs = {
  values: Record<string, string | boolean | undefined>
  positionals?: readonly string[] | undefined
}

/**
 * One entry of the command table: the words that select it, its help, and what it does. `run`
 * returns the exit code; it never calls `process.exit` itself (only `context.exit` when it must).
 *
 * @example
 * const hello: CliCommand = {
 *   path: ['hello'], summary: 'Say hello', options: {},
 *   run: async (_args, context) => { context.stdout.write('hello\n'); return ExitCode.ok },
 * }
 */
export type CliCommand = {
  path: readonly string[]
  summary: string
  options: Readonly<Record<string, CliOption>>
  /** The one argument it takes after its options (`ferry debug <message>`), for help; none when absent. */
  argument?: { placeholder: string; description: string } | undefined
  run(args: CliArgs, context: CliContext): Promise<number>
}

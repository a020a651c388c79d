#!/usr/bin/env node
// The `ferry` executable: wires the real process to `runCli`. Everything else lives in modules
// that take the process as an argument (`CliContext`), so it can be tested in-process.
import { readFileSync } from 'node:fs'
import { useBaselineWasmCompiler } from '../store/useBaselineWasmCompiler.js'
import { commandTable } from './commandTable.js'
import { createProcessContext } from './createProcessContext.js'
import { runCli } from './runCli.js'
import { ExitCode } from './types.js'

// An error nothing caught is a bug or a failure, never a config problem: exit 2, not Node's 1.
const crash = (error: unknown) => {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
  process.stderr.write(`ferry: unexpected error: ${text}\n`)
  process.exit(ExitCode.failure)
}
process.on('uncaughtException', crash)
process.on('unhandledRejection', crash)

// Before any store opens: keeps the embedded PGlite store's memory down (see the function).
useBaselineWasmCompiler()

// Same relative path from src/cli/ferry.ts and dist/cli/ferry.js.
const packageJson = readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
// CAST: it is this package's own package.json, which has a version.
const { version } = JSON.parse(packageJson) as { version: string }

process.exitCode = await runCli(process.argv.slice(2), createProcessContext(version), commandTable)

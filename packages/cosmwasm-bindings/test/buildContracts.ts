// Vitest's global set-up: builds the contracts when their sources changed, before any test file
// runs (the harness, `@ferry/cosmwasm-bindings/harness`, only reads build/*.wasm). The lock
// directory keeps two test runs at once from building over each other.
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { buildContracts as build, setQuiet } from '../scripts/buildWasm.ts'

const root = join(import.meta.dirname, '..')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

function isFresh(): boolean {
  const sources = Math.max(
    newestSource(join(root, 'contract')),
    newestSource(join(root, 'scripts')),
  )
  try {
    return [
      'endpoint',
      'test-recipient',
      'ping-pong',
      'codec-probe',
      'ica-router',
      'ica-factory',
      'ica-account',
      'token-bridge',
    ].every((name) => statSync(wasmPath(name)).mtimeMs > sources)
  } catch {
    return false
  }
}

/** Builds the contracts unless every build/*.wasm is newer than the sources. */
async function buildContracts(): Promise<void> {
  if (isFresh()) return
  mkdirSync(join(root, 'build'), { recursive: true })
  const lock = join(root, 'build', '.lock')
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
      if (isFresh()) return
    }
  }
  try {
    if (!isFresh()) {
      setQuiet(true)
      await build()
    }
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export default buildContracts

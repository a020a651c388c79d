import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { buildWasmd } from './buildWasmd.js'
import { WasmdUnavailableError } from './WasmdUnavailableError.js'

describe('buildWasmd', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-build-wasmd-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const script = (name: string, body: string) => {
    const path = join(dir, name)
    writeFileSync(path, `#!/usr/bin/env bash\n${body}\n`)
    chmodSync(path, 0o755)
    return path
  }

  test('the path the build script prints', async () => {
    const path = await buildWasmd({ script: script('ok.sh', 'echo /cache/wasmd/v1/wasmd') })
    expect(path).toBe('/cache/wasmd/v1/wasmd')
  })

  test('a build that fails (no Go): a named error saying how to build it, with its output', async () => {
    const failing = script(
      'no-go.sh',
      'echo "build.sh: line 13: go: command not found" >&2; exit 127',
    )
    const error = await buildWasmd({ script: failing }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WasmdUnavailableError)
    if (!(error instanceof WasmdUnavailableError)) return
    expect(error.name).toBe('WasmdUnavailableError')
    expect(error.message).toContain('tools/wasmd/build.sh')
    expect(error.details).toContain('go: command not found')
    expect(error.retryable).toBe(false)
    expect(error.script).toBe(failing)
  })

  test('a script that cannot run at all is reported the same way', async () => {
    const error = await buildWasmd({ script: join(dir, 'missing.sh') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WasmdUnavailableError)
    expect((error as WasmdUnavailableError).details).toContain('ENOENT') // CAST: checked above
  })

  test('the repository’s script finds (or builds) wasmd', async () => {
    expect(await buildWasmd()).toMatch(/\.cache\/wasmd\/[^/]+\/wasmd$/)
  }, 900_000)
})

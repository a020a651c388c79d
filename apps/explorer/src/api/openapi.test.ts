// The explorer's API types (`src/generated/openapi.ts`) must be what openapi-typescript makes of
// the committed document (`spec/api/openapi.json`, itself checked against what the relayer
// serves by the relayer's own test). `pnpm --filter @ferry/explorer api-types` regenerates them.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))

test('src/generated/openapi.ts is generated from spec/api/openapi.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-explorer-api-types-'))
  try {
    const fresh = join(dir, 'openapi.ts')
    execFileSync(
      join(root, 'node_modules/.bin/openapi-typescript'),
      ['../../spec/api/openapi.json', '-o', fresh],
      { cwd: root, stdio: 'pipe' },
    )
    expect(
      readFileSync(join(root, 'src/generated/openapi.ts'), 'utf8'),
      'src/generated/openapi.ts is stale: run `pnpm --filter @ferry/explorer api-types`',
    ).toBe(readFileSync(fresh, 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}, 30_000)

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { hashApiKey, isApiKeyShaped } from '../../api/auth/apiKeyText.js'
import { openStore } from '../../store/openStore.js'
import { commandTable } from '../commandTable.js'
import { runCli } from '../runCli.js'
import type { CliContext } from '../types.js'

const dir = mkdtempSync(join(tmpdir(), 'ferry-api-key-'))
const store = `file:${join(dir, 'store')}`
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function ferry(argv: string[]) {
  const stdout: string[] = []
  const stderr: string[] = []
  const context: CliContext = {
    env: {},
    stdout: { write: (text) => stdout.push(text) },
    stderr: { write: (text) => stderr.push(text) },
    version: '9.9.9',
    onSignal: () => () => {},
    exit: () => {},
  }
  const code = await runCli([...argv, '--store', store], context, commandTable)
  return { code, stdout: stdout.join(''), stderr: stderr.join('') }
}

/** Every file under `path`, for looking for a key's text in the database's files. */
function filesUnder(path: string): string[] {
  return readdirSync(path).flatMap((name) => {
    const child = join(path, name)
    return statSync(child).isDirectory() ? filesUnder(child) : [child]
  })
}

describe('ferry api-key', () => {
  test('create prints the key once; list and revoke never show it; only its hash is stored', async () => {
    const created = await ferry(['api-key', 'create', '--scope', 'operate', '--name', 'ops'])
    expect(created.code).toBe(0)
    const key = created.stdout.trim()
    expect(isApiKeyShaped(key)).toBe(true)
    expect(created.stderr).toMatch(/created API key 1 "ops" \(operate\); it is shown only now/)

    const listed = await ferry(['api-key', 'list'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(
      /^ID\s+NAME\s+SCOPE\s+CREATED\s+LAST USED\s+REVOKED\n1\s+ops\s+operate\s/,
    )
    expect(listed.stdout).not.toContain(key)
    expect(listed.stdout).not.toContain(key.slice('ferry_'.length, 20))

    const files = filesUnder(join(dir, 'store'))
    expect(files.some((file) => readFileSync(file).includes(key.slice(6)))).toBe(false)
    expect(files.some((file) => readFileSync(file).includes(Buffer.from(hashApiKey(key))))).toBe(
      true,
    )

    const revoked = await ferry(['api-key', 'revoke', 'ops'])
    expect(revoked.code).toBe(0)
    expect(revoked.stdout).toMatch(/^revoked API key 1 "ops" at \d{4}-/)
    const json = JSON.parse((await ferry(['api-key', 'list', '--json'])).stdout)
    expect(json).toEqual([expect.objectContaining({ id: 1, name: 'ops', scope: 'operate' })])
    expect(json[0].revokedAt).not.toBeNull()
    const opened = await openStore(store)
    try {
      expect((await opened.useApiKey(hashApiKey(key)))?.revokedAt).toBeInstanceOf(Date)
    } finally {
      await opened.close()
    }
  })

  test('refuses a bad scope or name, a taken name, and an unknown key to revoke', async () => {
    const badScope = await ferry(['api-key', 'create', '--scope', 'admin', '--name', 'x'])
    expect(badScope).toMatchObject({ code: 1, stdout: '' })
    expect(badScope.stderr).toMatch(/--scope must be read or operate, got "admin"/)
    const digits = await ferry(['api-key', 'create', '--scope', 'read', '--name', '42'])
    expect(digits).toMatchObject({ code: 1, stdout: '' })
    expect(digits.stderr).toMatch(/--name must be .* not all digits/)
    expect((await ferry(['api-key', 'create', '--scope', 'read', '--name', 'ci'])).code).toBe(0)
    const taken = await ferry(['api-key', 'create', '--scope', 'read', '--name', 'ci'])
    expect(taken).toMatchObject({ code: 1, stdout: '' })
    expect(taken.stderr).toMatch(/An API key named "ci" exists/)
    const unknown = await ferry(['api-key', 'revoke', 'nobody'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/no API key has the id or name "nobody"/)
  })
})

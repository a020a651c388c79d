// `failpoint` in a child process (it kills its process, so it cannot run in the test's own):
// the child calls `failpoint('after_broadcast')` three times, printing each call it survives.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const module = fileURLToPath(new URL('./failpoint.ts', import.meta.url))
const script = `
import { failpoint } from ${JSON.stringify(module)}
for (let i = 1; i <= 3; i++) {
  failpoint('after_broadcast')
  process.stdout.write(i + '\\n')
}`

function run(
  failpoint: string | undefined,
): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', script],
      {
        env: {
          PATH: process.env.PATH,
          ...(failpoint !== undefined && { FERRY_FAILPOINT: failpoint }),
        },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
          signal: error?.signal ?? null,
          stdout,
          stderr,
        }),
    )
  })
}

test('does nothing when FERRY_FAILPOINT is unset or names another failpoint', async () => {
  expect(await run(undefined)).toEqual({ code: 0, signal: null, stdout: '1\n2\n3\n', stderr: '' })
  expect(await run('after_store_write')).toMatchObject({ code: 0, stdout: '1\n2\n3\n' })
})

test('kills the process with SIGKILL at the first hit, or at the N-th with name:N', async () => {
  expect(await run('after_broadcast')).toEqual({
    code: null,
    signal: 'SIGKILL',
    stdout: '',
    stderr: 'ferry: failpoint after_broadcast hit\n',
  })
  expect(await run('after_broadcast:3')).toMatchObject({ signal: 'SIGKILL', stdout: '1\n2\n' })
})

test('a misspelt FERRY_FAILPOINT fails at start instead of never firing', async () => {
  for (const value of ['after_brodcast', 'after_broadcast:0', 'after_broadcast:x']) {
    const result = await run(value)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`FERRY_FAILPOINT="${value}"`)
  }
})

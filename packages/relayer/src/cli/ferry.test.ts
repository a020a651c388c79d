// The real executable, as a child process: argv, exit codes, stdout/stderr. It runs the TypeScript
// source on the test's own Node (22: type stripping); a resolve hook maps the `.js` specifiers
// that tsc wants onto the `.ts` files beside them, as the build would.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from 'vitest'

const entry = fileURLToPath(new URL('./ferry.ts', import.meta.url))
const example = fileURLToPath(new URL('../../ferry.example.yaml', import.meta.url))
// Lets Node run the CLI's TypeScript sources, whose imports name the compiled `.js` files.
const resolveTs = fileURLToPath(new URL('../../scripts/resolveTs.ts', import.meta.url))

function ferry(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', resolveTs, entry, ...args],
      // Only PATH from the outside: no FERRY__ override of the test's own shell leaks in.
      { env: { PATH: process.env.PATH, ...env }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      },
    )
  })
}

test('config check on the example config: exit 0, summary on stdout', async () => {
  const result = await ferry(['config', 'check', '--config', example])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/^ok: 3 chains, 2 validator sets, relayer relayer-1 \(4 routes\)/)
})

test('config check on a bad file: exit 1, the fields on stderr', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ferry-bin-')), 'bad.yaml')
  writeFileSync(
    path,
    [
      'chains:',
      '  - { name: wasm, kind: cosmwasm, domain: 7001, rpcUrls: [http://127.0.0.1:26657], bech32Prefix: wasm, gasPrice: 0.025stake, confirmations: 0,',
      '      endpoint: osmo10v3nr24ar4jg5xjxf35nkuundmkn0a3teufd8697ppdl8qng9ecst2dlu8 }',
      'validators: [{ origin: wasm, threshold: 2, urls: [http://127.0.0.1:9201] }]',
    ].join('\n'),
  )
  const result = await ferry(['config', 'check', '--config', path])
  expect(result.code).toBe(1)
  expect(result.stdout).toBe('')
  expect(result.stderr.split('\n')).toEqual([
    `Invalid config ${path}: 2 issues.`,
    `  ${path}: chains[0].endpoint (wasm): has prefix "osmo", but bech32Prefix is "wasm"`,
    `  ${path}: validators[0].threshold (wasm): is 2, but only 1 validator URL(s) are listed`,
    '',
  ])
})

test('an env override that breaks the config names its variable', async () => {
  const result = await ferry(['config', 'check', '--config', example], {
    FERRY__CHAINS__WASM__DOMAIN: '31337',
  })
  expect(result.code).toBe(1)
  expect(result.stderr).toContain(
    'chains[2].domain (wasm) [set by FERRY__CHAINS__WASM__DOMAIN]: duplicates chains[0].domain 31337',
  )
})

test('--help: exit 0, usage on stdout', async () => {
  const result = await ferry(['--help'])
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/^Usage: ferry <command> \[options\]/)
  expect(result.stderr).toBe('')
})

test('--version prints the package version', async () => {
  expect(await ferry(['--version'])).toEqual({ code: 0, stdout: '0.0.0\n', stderr: '' })
})

test('an unknown command: exit 1, usage on stderr', async () => {
  const result = await ferry(['frobnicate'])
  expect(result.code).toBe(1)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(/^ferry: unknown command "frobnicate"\n\nUsage: ferry <command>/)
})

test('validator start on a config without a validator section: exit 1', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ferry-bin-')), 'relayer-only.yaml')
  writeFileSync(
    path,
    'chains:\n  - { name: a, kind: evm, domain: 1, rpcUrls: [http://x], endpoint: "0x5fbdb2315678afecb367f032d93f642f64180aa3", confirmations: 1 }\n',
  )
  const result = await ferry(['validator', 'start', '--config', path])
  expect(result.code).toBe(1)
  expect(result.stderr).toContain('no `validator` section')
})

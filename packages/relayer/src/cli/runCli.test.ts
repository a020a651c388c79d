import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import type { FerryConfig } from '../config/schema.js'
import { configCheckCommand } from './commands/configCheck.js'
import { debugCommand } from './commands/debug.js'
import { createRelayerStartCommand } from './commands/relayerStart.js'
import { createValidatorStartCommand } from './commands/validatorStart.js'
import { runCli } from './runCli.js'
import type { StartService } from './runService.js'
import type { CliContext } from './types.js'

const example = fileURLToPath(new URL('../../ferry.example.yaml', import.meta.url))
const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'

/** Runs `ferry …` in-process with fake services; returns the exit code and output. */
async function ferry(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout: string[] = []
  const stderr: string[] = []
  const started: { name: string; config: FerryConfig }[] = []
  const fake =
    (name: string): StartService =>
    async (config) => {
      started.push({ name, config })
      return { done: Promise.resolve() }
    }
  const context: CliContext = {
    env,
    stdout: { write: (text) => stdout.push(text) },
    stderr: { write: (text) => stderr.push(text) },
    version: '9.9.9',
    onSignal: () => () => {},
    exit: () => {},
    logDestination: { write: () => {} },
  }
  const commands = [
    configCheckCommand,
    createValidatorStartCommand(fake('validator')),
    createRelayerStartCommand(fake('relayer')),
    debugCommand,
  ]
  const code = await runCli(argv, context, commands)
  return { code, stdout: stdout.join(''), stderr: stderr.join(''), started }
}

function writeConfig(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ferry-cli-')), 'ferry.yaml')
  writeFileSync(path, text)
  return path
}

describe('usage', () => {
  test('--help and help print the command list on stdout', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const result = await ferry(argv)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^Usage: ferry <command> \[options\]/)
      expect(result.stdout).toContain('config check')
      expect(result.stdout).toContain('validator start')
      expect(result.stdout).toContain('relayer start')
    }
  })

  test('help for one command, by `help <command>` or `<command> --help`', async () => {
    for (const argv of [
      ['help', 'config', 'check'],
      ['config', 'check', '--help'],
    ]) {
      const result = await ferry(argv)
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^Usage: ferry config check \[--config <file>\] \[--secrets\]/)
      expect(result.stdout).toContain('-c, --config <file>')
    }
  })

  test('--version', async () => {
    expect(await ferry(['--version'])).toMatchObject({ code: 0, stdout: '9.9.9\n' })
  })

  test('no command: exit 1 with usage on stderr', async () => {
    const result = await ferry([])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^ferry: missing command\n\nUsage: ferry <command>/)
  })

  test('an unknown command: exit 1 with usage', async () => {
    const result = await ferry(['deploy', '--config', 'x'])
    expect(result).toMatchObject({ code: 1, stdout: '' })
    expect(result.stderr).toMatch(/^ferry: unknown command "deploy"\n\nUsage: ferry <command>/)
    expect((await ferry(['help', 'deploy'])).code).toBe(1)
  })

  test('a command group without its subcommand: exit 1', async () => {
    const result = await ferry(['relayer'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('ferry: "relayer" needs a subcommand')
  })

  test("an unknown option: exit 1 with the command's usage", async () => {
    const result = await ferry(['config', 'check', '--confg', example])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("Unknown option '--confg'")
    expect(result.stderr).toContain('Usage: ferry config check')
  })

  test('a stray positional argument: exit 1', async () => {
    expect((await ferry(['config', 'check', example])).code).toBe(1)
  })
})

describe('config check', () => {
  test('the example config passes and is summarized', async () => {
    const result = await ferry(['config', 'check', '--config', example])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe(
      'ok: 3 chains, 2 validator sets, relayer relayer-1 (4 routes), validator of hardhat-a on 127.0.0.1:9101, store pglite',
    )
    expect(result.stdout).toContain('  route wasm -> hardhat-a\n')
  })

  test('the config path falls back to $FERRY_CONFIG', async () => {
    expect((await ferry(['config', 'check'], { FERRY_CONFIG: example })).code).toBe(0)
  })

  test('env overrides apply', async () => {
    const result = await ferry(['config', 'check', '-c', example], {
      FERRY__STORE__URL: 'postgres://ferry:secret@db/ferry',
    })
    expect(result.stdout).toContain('store postgres')
    expect(result.stdout).not.toContain('secret')
  })

  test('a bad config: exit 1, every issue on stderr with the file and field', async () => {
    const path = writeConfig('chains:\n  - { name: a, kind: evm, domain: 99999999999 }\nextra: 1\n')
    const result = await ferry(['config', 'check', '--config', path])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`Invalid config ${path}: 5 issues.`)
    expect(result.stderr).toContain(`${path}: chains[0].domain (a): must be a u32`)
    expect(result.stderr).toContain(`${path}: chains[0].endpoint (a): is required`)
    expect(result.stderr).toContain(`${path}: chains[0].finality (a): is required`)
    expect(result.stderr).toContain(`${path}: extra: is not a known field`)
  })

  test('--secrets reads every key and reports the missing ones, without printing any', async () => {
    const missing = await ferry(['config', 'check', '-c', example, '--secrets'], {
      FERRY_RELAYER_KEY: KEY,
    })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(
      'chains[2].signer (wasm): environment variable FERRY_WASM_MNEMONIC is not set',
    )
    expect(missing.stderr).toContain(
      'validator.signer: environment variable FERRY_VALIDATOR_KEY is not set',
    )
    expect(missing.stderr).not.toContain('chains[0]')
    expect(missing.stderr).not.toContain(KEY)

    const present = await ferry(['config', 'check', '-c', example, '--secrets'], {
      FERRY_RELAYER_KEY: KEY,
      FERRY_VALIDATOR_KEY: KEY,
      FERRY_WASM_MNEMONIC: 'test test test test test test test test test test test junk',
    })
    expect(present.code).toBe(0)
    expect(present.stdout).toContain('signers: 4 key(s) read and well-formed')
    expect(present.stdout).not.toContain(KEY)
  })
})

describe('start commands', () => {
  test('relayer start hands the parsed config to the service', async () => {
    const result = await ferry(['relayer', 'start', '--config', example])
    expect(result.started.map((entry) => entry.name)).toEqual(['relayer'])
    expect(result.started[0]?.config.relayer?.id).toBe('relayer-1')
    // The fake stops without being asked to, which a real service must not do.
    expect(result.code).toBe(2)
  })

  test('validator start needs a validator section: exit 1 without starting', async () => {
    const path = writeConfig(
      'chains:\n  - { name: a, kind: evm, domain: 1, rpcUrls: [http://x], endpoint: "0x5fbdb2315678afecb367f032d93f642f64180aa3", confirmations: 1 }\n',
    )
    const result = await ferry(['validator', 'start', '--config', path])
    expect(result).toMatchObject({ code: 1, started: [] })
    expect(result.stderr).toBe(
      `${path}: no \`validator\` section, which \`ferry validator start\` needs\n`,
    )
    expect((await ferry(['relayer', 'start', '--config', path])).stderr).toContain(
      'no `relayer` section',
    )
  })

  test('a bad config never reaches the service', async () => {
    const result = await ferry(['validator', 'start', '--config', '/nonexistent.yaml'])
    expect(result).toMatchObject({ code: 1, started: [] })
    expect(result.stderr).toContain(
      '/nonexistent.yaml: (file): cannot read the file (no such file)',
    )
  })
})

describe('a command that takes one argument (ferry debug)', () => {
  test('its help names the argument; none, two, or a bad one is a usage error', async () => {
    const help = await ferry(['debug', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(
      /^Usage: ferry debug \[--config <file>\].* <message id \| origin tx hash>/,
    )
    expect(help.stdout).toContain('<message id | origin tx hash>: the message (0x + 64 hex)')

    const none = await ferry(['debug', '--config', example])
    expect(none).toMatchObject({ code: 1, stdout: '' })
    expect(none.stderr).toContain('expected one <message id | origin tx hash>')
    const id = `0x${'ab'.repeat(32)}`
    expect((await ferry(['debug', id, id, '--config', example])).stderr).toContain('expected one')
    const bad = await ferry(['debug', '0x12', '--config', example])
    expect(bad).toMatchObject({ code: 1, stdout: '' })
    expect(bad.stderr).toContain('"0x12" is not a message id or transaction hash')
  })

  test('a command without an argument still refuses one', async () => {
    const result = await ferry(['config', 'check', 'extra', '--config', example])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('extra')
  })
})

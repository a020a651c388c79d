import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { ConfigError } from './errors.js'
import { type LoadConfigParameters, loadConfig } from './loadConfig.js'

const chain = (extra = '') =>
  `  - { name: a, kind: evm, domain: 1, rpcUrls: [http://x], endpoint: "0x5fbdb2315678afecb367f032d93f642f64180aa3", confirmations: 1${extra} }`

function configError(parameters: LoadConfigParameters): ConfigError {
  try {
    loadConfig(parameters)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('YAML', () => {
  test('a syntax error is reported with its line and column', () => {
    const error = configError({
      path: 'ferry.yaml',
      text: ['log:', '  level: info', 'chains: [', 'store: {}'].join('\n'),
      env: {},
    })
    expect(error.issues[0]).toMatchObject({ field: '(yaml)', line: 4 })
    expect(error.lines()[0]).toMatch(/^ferry\.yaml:4:\d+: \(yaml\): /)
  })

  test('a repeated key is an error at its line, not a silent override', () => {
    const error = configError({
      text: ['log:', '  level: info', '  level: debug'].join('\n'),
      env: {},
    })
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0]).toMatchObject({ field: '(yaml)', line: 3, column: 3 })
    expect(error.issues[0]?.message).toMatch(/unique/i)
  })

  test('an unquoted 0x address stays a string (YAML 1.2 would read a hex number)', () => {
    const text = `chains:\n  - { name: a, kind: evm, domain: 1, rpcUrls: [http://x], endpoint: 0x5fbdb2315678afecb367f032d93f642f64180aa3, confirmations: 1 }`
    expect(loadConfig({ text, env: {} }).chains[0]?.endpoint).toBe(
      '0x5FbDB2315678afecb367f032d93F642f64180aa3',
    )
  })

  test('an empty file says what is required', () => {
    const error = configError({ text: '', env: {} })
    expect(error.issues).toEqual([{ field: '(root)', message: 'must be an object, not a null' }])
  })

  test('a document that is a list, not a mapping', () => {
    expect(configError({ text: '- a\n- b\n', env: {} }).issues[0]).toMatchObject({
      field: '(root)',
    })
  })

  test('a missing section is named', () => {
    expect(configError({ text: 'log: { level: info }', env: {} }).issues).toEqual([
      { field: 'chains', message: 'is required (an array)' },
    ])
  })
})

describe('files', () => {
  test('a missing file names the file', () => {
    const error = configError({ path: '/nonexistent/ferry.yaml', env: {} })
    expect(error.file).toBe('/nonexistent/ferry.yaml')
    expect(error.lines()).toEqual([
      '/nonexistent/ferry.yaml: (file): cannot read the file (no such file)',
    ])
  })

  test('relative key files and store directories resolve against the config file, not the working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-config-'))
    const path = join(dir, 'ferry.yaml')
    writeFileSync(
      path,
      [
        'store: { url: "file:state" }',
        'chains:',
        chain(', signer: { file: keys/relayer.key }'),
        'validator: { origin: a, signer: { file: /etc/ferry/validator.key } }',
      ].join('\n'),
    )
    const config = loadConfig({ path, env: {} })
    expect(config.store).toEqual({ kind: 'pglite', url: 'file:state', dataDir: join(dir, 'state') })
    expect(config.chains[0]?.signer).toEqual({
      source: 'file',
      file: join(dir, 'keys/relayer.key'),
      accept: ['privateKey'],
    })
    expect(config.validator?.signer).toEqual({
      source: 'file',
      file: '/etc/ferry/validator.key',
      accept: ['privateKey'],
    })
  })

  test('with text and no path, relative paths resolve against baseDir', () => {
    const config = loadConfig({
      text: `chains:\n${chain(', signer: { file: k.key }')}`,
      env: {},
      baseDir: '/opt/ferry',
    })
    expect(config.chains[0]?.signer).toMatchObject({ file: '/opt/ferry/k.key' })
  })

  test('ConfigError is a BaseError that is not retryable', async () => {
    const { BaseError } = await import('@ferry/protocol')
    const error = configError({ text: 'chains: []', env: {} })
    expect(error).toBeInstanceOf(BaseError)
    expect(error.name).toBe('ConfigError')
    expect(error.retryable).toBe(false)
    expect(error.message).toContain('chains: must list at least one chain')
  })
})

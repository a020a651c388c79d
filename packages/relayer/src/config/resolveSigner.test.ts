import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { checkMnemonic } from './checkMnemonic.js'
import { ConfigError } from './errors.js'
import type { SignerConfig } from './fields.js'
import { resolveSigner } from './resolveSigner.js'

const KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'
const MNEMONIC = 'test test test test test test test test test test test junk'
const evm = (env: string): SignerConfig => ({ source: 'env', env, accept: ['privateKey'] })
const wasm = (env: string): SignerConfig => ({
  source: 'env',
  env,
  accept: ['mnemonic', 'privateKey'],
})
const dir = mkdtempSync(join(tmpdir(), 'ferry-keys-'))
const keyFile = (name: string, content: string): SignerConfig => {
  const file = join(dir, name)
  writeFileSync(file, content)
  return { source: 'file', file, accept: ['privateKey'] }
}

function configError(run: () => unknown): ConfigError {
  try {
    run()
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('resolveSigner', () => {
  test('reads a private key from a variable, trimmed and lower-cased', () => {
    expect(resolveSigner(evm('K'), { K: `  ${KEY.toUpperCase().replace('0X', '0x')}\n` })).toEqual({
      type: 'privateKey',
      privateKey: KEY,
    })
  })

  test('reads a private key from a file (a trailing newline is fine)', () => {
    expect(resolveSigner(keyFile('good.key', `${KEY}\n`), {})).toEqual({
      type: 'privateKey',
      privateKey: KEY,
    })
  })

  test('reads a mnemonic where the signer accepts one', () => {
    expect(resolveSigner(wasm('M'), { M: `${MNEMONIC.replaceAll(' ', '  ')}\n` })).toEqual({
      type: 'mnemonic',
      mnemonic: MNEMONIC,
    })
  })

  test('a missing variable names the variable and the field', () => {
    const error = configError(() =>
      resolveSigner(
        evm('FERRY_RELAYER_KEY'),
        {},
        { field: 'chains[0].signer', configFile: 'ferry.yaml' },
      ),
    )
    expect(error.lines()).toEqual([
      'ferry.yaml: chains[0].signer: environment variable FERRY_RELAYER_KEY is not set',
    ])
    expect(error.retryable).toBe(false)
  })

  test('an empty variable counts as unset', () => {
    expect(configError(() => resolveSigner(evm('K'), { K: ' ' })).issues[0]?.message).toBe(
      'environment variable K is not set',
    )
  })

  test('a missing key file names the file', () => {
    const file = join(dir, 'absent.key')
    expect(
      configError(() => resolveSigner({ source: 'file', file, accept: ['privateKey'] }, {}))
        .issues[0]?.message,
    ).toBe(`cannot read key file ${file} (no such file)`)
  })

  const badKeys: [string, string, string][] = [
    ['63 hex digits', KEY.slice(0, -1), 'expected 0x + 64 hex digits, got 63 hex digits'],
    ['zero', `0x${'0'.repeat(64)}`, 'not a valid secp256k1 private key'],
    ['above the curve order', `0x${'f'.repeat(64)}`, 'not a valid secp256k1 private key'],
    ['garbage', 'my secret password!', 'neither a private key'],
  ]
  test.each(badKeys)(
    'a key file holding %s fails naming the file, never the key',
    (_name, content, fragment) => {
      const signer = keyFile('bad.key', content)
      const error = configError(() => resolveSigner(signer, {}, { field: 'validator.signer' }))
      expect(error.issues[0]?.field).toBe('validator.signer')
      expect(error.issues[0]?.message).toContain(`key file ${join(dir, 'bad.key')}`)
      expect(error.issues[0]?.message).toContain(fragment)
      expect(error.message).not.toContain(content)
    },
  )

  test('a mnemonic where only a private key will do', () => {
    const error = configError(() => resolveSigner(evm('K'), { K: MNEMONIC }))
    expect(error.issues[0]?.message).toBe(
      'environment variable K holds a mnemonic, but this signer needs a private key (0x + 64 hex)',
    )
    expect(error.message).not.toContain('junk')
  })

  test('a mnemonic with a typo fails by position, without echoing the words', () => {
    const error = configError(() =>
      resolveSigner(wasm('M'), { M: MNEMONIC.replace('junk', 'junq') }),
    )
    expect(error.issues[0]?.message).toBe(
      'environment variable M is not a valid mnemonic: word 12 is not in the BIP-39 English word list',
    )
    expect(error.message).not.toContain('junq')
  })
})

describe('checkMnemonic', () => {
  test('accepts BIP-39 vectors of 12 and 24 words', () => {
    expect(checkMnemonic(`${'abandon '.repeat(11)}about`.split(' '))).toBeUndefined()
    expect(checkMnemonic(`${'abandon '.repeat(23)}art`.split(' '))).toBeUndefined()
    expect(checkMnemonic(MNEMONIC.split(' '))).toBeUndefined()
  })

  test('refuses a bad checksum and a wrong word count', () => {
    expect(checkMnemonic('abandon '.repeat(12).trim().split(' '))).toMatch(/checksum/)
    expect(checkMnemonic(['abandon', 'about'])).toBe(
      '2 words, where BIP-39 has 12, 15, 18, 21 or 24',
    )
  })
})

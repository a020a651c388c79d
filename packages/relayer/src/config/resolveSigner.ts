import { readFileSync } from 'node:fs'
import type { Hex } from 'viem'
import { checkMnemonic } from './checkMnemonic.js'
import { ConfigError } from './errors.js'
import type { SecretKind, SignerConfig } from './fields.js'

/** secp256k1's group order: a private key is a scalar in `[1, n)`. */
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

export type ResolveSignerOptions = {
  /** The signer's config path, for the error (e.g. `chains[0].signer`). Default `signer`. */
  field?: string | undefined
  /** The config file, for the error. Default `config`. */
  configFile?: string | undefined
}

/**
 * A signer's key, read and checked: a private key (normalised to lower-case `0x` + 64 hex) or a
 * mnemonic (words joined by single spaces).
 */
export type ResolveSignerReturnType =
  | { type: 'privateKey'; privateKey: Hex }
  | { type: 'mnemonic'; mnemonic: string }

export type ResolveSignerErrorType = ConfigError

/**
 * Reads a signer's key from its environment variable or file (surrounding whitespace ignored),
 * checks its format against what the signer accepts (`0x` + 64 hex, a valid secp256k1 scalar; or
 * a BIP-39 English mnemonic with a valid checksum), and returns it. Throws `ConfigError` naming the
 * variable or file and what is wrong, never the key itself.
 *
 * Call it where the key is used, not at config load: `ferry config check` must work without
 * secrets (`--secrets` resolves them too).
 *
 * @example
 * const secret = resolveSigner(config.validator.signer, process.env, { field: 'validator.signer' })
 * if (secret.type === 'privateKey') privateKeyToAccount(secret.privateKey)
 */
export function resolveSigner(
  signer: SignerConfig,
  env: Readonly<Record<string, string | undefined>>,
  options: ResolveSignerOptions = {},
): ResolveSignerReturnType {
  const field = options.field ?? 'signer'
  const fail = (message: string): never => {
    throw new ConfigError({ file: options.configFile ?? 'config', issues: [{ field, message }] })
  }
  let raw: string
  let where: string
  if (signer.source === 'env') {
    where = `environment variable ${signer.env}`
    const value = env[signer.env]
    raw = value === undefined || value.trim() === '' ? fail(`${where} is not set`) : value
  } else {
    where = `key file ${signer.file}`
    try {
      raw = readFileSync(signer.file, 'utf8')
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error'
      raw = fail(`cannot read ${where} (${code === 'ENOENT' ? 'no such file' : code})`)
    }
  }
  const parsed = parseSecret(raw.trim())
  if (typeof parsed === 'string') return fail(`${where} ${parsed}`)
  if (!signer.accept.includes(parsed.type))
    return fail(
      `${where} holds ${describeKind(parsed.type)}, but this signer needs ${signer.accept.map(describeKind).join(' or ')}`,
    )
  return parsed
}

/** The secret, or why it is malformed (with no part of it). */
function parseSecret(text: string): ResolveSignerReturnType | string {
  if (/^(?:0x)?[0-9a-fA-F]+$/.test(text)) {
    const hex = text.replace(/^0x/, '').toLowerCase()
    if (hex.length !== 64)
      return `is not a private key: expected 0x + 64 hex digits, got ${hex.length} hex digits`
    const scalar = BigInt(`0x${hex}`)
    if (scalar === 0n || scalar >= SECP256K1_N)
      return 'is not a valid secp256k1 private key (zero or above the curve order)'
    return { type: 'privateKey', privateKey: `0x${hex}` }
  }
  const words = text.split(/\s+/)
  if (words.length > 1 && words.every((word) => /^[a-z]+$/.test(word))) {
    const problem = checkMnemonic(words)
    return problem === undefined
      ? { type: 'mnemonic', mnemonic: words.join(' ') }
      : `is not a valid mnemonic: ${problem}`
  }
  return 'holds neither a private key (0x + 64 hex digits) nor a BIP-39 mnemonic (lower-case words)'
}

function describeKind(kind: SecretKind): string {
  return kind === 'privateKey' ? 'a private key (0x + 64 hex)' : 'a mnemonic'
}

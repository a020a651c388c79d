// Field schemas the config sections share: names, durations, amounts, URLs, signer references.
// Messages are written for an operator reading `ferry config check`, and never echo the value
// (a store URL or an env override may hold a password).
import { z } from 'zod'

/** A chain name: lower-case letters, digits and inner hyphens, so it maps 1:1 to an env var segment. */
export const chainName = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
    error: 'must be lower-case letters, digits and inner hyphens (e.g. "hardhat-a")',
  })
  .max(64)

/** A whole number of milliseconds, at least `min`. */
export function milliseconds(min = 1) {
  return z.number().int({ error: 'must be a whole number of milliseconds' }).min(min)
}

/**
 * A token amount in base units, parsed to bigint. Accepts a decimal string or, for small amounts,
 * a YAML/JSON number; a number above 2^53 has already lost precision, so it is refused.
 *
 * @example
 * amount({ min: 1n }).parse('200000000000') // 200000000000n
 */
export function amount({ min = 0n }: { min?: bigint } = {}) {
  return z
    .union([z.string(), z.number()], {
      error: 'must be an integer amount in base units, as a string',
    })
    .transform((value, ctx) => {
      if (typeof value === 'number') {
        if (!Number.isSafeInteger(value)) {
          ctx.addIssue({
            code: 'custom',
            message: Number.isInteger(value)
              ? 'is too large for a YAML number (precision is lost above 2^53): quote it, e.g. "1000000000000000000"'
              : 'must be an integer amount in base units',
          })
          return z.NEVER
        }
        value = String(value)
      }
      if (!/^\d+$/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a decimal integer in base units, e.g. "200000000000"',
        })
        return z.NEVER
      }
      const parsed = BigInt(value)
      if (parsed < min) {
        ctx.addIssue({ code: 'custom', message: `must be at least ${min}` })
        return z.NEVER
      }
      return parsed
    })
}

/** A URL with one of `protocols` (without the colon). */
export function url(protocols: readonly string[]) {
  const allowed = protocols.map((protocol) => `${protocol}://`).join(', ')
  return z.string().refine(
    (value) => {
      if (!URL.canParse(value)) return false
      const { protocol, host } = new URL(value)
      return protocols.includes(protocol.slice(0, -1)) && host !== ''
    },
    { error: `must be a URL starting with ${allowed}` },
  )
}

/** Protocols an RPC URL may use: JSON-RPC over HTTP or WebSocket (EVM) and CometBFT RPC (CosmWasm). */
export const RPC_PROTOCOLS = ['http', 'https', 'ws', 'wss'] as const

/**
 * The scheme of a CosmWasm chain embedded in the process that runs the service:
 * `embedded://<chain id>` (see `StartServiceOptions.embeddedChains`).
 */
export const EMBEDDED_PROTOCOL = 'embedded'

/** A list of distinct URLs, at least one. */
export function urlList(protocols: readonly string[]) {
  return z
    .array(url(protocols))
    .min(1, { error: 'must list at least one URL' })
    .superRefine((urls, ctx) => {
      urls.forEach((value, index) => {
        const first = urls.indexOf(value)
        if (first !== index)
          ctx.addIssue({ code: 'custom', message: `duplicates [${first}]`, path: [index] })
      })
    })
}

/** A domain: a u32 (PROTOCOL §1). */
export const domain = z
  .number()
  .int({ error: 'must be a whole number (a u32)' })
  .min(0, { error: 'must be a u32: 0 to 4294967295' })
  .max(0xffff_ffff, { error: 'must be a u32: 0 to 4294967295' })

/** What a key may be: a secp256k1 private key (`0x` + 64 hex) or a BIP-39 English mnemonic. */
export type SecretKind = 'privateKey' | 'mnemonic'

/**
 * Where a signer's key lives: an environment variable or a file, never the config itself (a
 * config is shared and versioned; a key must not be). Output is tagged by `source`, with the key
 * kinds the signer's user accepts (`accept`), which `resolveSigner` enforces.
 *
 * @example
 * signer(['privateKey']).parse({ env: 'FERRY_RELAYER_KEY' })
 * // { source: 'env', env: 'FERRY_RELAYER_KEY', accept: ['privateKey'] }
 */
export function signer(accept: readonly SecretKind[]) {
  return z
    .strictObject({
      env: z
        .string()
        .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
          error: 'must be an environment variable name, e.g. FERRY_RELAYER_KEY',
        })
        .optional(),
      file: z.string().min(1, { error: 'must be a file path' }).optional(),
    })
    .superRefine((value, ctx) => {
      if ((value.env === undefined) === (value.file === undefined))
        ctx.addIssue({
          code: 'custom',
          message: 'set exactly one of `env` (a variable name) or `file` (a path)',
        })
    })
    .transform((value): SignerConfig => {
      if (value.env !== undefined) return { source: 'env', env: value.env, accept }
      // The check above let only `{ file }` through to here, so the fallback is never used.
      return { source: 'file', file: value.file ?? '', accept }
    })
}

/**
 * A signer reference after validation: where to read the key and which kinds of key it may be.
 *
 * @example
 * const ref: SignerConfig = { source: 'env', env: 'FERRY_RELAYER_KEY', accept: ['privateKey'] }
 */
export type SignerConfig =
  | { source: 'env'; env: string; accept: readonly SecretKind[] }
  | { source: 'file'; file: string; accept: readonly SecretKind[] }

// The `ferry` config file: one YAML file that the validator and the relayer share, each reading
// the sections it needs. Every field is documented here; `ferry.example.yaml` shows them all.
// Objects are strict: a misspelt key is an error, not a silently ignored setting.

import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { chainSchema } from './chainSchema.js'
import { crossChecks } from './crossChecks.js'
import { amount, chainName, milliseconds, signer, urlList } from './fields.js'

/**
 * pino levels; `silent` turns logging off.
 *
 * @example
 * LOG_LEVELS.includes('debug') // true
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** `log`: how the agents log (JSON lines on stdout, through pino). */
const logSchema = z.strictObject({
  /** Lowest level written. Default `info`. */
  level: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
})

/**
 * `store.url`, parsed. `file:<dir>` is an embedded PGlite database in that directory (relative
 * paths are relative to the config file, see `loadConfig`); `memory://` keeps nothing across
 * restarts (tests, demos); `postgres://` / `postgresql://` is a PostgreSQL server, which several
 * relayers may share (each with its own `relayer.id`).
 */
const storeSchema = z
  .strictObject({
    /** Where the agents keep their state. Default `file:.ferry/store`. */
    url: z.string().default('file:.ferry/store'),
  })
  .transform((store, ctx): StoreConfig => {
    const { url: value } = store
    if (value === 'memory://') return { kind: 'memory', url: value }
    if (value.startsWith('file:')) {
      let dataDir = value.slice('file:'.length)
      if (value.startsWith('file://')) {
        // Only the absolute URL form (`file:///var/lib/ferry`) is a URL; `file:dir` is a path.
        dataDir = URL.canParse(value) && new URL(value).host === '' ? fileURLToPath(value) : ''
      }
      if (dataDir !== '') return { kind: 'pglite', url: value, dataDir }
    } else if (/^postgres(?:ql)?:\/\//.test(value) && URL.canParse(value)) {
      // No host is fine: `postgres:///ferry?host=/run/postgresql` is a Unix socket.
      return { kind: 'postgres', url: value }
    }
    ctx.addIssue({
      code: 'custom',
      path: ['url'],
      message: 'must be file:<directory> (embedded PGlite), memory:// or postgres://user@host/db',
    })
    return z.NEVER
  })

/**
 * `validators[]`: the validators of one origin chain, whom the relayer asks for checkpoint
 * signatures. `threshold` must match what destinations' verifiers require for that origin.
 */
const validatorSetSchema = z.strictObject({
  /** The origin chain (a chain name); one entry per origin. */
  origin: chainName,
  /** Signatures a proof needs; at most `urls.length` (checked with the other cross-field checks). */
  threshold: z.number().int().min(1, { error: 'must be at least 1' }),
  /** Each validator's base URL (its `/v1/checkpoints` API), one per validator, distinct. */
  urls: urlList(['http', 'https']),
  /** Per-request timeout when asking a validator. Default 5000. */
  timeoutMs: milliseconds().default(5_000),
})

/**
 * `relayer.retry`: what the relayer does with a delivery that ended Failed. Backoff
 * `initialDelayMs × factor^(n-1)`, capped at `maxDelayMs`.
 */
const retrySchema = z
  .strictObject({
    initialDelayMs: milliseconds().default(5_000),
    maxDelayMs: milliseconds().default(600_000),
    factor: z.number().min(1).max(100).default(2),
    /**
     * Attempts (the delivery and each retry) a message without a deadline gets before it is
     * parked as `retries_exhausted` (anyone may still retry it). Messages with a deadline are
     * retried until it passes, then timed out. Default 10.
     */
    maxAttempts: z
      .number({ error: 'must be a whole number from 1 to 1000' })
      .int({ error: 'must be a whole number from 1 to 1000' })
      .min(1, { error: 'must be a whole number from 1 to 1000' })
      .max(1_000, { error: 'must be a whole number from 1 to 1000' })
      .default(10),
    /**
     * A retry gives the handler `ceil(gasLimit × gasLimitMultiplier)` gas (PROTOCOL §7: at least
     * the message's own), paid by the relayer: above 1, a handler that ran out of gas can
     * succeed. Capped at what one transaction within `maxBatchGas` can give a handler. Default 1.
     */
    gasLimitMultiplier: z
      .number({ error: 'must be a number from 1 to 100' })
      .min(1, { error: 'must be at least 1 (a retry may not give less gas than the message asks)' })
      .max(100, { error: 'must be at most 100' })
      .default(1),
  })
  .superRefine((retry, ctx) => {
    if (retry.maxDelayMs < retry.initialDelayMs)
      ctx.addIssue({
        code: 'custom',
        path: ['maxDelayMs'],
        message: 'must be at least initialDelayMs',
      })
  })

/** `relayer.feePolicy`: which messages are worth delivering. */
const feePolicySchema = z.discriminatedUnion(
  'kind',
  [
    /** Deliver everything. */
    z.strictObject({ kind: z.literal('none') }),
    /** Messages that paid less than `minimumFee[origin]` wait as `underpaid`; origins not listed pay nothing. */
    z.strictObject({
      kind: z.literal('minimum'),
      /** Origin chain name → least fee, in the origin's native base units (a decimal string). */
      minimumFee: z.record(chainName, amount()),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' ? 'kind must be "none" or "minimum"' : undefined,
  },
)

/** A route the relayer serves: messages from `from` delivered to `to` (chain names). */
const routeSchema = z.strictObject({ from: chainName, to: chainName })

/** Explicit routes: at least one. */
const routeListSchema = z
  .array(routeSchema)
  .min(1, { error: 'must list at least one route, or be "all"' })

/**
 * `all` or a list of routes. Not a plain union: a union that fails reports one vague issue, and an
 * operator needs to hear which route is wrong, so the list is parsed on its own.
 */
const routesSchema = z
  .union([z.literal('all'), z.array(z.unknown())], {
    error: 'must be "all" or a list of { from, to }',
  })
  .transform((routes, ctx): 'all' | RouteConfig[] => {
    if (routes === 'all') return routes
    const parsed = routeListSchema.safeParse(routes)
    if (parsed.success) return parsed.data
    // Forwarded as they are (not re-coded as custom), so missing and unknown fields read as elsewhere.
    // CAST: a finished issue is a raw issue with its message filled in; the types differ only in
    // an index signature and in optional fields under exactOptionalPropertyTypes.
    for (const issue of parsed.error.issues) ctx.issues.push(issue as z.core.$ZodRawIssue)
    return z.NEVER
  })

/** A browser page's origin: `http(s)://host[:port]`, nothing after it. */
const pageOrigin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value
    } catch {
      return false
    }
  },
  { error: 'must be an origin: http(s)://host[:port], without a path or a trailing slash' },
)

/**
 * `relayer.api`: the operator HTTP API (messages, channels, chains, validators, SSE events,
 * `/metrics`, `/healthz`, `/readyz`), served beside the relayer. On by default.
 */
const apiSchema = z.strictObject({
  /** Default true; false serves nothing. */
  enabled: z.boolean().default(true),
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host: z.string().min(1).default('127.0.0.1'),
  /** Default 8080; 0 picks a free port (the log says which). */
  port: z
    .number()
    .int()
    .min(0)
    .max(65_535, { error: 'must be a TCP port, 0 to 65535' })
    .default(8_080),
  /** Per client address, a token bucket: `burst` requests at once, refilled at `requestsPerSecond`. */
  rateLimit: z
    .strictObject({
      requestsPerSecond: z
        .number()
        .positive({ error: 'must be more than 0' })
        .max(100_000)
        .default(20),
      burst: z.number().int().min(1).max(100_000).default(40),
    })
    .prefault({}),
  /**
   * Cross-origin reads from browsers (the explorer served on another origin): `allowedOrigins`
   * lists the page origins (`https://explorer.example`, scheme, host and port only) that may read
   * the API. Default none: browsers on other origins cannot read it.
   */
  cors: z
    .strictObject({
      allowedOrigins: z.array(pageOrigin).max(100).default([]),
    })
    .prefault({}),
  /**
   * Whether reads need an API key (`read` or `operate`, `ferry api-key create`). Default false:
   * reads are open, as before; writes always need an `operate` key.
   */
  requireKeyForReads: z.boolean({ error: 'must be true or false' }).default(false),
})

/** `relayer`: present when this config runs a relayer (`ferry relayer start`). */
const relayerSchema = z.strictObject({
  /** Lease owner name: unique per relayer process sharing one PostgreSQL store. Default `relayer-1`. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, ".", "_" or "-"' })
    .default('relayer-1'),
  /** Most messages in one `deliverBatch`. Default 50. */
  batchSize: z.number().int().min(1).max(1_000).default(50),
  /**
   * Most gas one `deliverBatch` may ask for (the sum of its messages' gas floors); a batch stops
   * short of it so it fits a block and a chain's per-transaction cap. Default 12000000.
   */
  maxBatchGas: z.number().int().min(500_000).default(12_000_000),
  /**
   * Delivery transactions one route may have in flight at once, on different channels; one pass
   * fills every free slot. Default 4.
   */
  maxInFlight: z.number().int().min(1).max(64).default(4),
  retry: retrySchema.prefault({}),
  /** How long a claimed channel stays leased to this relayer. Default 30000. */
  leaseMs: milliseconds(1_000).default(30_000),
  /** After SIGINT/SIGTERM, how long in-flight work may take before the process exits anyway. Default 10000. */
  shutdownGraceMs: milliseconds(0).default(10_000),
  /** Default `{ kind: none }`. */
  feePolicy: feePolicySchema.default({ kind: 'none' }),
  /**
   * `all` (the default): every pair of distinct chains whose origin has a `validators` entry.
   * Or a list of `{ from, to }`.
   */
  routes: routesSchema.default('all'),
  api: apiSchema.prefault({}),
})

/** `validator`: present when this config runs a validator (`ferry validator start`). */
const validatorSchema = z.strictObject({
  /** The chain whose endpoint it watches and whose checkpoints it signs (a chain name). */
  origin: chainName,
  /** The validator's secp256k1 key (0x + 64 hex): its address is what verifiers list. */
  signer: signer(['privateKey']),
  /** Where it serves signed checkpoints. Default 127.0.0.1:9101; port 0 picks a free port. */
  listen: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z
        .number()
        .int()
        .min(0)
        .max(65_535, { error: 'must be a TCP port, 0 to 65535' })
        .default(9_101),
    })
    .prefault({}),
  /** After SIGINT/SIGTERM, how long it may take to stop before the process exits anyway. Default 10000. */
  shutdownGraceMs: milliseconds(0).default(10_000),
})

/**
 * The whole config file. Parse with `loadConfig` (YAML, env overrides, readable errors); the schema
 * itself is exported for tools (JSON Schema via `z.toJSONSchema`, editors).
 *
 * @example
 * const result = FerryConfigSchema.safeParse(YAML.parse(text))
 */
export const FerryConfigSchema = z
  .strictObject({
    log: logSchema.prefault({}),
    store: storeSchema.prefault({}),
    /** Every chain either agent talks to; at least one. */
    chains: z.array(chainSchema).min(1, { error: 'must list at least one chain' }),
    /** Default: none (a relayer then has no routes). */
    validators: z.array(validatorSetSchema).default([]),
    relayer: relayerSchema.optional(),
    validator: validatorSchema.optional(),
  })
  // References between sections (names, routes, thresholds) are checked even when some fields
  // are invalid, so one run lists every problem; `crossChecks` reads the input defensively.
  .superRefine((config, ctx) => crossChecks(config, ctx), { when: () => true })

/**
 * The parsed config: defaults filled in, amounts as bigint, EVM addresses checksummed.
 *
 * @example
 * const config: FerryConfig = loadConfig({ path: 'ferry.yaml', env: process.env })
 * config.chains[0]?.domain // 31337
 */
export type FerryConfig = z.output<typeof FerryConfigSchema>
/** The config as written (before defaults and parsing). */
export type FerryConfigInput = z.input<typeof FerryConfigSchema>
/** `log`. */
export type LogConfig = FerryConfig['log']
/**
 * `store`, parsed by kind.
 *
 * @example
 * if (config.store.kind === 'pglite') openPGlite(config.store.dataDir)
 */
export type StoreConfig =
  | { kind: 'pglite'; url: string /** Directory of the embedded database. */; dataDir: string }
  | { kind: 'memory'; url: string }
  | { kind: 'postgres'; url: string }
/** One entry of `chains`. */
export type ChainConfig = FerryConfig['chains'][number]
/** An EVM chain. */
export type EvmChainConfig = Extract<ChainConfig, { kind: 'evm' }>
/** A CosmWasm chain. */
export type CosmwasmChainConfig = Extract<ChainConfig, { kind: 'cosmwasm' }>
/** `chains[].gas` of an EVM chain. */
export type GasConfig = EvmChainConfig['gas']
/** One entry of `validators`. */
export type ValidatorSetConfig = FerryConfig['validators'][number]
/** `relayer`. */
export type RelayerConfig = NonNullable<FerryConfig['relayer']>
/** `relayer.retry`. */
export type RetryConfig = RelayerConfig['retry']
/** `relayer.api`. */
export type ApiConfig = RelayerConfig['api']
/** `relayer.feePolicy`. */
export type FeePolicyConfig = RelayerConfig['feePolicy']
/** One explicit route. */
export type RouteConfig = z.output<typeof routeSchema>
/** `validator`. */
export type ValidatorConfig = NonNullable<FerryConfig['validator']>

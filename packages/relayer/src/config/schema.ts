// The `ferry` config file: one YAML file that the validator and the relayer share, each reading
// the sections it needs. Every field is documented here; `ferry.example.yaml` shows them all.
// Objects are strict: a misspelt key is an error, not a silently ignored setting.

import { fileURLToPath } from 'node:url'
import { bech32ToBytes32 } from '@ferry/sdk'
import { getAddress, isAddress } from 'viem'
import { z } from 'zod'
import { crossChecks } from './crossChecks.js'
import {
  amount,
  chainName,
  domain,
  milliseconds,
  RPC_PROTOCOLS,
  signer,
  urlList,
} from './fields.js'

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

/** Fields every chain has, whatever its kind. */
const chainCommon = {
  /** Unique name the rest of the config refers to the chain by; `[a-z0-9-]`. */
  name: chainName,
  /** Ferry domain (PROTOCOL §1), a u32, unique. EVM chains usually use their chain id. */
  domain,
  /** RPC endpoints, tried in order when one fails (http, https, ws, wss). At least one. */
  rpcUrls: urlList(RPC_PROTOCOLS),
  /**
   * Blocks on top of a block before it counts as final: the validator signs and the relayer
   * delivers only final messages. No default: finality is a safety choice for each chain.
   */
  confirmations: z
    .number()
    .int({ error: 'must be a whole number of blocks' })
    .min(0, { error: 'must be 0 or more blocks' }),
  /** Pause between passes once caught up, about a block time. Default 1000. */
  pollIntervalMs: milliseconds().default(1_000),
  /** Most blocks one event query spans (RPCs cap `eth_getLogs` ranges). Default: the core's 2000. */
  maxBlockSpan: z.number().int().min(1).optional(),
}

/** `chains[].gas` (EVM): how the relayer prices and replaces its transactions. */
const gasSchema = z
  .strictObject({
    /** Highest `maxFeePerGas` the relayer ever offers, in wei (a cap on bumps). Default: no cap. */
    maxFeePerGas: amount({ min: 1n }).optional(),
    /** Highest priority fee (tip) it offers, in wei. Default: the node's suggestion, uncapped. */
    maxPriorityFeePerGas: amount().optional(),
    /**
     * How much a replacement raises both fees, in percent. At least 10: nodes refuse a
     * replacement that raises them by less. Default 15.
     */
    bumpPercent: z
      .number()
      .int()
      .min(10, {
        error: 'must be at least 10: nodes refuse a replacement that raises fees by less',
      })
      .max(1_000)
      .default(15),
    /** A transaction still unmined after this long is replaced with bumped fees. Default 30000. */
    stuckAfterMs: milliseconds().default(30_000),
    /** Gas estimates are multiplied by this (never going below the delivery's gas floor). Default 1.2. */
    estimateMultiplier: z.number().min(1).max(10).default(1.2),
  })
  .superRefine((gas, ctx) => {
    if (
      gas.maxFeePerGas !== undefined &&
      gas.maxPriorityFeePerGas !== undefined &&
      gas.maxPriorityFeePerGas > gas.maxFeePerGas
    )
      ctx.addIssue({
        code: 'custom',
        path: ['maxPriorityFeePerGas'],
        message: 'must not exceed maxFeePerGas',
      })
  })

/** An EVM chain: viem over JSON-RPC. */
const evmChainSchema = z.strictObject({
  kind: z.literal('evm'),
  ...chainCommon,
  /** EIP-155 chain id; the adapter refuses an RPC that reports another. Default: `domain`. */
  chainId: z.number().int().min(1).optional(),
  /** The Ferry endpoint contract: a 20-byte address, checksummed or lower-case. Output checksummed. */
  endpoint: z
    .string()
    .refine((value) => isAddress(value), {
      error: 'must be an EVM address (0x + 40 hex), checksummed or lower-case',
    })
    .transform((value) => getAddress(value)),
  /** The relayer's key on this chain (0x + 64 hex). Required on every chain the relayer delivers to. */
  signer: signer(['privateKey']).optional(),
  gas: gasSchema.prefault({}),
})

/** A CosmWasm chain: the bindings' client over CometBFT RPC. */
const cosmwasmChainSchema = z.strictObject({
  kind: z.literal('cosmwasm'),
  ...chainCommon,
  /** Cosmos chain id (e.g. `wasm-1`); the adapter refuses a node that reports another. Default: the node's. */
  chainId: z.string().min(1).optional(),
  /** The Ferry endpoint contract, bech32 with `bech32Prefix`. */
  endpoint: z.string().refine(
    (value) => {
      try {
        bech32ToBytes32(value)
        return true
      } catch {
        return false
      }
    },
    { error: 'must be a bech32 address of 20 or 32 bytes' },
  ),
  /** The chain's address prefix (`wasm`, `osmo`, …); every address must carry it. */
  bech32Prefix: z
    .string()
    .regex(/^[a-z][a-z0-9]*$/, { error: 'must be lower-case letters and digits, e.g. "wasm"' }),
  /** Price the relayer pays per unit of gas, amount and denom as one string (e.g. `0.025stake`). */
  gasPrice: z.string().regex(/^\d+(?:\.\d+)?[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/, {
    error: 'must be an amount and a denom, e.g. "0.025stake"',
  }),
  /** The relayer's key on this chain: a BIP-39 mnemonic or 0x + 64 hex. */
  signer: signer(['mnemonic', 'privateKey']).optional(),
})

/** One entry of `chains`. Output: EVM chains always carry `chainId` (default `domain`). */
const chainSchema = z
  .discriminatedUnion('kind', [evmChainSchema, cosmwasmChainSchema], {
    // Only for a missing or unknown kind; zod's own message says when the entry is no mapping.
    error: (issue) =>
      issue.code === 'invalid_union' ? 'kind must be "evm" or "cosmwasm"' : undefined,
  })
  .transform((chain) =>
    chain.kind === 'evm' ? { ...chain, chainId: chain.chainId ?? chain.domain } : chain,
  )

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

/** `relayer.retry`: backoff after a delivery that ended Failed: `initialDelayMs × factor^(n-1)`, capped. */
const retrySchema = z
  .strictObject({
    initialDelayMs: milliseconds().default(5_000),
    maxDelayMs: milliseconds().default(600_000),
    factor: z.number().min(1).max(100).default(2),
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

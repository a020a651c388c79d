// `chains[]` of the `ferry` config file: what every chain has, and what each kind adds.

import { bech32ToBytes32 } from '@ferry/protocol'
import { getAddress, isAddress } from 'viem'
import { z } from 'zod'
import type { Finality } from '../core/finality/getFinalBlock.js'
import {
  amount,
  chainName,
  domain,
  EMBEDDED_PROTOCOL,
  milliseconds,
  RPC_PROTOCOLS,
  signer,
  urlList,
} from './fields.js'

/** A number of blocks on top of a block before it counts as final. */
const confirmations = z
  .number()
  .int({ error: 'must be a whole number of blocks' })
  .min(0, { error: 'must be 0 or more blocks' })

/**
 * `chains[].finality`: exactly one of `confirmations` (blocks on top) or `tag` (the node's own
 * `safe` or `finalized` block, which a rollup's node moves only once its batches are on L1).
 * Output: the core's `Finality`.
 */
const finalitySchema = z
  .strictObject({
    confirmations: confirmations.optional(),
    tag: z.enum(['safe', 'finalized'], { error: 'must be "safe" or "finalized"' }).optional(),
  })
  .superRefine((finality, ctx) => {
    if ((finality.confirmations === undefined) === (finality.tag === undefined))
      ctx.addIssue({
        code: 'custom',
        message: 'must set exactly one of confirmations (a number) or tag ("safe" or "finalized")',
      })
  })
  .transform(
    (finality): Finality =>
      finality.tag !== undefined
        ? { tag: finality.tag }
        : { confirmations: finality.confirmations ?? 0 },
  )

/** Fields every chain has, whatever its kind. */
const chainCommon = {
  /** Unique name the rest of the config refers to the chain by; `[a-z0-9-]`. */
  name: chainName,
  /** Ferry domain (PROTOCOL §1), a u32, unique. EVM chains usually use their chain id. */
  domain,
  /** RPC endpoints, tried in order when one fails (http, https, ws, wss). At least one. */
  rpcUrls: urlList(RPC_PROTOCOLS),
  /**
   * When a block counts as final: the validator signs and the relayer delivers only final
   * messages. `{ confirmations: n }` (blocks on top) or `{ tag: 'safe' | 'finalized' }` (the
   * node's tagged block, EVM only). No default: finality is a safety choice for each chain.
   */
  finality: finalitySchema.optional(),
  /** Shorthand for `finality: { confirmations: n }`, as configs before `finality` wrote it. */
  confirmations: confirmations.optional(),
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
    /**
     * Where a delivery's gas limit comes from. `bound` (the default): the endpoint's work per
     * message plus every handler's whole gas limit (what senders paid for), once one `eth_call`
     * at it succeeds; the node's estimate when it does not. `estimate`: always the node's
     * estimate × `estimateMultiplier`, which holds less block space and balance per transaction
     * but costs the node an estimate's several executions per call.
     */
    limit: z.enum(['bound', 'estimate']).default('bound'),
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
  /**
   * CometBFT RPC endpoints, tried in order (http, https, ws, wss). Or one `embedded://<chain id>`:
   * a CosmWasm VM embedded in the process that starts the service (the devnet, tests), which
   * hands it over in `StartServiceOptions.embeddedChains`; the `ferry` CLI embeds none.
   */
  rpcUrls: urlList([...RPC_PROTOCOLS, EMBEDDED_PROTOCOL]).refine(
    (urls) => urls.length === 1 || !urls.some((url) => url.startsWith(`${EMBEDDED_PROTOCOL}://`)),
    { error: `an ${EMBEDDED_PROTOCOL}:// chain is the only URL of its chain` },
  ),
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

/**
 * One entry of `chains`. Output: EVM chains always carry `chainId` (default `domain`), and every
 * chain `finality` (a `confirmations` shorthand becomes `finality: { confirmations }`).
 */
export const chainSchema = z
  .discriminatedUnion('kind', [evmChainSchema, cosmwasmChainSchema], {
    // Only for a missing or unknown kind; zod's own message says when the entry is no mapping.
    error: (issue) =>
      issue.code === 'invalid_union' ? 'kind must be "evm" or "cosmwasm"' : undefined,
  })
  .superRefine(
    (chain, ctx) => {
      // Also on an entry with other issues, so a missing rule is reported with them: the entry
      // may then be anything, hence the guard.
      if (typeof chain !== 'object' || chain === null) return
      if (chain.finality === undefined && chain.confirmations === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['finality'],
          message: 'is required: { confirmations: n } or { tag: "safe" | "finalized" }',
        })
      else if (chain.finality !== undefined && chain.confirmations !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['confirmations'],
          message:
            'must not be set beside finality (it is the shorthand for finality.confirmations)',
        })
      if (chain.kind === 'cosmwasm' && chain.finality && 'tag' in chain.finality)
        ctx.addIssue({
          code: 'custom',
          path: ['finality', 'tag'],
          message:
            'is for EVM chains: a CosmWasm block is final once committed, use { confirmations: 0 }',
        })
    },
    { when: () => true },
  )
  .transform(({ confirmations, finality, ...chain }) => {
    const rule: Finality = finality ?? { confirmations: confirmations ?? 0 }
    return chain.kind === 'evm'
      ? { ...chain, finality: rule, chainId: chain.chainId ?? chain.domain }
      : { ...chain, finality: rule }
  })

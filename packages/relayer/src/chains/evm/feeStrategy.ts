import { callRpc } from '@ferry/sdk/internal'
import type { EvmContext } from './context.js'
import { GasPriceAboveCapError } from './errors.js'

/**
 * How the adapter prices its transactions (EIP-1559).
 *
 * @example
 * const gas: EvmGasPolicy = { maxFeePerGas: parseGwei('200'), bumpPercent: 20, stuckAfterMs: 60_000 }
 */
export type EvmGasPolicy = {
  /** Cap on `maxFeePerGas` in wei: no transaction, and no replacement, offers more. */
  maxFeePerGas: bigint
  /** Percent a replacement raises both fees by; at least 10, what nodes require to replace. */
  bumpPercent: number
  /** A transaction not mined this long after it was sent is replaced with bumped fees. */
  stuckAfterMs: number
  /**
   * Where a call's gas limit comes from:
   * - `bound` (default): the call's `gasBound` (the endpoint's work per message plus every
   *   handler's whole gas limit, which senders paid for), once one `eth_call` at it succeeds;
   *   the node's estimate when it does not (a costly custom verifier, a chain that counts gas
   *   its own way). One execution on the node instead of an estimate's binary search.
   * - `estimate`: always `eth_estimateGas` × `estimateMultiplier`: the least block space and
   *   balance held per transaction, at several executions per call.
   */
  limit?: 'bound' | 'estimate'
  /** Gas limit = estimate × this (at least the call's gas floor). Default 1.2. */
  estimateMultiplier?: number
  /** Lowest priority fee offered, for nodes that suggest none or too little. Default 0. */
  minPriorityFeePerGas?: bigint
  /**
   * Highest priority fee (tip) a transaction is first sent with, however much the node suggests.
   * A replacement may raise it by `bumpPercent` (nodes refuse less), still within `maxFeePerGas`.
   */
  maxPriorityFeePerGas?: bigint
}

/** The two fee fields of a type-2 transaction. */
export type Fees = { maxFeePerGas: bigint; maxPriorityFeePerGas: bigint }

/** What the chain asks right now: the latest base fee and the node's suggested priority fee. */
export type FeeMarket = { baseFeePerGas: bigint; priorityFeePerGas: bigint }

/**
 * Reads the fee market: the latest block's base fee (the gas price on a chain without one) and
 * `eth_maxPriorityFeePerGas`, raised to the policy's floor (the floor alone when the node does
 * not serve that method) and held to its tip cap.
 *
 * @example
 * const market = await readFeeMarket(ctx, signal)
 */
export async function readFeeMarket(ctx: EvmContext, signal?: AbortSignal): Promise<FeeMarket> {
  const block = await callRpc(ctx, 'eth_getBlockByNumber', () => ctx.client.getBlock(), signal)
  const baseFeePerGas =
    block.baseFeePerGas ??
    (await callRpc(ctx, 'eth_gasPrice', () => ctx.client.getGasPrice(), signal))
  const floor = ctx.gas.minPriorityFeePerGas ?? 0n
  let suggested = 0n
  try {
    suggested = await callRpc(
      ctx,
      'eth_maxPriorityFeePerGas',
      async () => BigInt(await ctx.client.request({ method: 'eth_maxPriorityFeePerGas' })),
      signal,
    )
  } catch (error) {
    if (signal?.aborted) throw error
    // Not every node serves it; the base fee read above succeeded, so the floor will do.
    ctx.logger.debug({ domain: ctx.domain }, 'eth_maxPriorityFeePerGas unavailable; using floor')
  }
  const tip = suggested > floor ? suggested : floor
  const cap = ctx.gas.maxPriorityFeePerGas
  return { baseFeePerGas, priorityFeePerGas: cap !== undefined && tip > cap ? cap : tip }
}

/**
 * Fees for a new transaction: the suggested priority fee and twice the base fee on top (room for
 * the base fee to rise for a few blocks), capped at `maxFeePerGas`. Throws
 * {@link GasPriceAboveCapError} when the cap does not even cover base fee plus priority fee.
 *
 * @example
 * const fees = feesFor(ctx.domain, await readFeeMarket(ctx), ctx.gas)
 */
export function feesFor(domain: number, market: FeeMarket, policy: EvmGasPolicy): Fees {
  const { baseFeePerGas, priorityFeePerGas } = market
  const required = baseFeePerGas + priorityFeePerGas
  if (required > policy.maxFeePerGas)
    throw new GasPriceAboveCapError({ domain, required, cap: policy.maxFeePerGas })
  const wanted = 2n * baseFeePerGas + priorityFeePerGas
  return {
    maxFeePerGas: min(wanted, policy.maxFeePerGas),
    maxPriorityFeePerGas: priorityFeePerGas,
  }
}

/**
 * Fees for replacing a stuck transaction: both fields raised by `bumpPercent` (rounded up), or to
 * what the market now asks if that is more, and `maxFeePerGas` capped. `undefined` when the cap
 * leaves no room for a bump nodes would accept: the caller keeps waiting on what it sent.
 *
 * @example
 * const next = bumpFees(sent, await readFeeMarket(ctx), ctx.gas) // undefined at the cap
 */
export function bumpFees(
  previous: Fees,
  market: FeeMarket,
  policy: EvmGasPolicy,
): Fees | undefined {
  const basisPoints = BigInt(Math.ceil(policy.bumpPercent * 100))
  const raise = (value: bigint) => (value * (10_000n + basisPoints) + 9_999n) / 10_000n
  const minimumFee = raise(previous.maxFeePerGas)
  const minimumTip = raise(previous.maxPriorityFeePerGas)
  const tip = max(minimumTip, market.priorityFeePerGas)
  const fee = max(minimumFee, 2n * market.baseFeePerGas + tip)
  const capped = min(fee, policy.maxFeePerGas)
  if (capped < minimumFee || tip > capped) return undefined
  return { maxFeePerGas: capped, maxPriorityFeePerGas: tip }
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b
}

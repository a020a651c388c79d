import { BaseError } from '@ferry/protocol'
import { callRpc, sleep } from '@ferry/sdk/internal'
import { parseTransaction, type TransactionReceipt } from 'viem'
import type { JournalEntry } from '../types.js'
import { broadcast } from './broadcast.js'
import type { EvmContext } from './context.js'
import { bumpFees, readFeeMarket } from './feeStrategy.js'
import { findMined, type MinedEntry } from './findMined.js'
import { minedNonce } from './nonceManager.js'
import { signAndRecord } from './signAndRecord.js'

/** How a nonce's transactions ended: one of them mined, or a foreign transaction took the nonce. */
export type InclusionResult =
  | { type: 'mined'; entry: JournalEntry; receipt: TransactionReceipt }
  | { type: 'nonceTaken' }

/** Polls in a row that may fail on RPC errors before the wait gives up (the journal keeps it). */
const maxFailedPolls = 5

/**
 * Waits until one of `sent` (transactions of one nonce, the last the newest) is mined, and
 * records that in the journal. A transaction not mined `stuckAfterMs` after it was sent is
 * replaced: same nonce, fees bumped by `bumpPercent` (or to the market, capped), the replacement
 * journaled before it is broadcast and the old one recorded `replaced` once a node took the
 * replacement. Whichever hash is mined is the result; the others are recorded `dropped`. When a
 * transaction the journal does not know used the nonce, every hash is `dropped` and the result is
 * `nonceTaken`, for the caller to sign again with a fresh nonce. A few RPC failures in a row are
 * ridden out; `signal` ends the wait, leaving the journal to `recover`.
 *
 * @example
 * const result = await waitForInclusion(ctx, [entry], signal)
 * if (result.type === 'mined') return toCallReceipt(result.receipt, ctx.endpoint)
 */
export async function waitForInclusion(
  ctx: EvmContext,
  sent: readonly JournalEntry[],
  signal?: AbortSignal,
): Promise<InclusionResult> {
  const group = [...sent]
  let current = group.at(-1)
  if (!current) throw new Error('waitForInclusion needs at least one transaction.')
  /** Hashes already finished in the journal (replaced, or dropped after a refused broadcast). */
  const finished = new Set<string>()
  let sentAt = Date.now()
  let failedPolls = 0
  /** The block number receipts were last looked for at. */
  let lookedAt: bigint | undefined

  const settle = async (mined: MinedEntry): Promise<InclusionResult> => {
    await ctx.journal.recordFinished(mined.entry.transactionHash, 'mined')
    for (const entry of group)
      if (entry !== mined.entry && !finished.has(entry.transactionHash))
        await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
    return { type: 'mined', ...mined }
  }

  for (;;) {
    await sleep(ctx.pollingIntervalMs, signal)
    try {
      // Receipts change only with a new block: look once per block, not once per poll. The
      // block number is cached for a polling interval, so every transaction in flight shares
      // one call; with many in flight, a receipt lookup per poll was most of a node's load.
      const head = await blockNumber(ctx, signal)
      if (head !== lookedAt) {
        lookedAt = head
        const mined = await findMined(ctx, group, signal)
        if (mined) return await settle(mined)
      }
      failedPolls = 0
      if (Date.now() - sentAt < ctx.gas.stuckAfterMs) continue

      if ((await minedNonce(ctx, signal)) > current.nonce) {
        // The nonce is spent: by one of ours mined since the last look, or by a foreign one.
        const late = await findMined(ctx, group, signal)
        if (late) return await settle(late)
        for (const entry of group)
          if (!finished.has(entry.transactionHash))
            await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
        ctx.logger.warn(
          { domain: ctx.domain, nonce: current.nonce },
          'nonce used by a transaction not in the journal',
        )
        return { type: 'nonceTaken' }
      }

      const replacement = await replace(ctx, current, signal)
      sentAt = Date.now()
      if (replacement.type === 'unchanged') continue
      group.push(replacement.entry)
      if (replacement.type === 'refused') {
        finished.add(replacement.entry.transactionHash)
        continue
      }
      if (replacement.type === 'sent') {
        await ctx.journal.recordFinished(current.transactionHash, 'replaced')
        finished.add(current.transactionHash)
      }
      current = replacement.entry
    } catch (error) {
      const transient = error instanceof BaseError && error.retryable
      if (signal?.aborted || !transient || ++failedPolls >= maxFailedPolls) throw error
      ctx.logger.warn(
        { domain: ctx.domain, nonce: current.nonce, err: error },
        'waiting for a receipt: RPC failed; still waiting',
      )
    }
  }
}

const blockNumber = (ctx: EvmContext, signal?: AbortSignal): Promise<bigint> =>
  callRpc(
    ctx,
    'eth_blockNumber',
    () => ctx.client.getBlockNumber({ cacheTime: ctx.pollingIntervalMs }),
    signal,
  )

/**
 * What replacing `current` came to: nothing new (no bump fits under the cap, so it was sent
 * again in case a node dropped it), a replacement a node took (`sent`), one whose broadcast
 * failed on RPC (`unknown`: it may be out there, so it is watched too), or one refused (`refused`).
 */
type Replacement =
  | { type: 'unchanged' }
  | { type: 'sent' | 'unknown' | 'refused'; entry: JournalEntry }

async function replace(
  ctx: EvmContext,
  current: JournalEntry,
  signal?: AbortSignal,
): Promise<Replacement> {
  const fees = bumpFees(current, await readFeeMarket(ctx, signal), ctx.gas)
  const log = { domain: ctx.domain, nonce: current.nonce, hash: current.transactionHash }
  if (!fees) {
    ctx.logger.warn(
      { ...log, maxFeePerGas: current.maxFeePerGas, cap: ctx.gas.maxFeePerGas },
      'transaction stuck and fees at the cap; sending it again',
    )
    await broadcast(ctx, current, signal)
    return { type: 'unchanged' }
  }
  const { to, data, gas } = parseTransaction(current.raw)
  if (!to || !data || gas === undefined)
    throw new Error('A journal transaction lacks to, data or gas.')
  const entry = await signAndRecord(ctx, { to, data, gas, nonce: current.nonce }, fees, current)
  try {
    const result = await broadcast(ctx, entry, signal)
    if (result.type === 'accepted') {
      ctx.logger.info(
        { ...log, replacement: entry.transactionHash, maxFeePerGas: fees.maxFeePerGas },
        'replaced a stuck transaction with higher fees',
      )
      return { type: 'sent', entry }
    }
    // Refused: the old one was mined meanwhile, or the node wants a bigger bump; the next
    // poll finds the receipt or tries again.
    await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
    ctx.logger.warn({ ...log, detail: result.detail }, 'replacement refused')
    return { type: 'refused', entry }
  } catch (error) {
    if (signal?.aborted) throw error
    ctx.logger.warn({ ...log, err: error }, 'replacement broadcast failed; watching both')
    return { type: 'unknown', entry }
  }
}

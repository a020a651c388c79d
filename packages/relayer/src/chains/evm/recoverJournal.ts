import { EndpointReadRevertedError } from '@ferry/sdk'
import { callRpc } from '@ferry/sdk/internal'
import { parseTransaction, type TransactionReceipt } from 'viem'
import type { JournalEntry, RecoveredTransaction } from '../types.js'
import { broadcast } from './broadcast.js'
import type { EvmContext } from './context.js'
import { findMined } from './findMined.js'
import { minedNonce, type NonceManager } from './nonceManager.js'
import { toCallReceipt } from './parseOutcomes.js'
import { waitForInclusion } from './waitForInclusion.js'

/**
 * Settles what the journal says this key signed but never saw finished (a crash, a kill, an
 * abort), nonce by nonce from the lowest, holding the nonce manager so no new transaction
 * starts meanwhile:
 * - one of a nonce's transactions was mined: recorded `mined`, its receipt returned;
 * - the nonce was spent by something else: all `dropped`;
 * - the nonce is free and the newest transaction would still succeed (simulated at the latest
 *   block): sent again and waited for like any other (replaced if stuck), its receipt returned;
 * - otherwise `dropped`, and so is every later nonce, which could not be mined behind the gap:
 *   their calls are the core's to make again.
 *
 * @example
 * for (const { receipt, messageIds } of await recoverJournal(ctx, nonces, signal)) { ... }
 */
export async function recoverJournal(
  ctx: EvmContext,
  nonces: NonceManager,
  signal?: AbortSignal,
): Promise<RecoveredTransaction[]> {
  return nonces.exclusive(async () => {
    const entries = await ctx.journal.unfinished(ctx.domain, ctx.account.address)
    const recovered: RecoveredTransaction[] = []
    let gap = false
    for (const group of byNonce(entries)) {
      const newest = group.at(-1)
      if (!newest) continue
      const log = { domain: ctx.domain, nonce: newest.nonce, call: newest.call }
      const drop = async (reason: string) => {
        for (const entry of group)
          await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
        ctx.logger.warn({ ...log, reason }, 'dropped a journal transaction')
      }
      // The count is read before the receipts, so a receipt that appears in between is found.
      const spent = (await minedNonce(ctx, signal)) > newest.nonce
      const mined = await findMined(ctx, group, signal)
      if (mined) {
        await ctx.journal.recordFinished(mined.entry.transactionHash, 'mined')
        for (const entry of group)
          if (entry !== mined.entry)
            await ctx.journal.recordFinished(entry.transactionHash, 'dropped')
        recovered.push(recoveredFrom(ctx, mined.entry, mined.receipt))
        continue
      }
      if (spent) {
        await drop('nonce used by a transaction not in the journal')
        continue
      }
      if (gap) {
        await drop('behind a dropped nonce')
        continue
      }
      if (!(await wouldSucceed(ctx, newest, signal))) {
        gap = true
        await drop('the call would revert now')
        continue
      }
      const sent = await broadcast(ctx, newest, signal)
      if (sent.type !== 'accepted') {
        gap = sent.type === 'underpriced'
        await drop(sent.detail)
        continue
      }
      ctx.logger.info(log, 'sent a journal transaction again')
      const result = await waitForInclusion(ctx, group, signal)
      if (result.type === 'mined') recovered.push(recoveredFrom(ctx, result.entry, result.receipt))
    }
    return recovered
  })
}

/** Unfinished entries by nonce, lowest first; within a nonce, cheapest (oldest) first. */
function byNonce(entries: readonly JournalEntry[]): JournalEntry[][] {
  const groups = new Map<bigint, JournalEntry[]>()
  for (const entry of entries) groups.set(entry.nonce, [...(groups.get(entry.nonce) ?? []), entry])
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) =>
      group.sort((a, b) =>
        a.maxFeePerGas < b.maxFeePerGas ? -1 : a.maxFeePerGas > b.maxFeePerGas ? 1 : 0,
      ),
    )
}

/** Whether the journal transaction's call succeeds at the latest block (gas and fees aside). */
async function wouldSucceed(
  ctx: EvmContext,
  entry: JournalEntry,
  signal?: AbortSignal,
): Promise<boolean> {
  const { to, data } = parseTransaction(entry.raw)
  if (!to) return false
  try {
    await callRpc(
      ctx,
      'eth_call',
      () => ctx.client.call({ account: ctx.account.address, to, data }),
      signal,
    )
    return true
  } catch (error) {
    if (error instanceof EndpointReadRevertedError) return false
    throw error
  }
}

function recoveredFrom(
  ctx: EvmContext,
  entry: JournalEntry,
  receipt: TransactionReceipt,
): RecoveredTransaction {
  return {
    receipt: toCallReceipt(receipt, ctx.endpoint),
    call: entry.call,
    messageIds: entry.messageIds,
  }
}

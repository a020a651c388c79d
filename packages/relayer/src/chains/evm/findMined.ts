import type { TransactionReceipt } from 'viem'
import type { JournalEntry } from '../types.js'
import type { EvmContext } from './context.js'
import { getReceipt } from './getReceipt.js'

/** One transaction of a nonce's group and its receipt. */
export type MinedEntry = { entry: JournalEntry; receipt: TransactionReceipt }

/**
 * The first transaction of `group` (all of one nonce, oldest first), looking from the newest
 * since a replacement is the likelier to be mined, that has a receipt; `undefined` if none.
 *
 * @example
 * const mined = await findMined(ctx, [original, replacement], signal)
 */
export async function findMined(
  ctx: EvmContext,
  group: readonly JournalEntry[],
  signal?: AbortSignal,
): Promise<MinedEntry | undefined> {
  for (const entry of [...group].reverse()) {
    const receipt = await getReceipt(ctx, entry.transactionHash, signal)
    if (receipt) return { entry, receipt }
  }
  return undefined
}

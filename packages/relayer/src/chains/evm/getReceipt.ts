import { callRpc } from '@ferry/sdk/internal'
import { type Hash, type TransactionReceipt, TransactionReceiptNotFoundError } from 'viem'
import type { EvmContext } from './context.js'

/**
 * The receipt of `hash`, or `undefined` while it is not mined (or unknown to the node).
 *
 * @example
 * const receipt = await getReceipt(ctx, entry.transactionHash, signal)
 */
export async function getReceipt(
  ctx: EvmContext,
  hash: string,
  signal?: AbortSignal,
): Promise<TransactionReceipt | undefined> {
  return callRpc(
    ctx,
    'eth_getTransactionReceipt',
    async () => {
      try {
        // CAST: journal hashes are keccak256 outputs, 0x-prefixed 32-byte hex.
        return await ctx.client.getTransactionReceipt({ hash: hash as Hash })
      } catch (error) {
        if (error instanceof TransactionReceiptNotFoundError) return undefined
        throw error
      }
    },
    signal,
  )
}

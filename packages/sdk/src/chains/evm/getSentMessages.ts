import { decodeMessage } from '@ferry/protocol'
import type { SentMessageEvent } from '../types.js'
import type { EvmReadContext } from './context.js'
import { type BlockRange, getEndpointLogs } from './getEndpointLogs.js'

/**
 * The endpoint's `MessageSent` events in blocks `[fromBlock, toBlock]`, decoded, with the block
 * and transaction they came in, in leaf order.
 *
 * @example
 * const sent = await getSentMessages(ctx, { fromBlock: 0n, toBlock: head.number, blockSpan: 2_000n })
 */
export async function getSentMessages(
  ctx: EvmReadContext,
  range: BlockRange,
  signal?: AbortSignal,
): Promise<SentMessageEvent[]> {
  const logs = await getEndpointLogs(ctx, 'MessageSent', range, signal)
  return logs
    .map((log) => ({
      id: log.args.id,
      leafIndex: log.args.leafIndex,
      encoded: log.args.message,
      message: decodeMessage(log.args.message),
      block: { number: log.blockNumber, hash: log.blockHash },
      transactionHash: log.transactionHash,
    }))
    .sort((a, b) => a.leafIndex - b.leafIndex)
}

import type { FeeAddedEvent } from '../types.js'
import type { EvmReadContext } from './context.js'
import { type BlockRange, getEndpointLogs } from './getEndpointLogs.js'

/**
 * The endpoint's `FeeAdded` events (fee top-ups, PROTOCOL §9) in blocks `[fromBlock, toBlock]`,
 * in chain order, each with the block, transaction and log index it came in.
 *
 * @example
 * const topUps = await getFeesAdded(ctx, { fromBlock: 0n, toBlock: head.number, blockSpan: 2_000n })
 */
export async function getFeesAdded(
  ctx: EvmReadContext,
  range: BlockRange,
  signal?: AbortSignal,
): Promise<FeeAddedEvent[]> {
  const logs = await getEndpointLogs(ctx, 'FeeAdded', range, signal)
  return logs.map((log) => ({
    id: log.args.id,
    amount: log.args.amount,
    block: { number: log.blockNumber, hash: log.blockHash },
    transactionHash: log.transactionHash,
    eventIndex: log.logIndex,
  }))
}

import { endpointAbi } from '@ferry/evm-contracts'
import type { FeeAddedEvent } from '../types.js'
import type { EvmContext } from './context.js'
import { callRpc } from './rpc.js'

/**
 * The endpoint's `FeeAdded` events (fee top-ups, PROTOCOL §9) in blocks `[fromBlock, toBlock]`,
 * read with `eth_getLogs` over at most `blockSpan` blocks per request, in chain order, each with
 * the block, transaction and log index it came in.
 *
 * @example
 * const topUps = await getFeesAdded(ctx, { fromBlock: 0n, toBlock: head.number, blockSpan: 2_000n })
 */
export async function getFeesAdded(
  ctx: EvmContext,
  { fromBlock, toBlock, blockSpan }: { fromBlock: bigint; toBlock: bigint; blockSpan: bigint },
  signal?: AbortSignal,
): Promise<FeeAddedEvent[]> {
  const events: FeeAddedEvent[] = []
  for (let start = fromBlock; start <= toBlock; start += blockSpan) {
    const end = start + blockSpan - 1n < toBlock ? start + blockSpan - 1n : toBlock
    const logs = await callRpc(
      ctx,
      'eth_getLogs',
      () =>
        ctx.client.getContractEvents({
          address: ctx.endpoint,
          abi: endpointAbi,
          eventName: 'FeeAdded',
          fromBlock: start,
          toBlock: end,
          strict: true,
        }),
      signal,
    )
    for (const log of logs)
      events.push({
        id: log.args.id,
        amount: log.args.amount,
        block: { number: log.blockNumber, hash: log.blockHash },
        transactionHash: log.transactionHash,
        eventIndex: log.logIndex,
      })
  }
  return events
}

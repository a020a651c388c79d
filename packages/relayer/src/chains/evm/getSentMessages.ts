import { endpointAbi } from '@ferry/evm-contracts'
import { decodeMessage } from '@ferry/sdk/codec'
import type { SentMessageEvent } from '../types.js'
import type { EvmContext } from './context.js'
import { callRpc } from './rpc.js'

/**
 * The endpoint's `MessageSent` events in blocks `[fromBlock, toBlock]`, read with `eth_getLogs`
 * over at most `blockSpan` blocks per request (providers cap the range), decoded, with the block
 * and transaction they came in, in leaf order.
 *
 * @example
 * const sent = await getSentMessages(ctx, { fromBlock: 0n, toBlock: head.number, blockSpan: 2_000n })
 */
export async function getSentMessages(
  ctx: EvmContext,
  { fromBlock, toBlock, blockSpan }: { fromBlock: bigint; toBlock: bigint; blockSpan: bigint },
  signal?: AbortSignal,
): Promise<SentMessageEvent[]> {
  const events: SentMessageEvent[] = []
  for (let start = fromBlock; start <= toBlock; start += blockSpan) {
    const end = start + blockSpan - 1n < toBlock ? start + blockSpan - 1n : toBlock
    const logs = await callRpc(
      ctx,
      'eth_getLogs',
      () =>
        ctx.client.getContractEvents({
          address: ctx.endpoint,
          abi: endpointAbi,
          eventName: 'MessageSent',
          fromBlock: start,
          toBlock: end,
          strict: true,
        }),
      signal,
    )
    for (const log of logs) {
      events.push({
        id: log.args.id,
        leafIndex: log.args.leafIndex,
        encoded: log.args.message,
        message: decodeMessage(log.args.message),
        block: { number: log.blockNumber, hash: log.blockHash },
        transactionHash: log.transactionHash,
      })
    }
  }
  return events.sort((a, b) => a.leafIndex - b.leafIndex)
}

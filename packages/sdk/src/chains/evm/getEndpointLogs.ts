import { endpointAbi } from '@ferry/evm-contracts'
import type { ContractEventName, GetContractEventsReturnType, Hex } from 'viem'
import { callRpc } from './callRpc.js'
import type { EvmReadContext } from './context.js'

export type BlockRange = { fromBlock: bigint; toBlock: bigint; blockSpan: bigint }

/** Indexed arguments a log must have (an id). */
export type LogFilter = { id?: Hex | undefined }

/**
 * The endpoint's `eventName` logs in blocks `[fromBlock, toBlock]`, read with `eth_getLogs` over
 * at most `blockSpan` blocks per request (providers cap the range), decoded strictly, in chain
 * order, only those whose indexed arguments match `filter` when given (the node filters by
 * topic). The one reader of endpoint events: sent messages, fee top-ups and delivery results
 * map its logs.
 *
 * @example
 * const logs = await getEndpointLogs(ctx, 'FeeAdded', { fromBlock: 0n, toBlock: head, blockSpan: 2_000n })
 */
export async function getEndpointLogs<name extends ContractEventName<typeof endpointAbi>>(
  ctx: EvmReadContext,
  eventName: name,
  { fromBlock, toBlock, blockSpan }: BlockRange,
  signal?: AbortSignal,
  filter?: LogFilter,
): Promise<GetContractEventsReturnType<typeof endpointAbi, name, true>> {
  const logs: GetContractEventsReturnType<typeof endpointAbi, name, true> = []
  for (let start = fromBlock; start <= toBlock; start += blockSpan) {
    const end = start + blockSpan - 1n < toBlock ? start + blockSpan - 1n : toBlock
    const chunk = await callRpc(
      ctx,
      'eth_getLogs',
      () =>
        ctx.client.getContractEvents({
          address: ctx.endpoint,
          abi: endpointAbi,
          eventName,
          // CAST: every event this is asked to filter has an indexed `id`.
          ...(filter && { args: filter as never }),
          fromBlock: start,
          toBlock: end,
          strict: true,
        }),
      signal,
    )
    // A loop, not `push(...chunk)`: a busy range holds more logs than spread arguments allow.
    for (const log of chunk) logs.push(log)
  }
  return logs
}

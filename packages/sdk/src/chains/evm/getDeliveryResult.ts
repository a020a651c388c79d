import type { Hex } from 'viem'
import type { DeliveryResult } from '../types.js'
import type { EvmReadContext } from './context.js'
import { type BlockRange, getEndpointLogs } from './getEndpointLogs.js'
import { toMessageStatus } from './toMessageStatus.js'

/**
 * What the last delivery or retry of message `id` left on the endpoint: the latest of its
 * `MessageDelivered` and `MessageRetried` logs in the range (filtered by the indexed id, so one
 * request per span), as status and result; undefined when there is none.
 *
 * @example
 * const delivered = await getDeliveryResult(ctx, id, { fromBlock: 0n, toBlock: head.number, blockSpan: 2_000n })
 */
export async function getDeliveryResult(
  ctx: EvmReadContext,
  id: Hex,
  range: BlockRange,
  signal?: AbortSignal,
): Promise<DeliveryResult | undefined> {
  const [delivered, retried] = await Promise.all([
    getEndpointLogs(ctx, 'MessageDelivered', range, signal, { id }),
    getEndpointLogs(ctx, 'MessageRetried', range, signal, { id }),
  ])
  const logs = [...delivered, ...retried].sort((a, b) =>
    a.blockNumber === b.blockNumber
      ? a.logIndex - b.logIndex
      : a.blockNumber < b.blockNumber
        ? -1
        : 1,
  )
  const last = logs.at(-1)
  return last && { status: toMessageStatus(last.args.status), result: last.args.result }
}

import { IncompleteEventsError } from '../errors.js'
import type { SentMessageEvent } from '../types.js'

export type CheckSentCompleteParameters = {
  domain: number
  fromBlock: bigint
  toBlock: bigint
  /** What the events search found in `[fromBlock, toBlock]`, in leaf order. */
  events: readonly SentMessageEvent[]
  /** The endpoint's `merkle_count` after block `fromBlock - 1`, when it could be read. */
  countBefore: number | undefined
  /** Its `merkle_count` after block `toBlock`, when it could be read. */
  countAfter: number | undefined
}

/**
 * Throws `IncompleteEventsError` unless `events` are every leaf the endpoint added in the range:
 * contiguous leaves, from `countBefore` up to `countAfter - 1`. Either count may be unknown (a
 * height whose state the node no longer keeps, or before the endpoint existed); then only what
 * is known is checked. An event search cannot tell "nothing happened" from "not indexed yet":
 * the tree can.
 *
 * @example
 * checkSentComplete({ domain, fromBlock, toBlock, events, countBefore: 3, countAfter: 5 })
 */
export function checkSentComplete({
  domain,
  fromBlock,
  toBlock,
  events,
  countBefore,
  countAfter,
}: CheckSentCompleteParameters): void {
  // Without the count before, the first event found is where the range starts: an index lags
  // at its newest blocks, which `countAfter` checks.
  const start = countBefore ?? events[0]?.leafIndex
  if (start === undefined) return
  const end = countAfter ?? start + events.length
  const contiguous = events.every((event, i) => event.leafIndex === start + i)
  if (!contiguous || end - start !== events.length)
    throw new IncompleteEventsError({
      domain,
      fromBlock,
      toBlock,
      found: events.length,
      expected: Math.max(end - start, events.length),
    })
}

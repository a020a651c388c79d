import { createHash } from 'node:crypto'
import type { CosmosEvent } from '../client/types.js'
import { EmbeddedChainError } from './errors.js'

/** A block of the embedded chain by height, hash and time: what a relayer checks for reorgs. */
export type EmbeddedBlockHeader = {
  readonly height: number
  /**
   * sha256 of the chain id, height, time and transaction hashes, as upper-case hex (how CometBFT
   * prints hashes). A chain started again with the same id has other times, so other hashes: a
   * relayer that indexed the old one sees a reorg instead of trusting stale blocks.
   */
  readonly hash: string
  /** Unix seconds. */
  readonly time: number
}

/** One transaction of a block and every Cosmos event it emitted. */
export type EmbeddedTransaction = {
  readonly hash: string
  readonly events: readonly CosmosEvent[]
}

/** A block with its transactions; see `EmbeddedChain.getBlock`. */
export type EmbeddedBlock = EmbeddedBlockHeader & {
  readonly transactions: readonly EmbeddedTransaction[]
}

/** One transaction's events with where it is; see `EmbeddedChain.getEvents`. */
export type EmbeddedTransactionEvents = {
  readonly height: number
  readonly blockHash: string
  readonly transactionHash: string
  readonly events: readonly CosmosEvent[]
}

/** What the chain keeps of a block it opened; `state` is dropped once it is pruned. */
type Entry = EmbeddedBlock & { state: unknown }

export type BlockLog = ReturnType<typeof createBlockLog>

/**
 * The embedded chain's record of the blocks it opened: per block its hash, time and the events
 * of its transactions, and the simulator's store as it was after it (an immutable map: a
 * snapshot shares everything unchanged with the next one, so it costs only what the block
 * wrote: about 2 KB for an endpoint `send`, as much again for its events). The heights an
 * `advance` skips are derived on demand as empty blocks with the time of the block before them.
 * At most `blocks` blocks are kept; older ones read as pruned, as on a pruning node.
 */
export function createBlockLog({ chainId, blocks }: { chainId: string; blocks: number }) {
  // Oldest first; `start` skips pruned entries, so pruning is O(1) until the array is compacted.
  let entries: Entry[] = []
  let start = 0

  const hashOf = (height: number, time: number, transactions: readonly EmbeddedTransaction[]) =>
    createHash('sha256')
      .update(`${chainId}\n${height}\n${time}\n${transactions.map((tx) => tx.hash).join(',')}`)
      .digest('hex')
      .toUpperCase()

  /** Index of the last kept entry at or below `height`; -1 when there is none. */
  const indexAtOrBelow = (height: number): number => {
    let low = start
    let high = entries.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const entry = entries[middle]
      if (entry === undefined) break
      if (entry.height <= height) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    return found
  }

  const pruned = (operation: 'getBlock' | 'getEvents', height: number) =>
    new EmbeddedChainError({
      operation,
      reason: `height ${height} is below the oldest block kept (${entries[start]?.height ?? 'none'})`,
    })

  return {
    /** Records the block the chain just opened at `height`. */
    record(block: {
      height: number
      time: number
      transactions: readonly EmbeddedTransaction[]
      state: unknown
    }): EmbeddedBlock {
      // The simulator's height only grows, unless someone sets it back through `app`: then the
      // blocks above are gone, as in a reorg.
      while (entries.length > start && (entries.at(-1)?.height ?? 0) >= block.height) entries.pop()
      const entry: Entry = { ...block, hash: hashOf(block.height, block.time, block.transactions) }
      entries.push(entry)
      while (entries.length - start > blocks) {
        const old = entries[start]
        if (old) old.state = undefined
        start += 1
      }
      if (start > 1024 && start * 2 > entries.length) {
        entries = entries.slice(start)
        start = 0
      }
      const { state: _, ...recorded } = entry
      return recorded
    },

    /** The block at `height` (≤ `head`); undefined above `head`; throws below the oldest kept. */
    get(height: number, head: number): EmbeddedBlock | undefined {
      return height > head ? undefined : this.at(height)
    },

    /** The block at `height`, a height the chain has reached; throws below the oldest kept. */
    at(height: number): EmbeddedBlock {
      const entry = entries[indexAtOrBelow(height)]
      if (entry === undefined) throw pruned('getBlock', height)
      if (entry.height === height) {
        const { state: _, ...block } = entry
        return block
      }
      return { height, time: entry.time, hash: hashOf(height, entry.time, []), transactions: [] }
    },

    /** Transactions in blocks `[from, to]` (clamped to `[1, head]`), keeping events of `type`. */
    events(from: number, to: number, head: number, type?: string): EmbeddedTransactionEvents[] {
      const first = Math.max(from, 1)
      if (first < (entries[start]?.height ?? 1)) throw pruned('getEvents', first)
      const found: EmbeddedTransactionEvents[] = []
      const last = Math.min(to, head)
      for (let i = Math.max(indexAtOrBelow(first), start); i < entries.length; i++) {
        const entry = entries[i]
        if (entry === undefined || entry.height > last) break
        if (entry.height < first) continue
        for (const transaction of entry.transactions) {
          const events =
            type === undefined
              ? transaction.events
              : transaction.events.filter((event) => event.type === type)
          if (events.length === 0) continue
          found.push({
            height: entry.height,
            blockHash: entry.hash,
            transactionHash: transaction.hash,
            events,
          })
        }
      }
      return found
    },

    /** The simulator's store after block `height`, if still kept. */
    stateAt(height: number): unknown {
      const entry = entries[indexAtOrBelow(height)]
      if (entry?.state === undefined)
        throw new EmbeddedChainError({
          operation: 'queryAt',
          reason: `the state at height ${height} is no longer kept (the last ${blocks} blocks' are)`,
        })
      return entry.state
    },
  }
}

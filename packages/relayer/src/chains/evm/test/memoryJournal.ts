import type { JournalEntry, TransactionJournal } from '../../types.js'

export type JournalState = 'signed' | 'mined' | 'replaced' | 'dropped'

/** An in-memory `TransactionJournal` for tests (the relayer's store is the real one). */
export type MemoryJournal = TransactionJournal & {
  /** Every entry in the order it was signed, with its current state. */
  list(): { entry: JournalEntry; state: JournalState }[]
  state(hash: string): JournalState | undefined
}

/**
 * A `TransactionJournal` over a Map, shared by "restarts" of an adapter in tests.
 *
 * @example
 * const journal = createMemoryJournal()
 * const chain = createEvmChainSubmitter({ ..., journal })
 */
export function createMemoryJournal(): MemoryJournal {
  const rows = new Map<string, { entry: JournalEntry; state: JournalState }>()
  const live = (domain: number, sender: string) =>
    [...rows.values()].filter(
      ({ entry }) => entry.domain === domain && entry.sender.toLowerCase() === sender.toLowerCase(),
    )
  return {
    async highestNonce(domain, sender) {
      let highest: bigint | undefined
      for (const { entry, state } of live(domain, sender))
        if (state !== 'dropped' && (highest === undefined || entry.nonce > highest))
          highest = entry.nonce
      return highest
    },
    async recordSigned(entry) {
      rows.set(entry.transactionHash, { entry, state: 'signed' })
    },
    async recordFinished(hash, state) {
      const row = rows.get(hash)
      if (!row) throw new Error(`journal: unknown transaction ${hash}`)
      row.state = state
    },
    async unfinished(domain, sender) {
      return live(domain, sender)
        .filter(({ state }) => state === 'signed')
        .map(({ entry }) => entry)
    },
    list: () => [...rows.values()],
    state: (hash) => rows.get(hash)?.state,
  }
}

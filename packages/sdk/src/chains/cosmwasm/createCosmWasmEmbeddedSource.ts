import type { CosmWasmExecutor } from '@ferry/cosmwasm-bindings'
import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import type { CosmWasmReadSource } from './source.js'

export type CreateCosmWasmEmbeddedSourceParameters = {
  /** An embedded chain (`@ferry/cosmwasm-bindings/embedded`), built by the caller. */
  chain: EmbeddedChain
}

/**
 * The embedded chain (`@ferry/cosmwasm-bindings/embedded`) as a `CosmWasmReadSource`: heads,
 * hashes and events from its block log, queries at a height from its recent states
 * (`history.states` blocks back; older ones fail as on a pruning node). It never reorgs. The
 * chain is passed in, built: the sdk only reads it, so importing the sdk never loads the VM.
 *
 * @example
 * const reader = createCosmWasmChainReader({ domain: 7001, endpoint, source: createCosmWasmEmbeddedSource({ chain }) })
 */
export function createCosmWasmEmbeddedSource({
  chain,
}: CreateCosmWasmEmbeddedSourceParameters): CosmWasmReadSource {
  const latest: CosmWasmExecutor = {
    execute: () => Promise.reject(new Error('A reader does not execute.')),
    query: (contract, msg) => chain.query(contract, msg),
  }
  return {
    async getHead(signal) {
      signal?.throwIfAborted()
      const { height, hash, time } = chain.latestBlock
      return { number: BigInt(height), hash, timestamp: BigInt(time) }
    },
    async getBlockHash(height, signal) {
      signal?.throwIfAborted()
      // No block 0: the state before block 1 keeps one fixed hash, so a cursor there stays canonical.
      if (height < 1n) return ''
      return chain.getBlock(Number(height))?.hash
    },
    async searchEvents({ contract, eventType, fromHeight, toHeight }, signal) {
      signal?.throwIfAborted()
      const transactions = chain.getEvents({
        fromHeight: Number(fromHeight),
        toHeight: Number(toHeight),
        type: eventType,
      })
      return transactions.flatMap((transaction) => {
        const events = transaction.events.filter((event) =>
          event.attributes.some((a) => a.key === '_contract_address' && a.value === contract),
        )
        if (events.length === 0) return []
        const { height, blockHash, transactionHash } = transaction
        return [{ height: BigInt(height), blockHash, transactionHash, events }]
      })
    },
    async getTransaction(hash, signal) {
      signal?.throwIfAborted()
      const wanted = hash.toUpperCase()
      // The block log has no index by hash: walk back from the head through what it keeps.
      for (let height = chain.latestBlock.height; height >= 1; height--) {
        let block: ReturnType<EmbeddedChain['getBlock']>
        try {
          block = chain.getBlock(height)
        } catch {
          return undefined // below what the chain keeps
        }
        const transaction = block?.transactions.find((tx) => tx.hash.toUpperCase() === wanted)
        if (block !== undefined && transaction !== undefined)
          return {
            height: BigInt(height),
            blockHash: block.hash,
            transactionHash: transaction.hash,
            events: transaction.events,
          }
      }
      return undefined
    },
    reader(height) {
      if (height === undefined) return latest
      return {
        execute: latest.execute,
        query: (contract, msg) => chain.queryAt(Number(height), contract, msg),
      }
    },
    close() {},
  }
}

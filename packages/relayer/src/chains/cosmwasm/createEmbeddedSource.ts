import { config, fromEmbeddedChain } from '@ferry/cosmwasm-bindings'
import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import type { CosmWasmSource, SourceOutcome } from './source.js'

export type CreateEmbeddedSourceParameters = {
  chain: EmbeddedChain
  /** The relayer's account on the chain. */
  sender: string
  /** The endpoint, whose denom is the balance `getBalance` reads. */
  endpoint: string
}

/**
 * The embedded chain (`@ferry/cosmwasm-bindings/embedded`) as a `CosmWasmSource`: heads, hashes
 * and events from its block log, queries at a height from its recent states (`history.states`
 * blocks back; older ones fail as on a pruning node), writes as `sender`. It never reorgs and
 * charges no gas, so `gasFloor` has nothing to raise and `gasUsed` is 0. Writes run one at a
 * time like the RPC source's, though the chain itself would take them in any order.
 *
 * @example
 * const source = createEmbeddedSource({ chain, sender: relayer, endpoint })
 */
export function createEmbeddedSource({
  chain,
  sender,
  endpoint,
}: CreateEmbeddedSourceParameters): CosmWasmSource {
  const executor = fromEmbeddedChain(chain, sender)
  let denom: Promise<string> | undefined
  let queue: Promise<unknown> = Promise.resolve()

  return {
    sender,
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
    reader(height) {
      if (height === undefined) return executor
      return {
        sender,
        execute: executor.execute,
        query: (contract, msg) => chain.queryAt(Number(height), contract, msg),
      }
    },
    write(_gasFloor, write, signal) {
      const run = queue.then(async () => {
        signal?.throwIfAborted()
        let outcome: SourceOutcome | undefined
        const result = await write({
          sender,
          query: executor.query,
          execute: async (account, contract, msg, funds) => {
            outcome = { ...(await executor.execute(account, contract, msg, funds)), gasUsed: 0n }
            return outcome
          },
        })
        if (outcome === undefined) throw new Error('The write executed nothing.')
        return { result, outcome }
      })
      queue = run.catch(() => {})
      return run
    },
    async getBalance(signal) {
      signal?.throwIfAborted()
      if (denom === undefined) {
        denom = config(executor, { contract: endpoint }).then(({ denom }) => denom)
        denom.catch(() => {
          denom = undefined // read it again next time
        })
      }
      return chain.getBalance(sender, await denom)
    },
    close() {},
  }
}

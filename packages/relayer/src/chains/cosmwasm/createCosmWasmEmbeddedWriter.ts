import { config, fromEmbeddedChain } from '@ferry/cosmwasm-bindings'
import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import type { CosmWasmWriter, WriterOutcome } from './writer.js'

export type CreateCosmWasmEmbeddedWriterParameters = {
  chain: EmbeddedChain
  /** The relayer's account on the chain (no key: the embedded chain does not sign). */
  sender: string
  /** The endpoint, whose denom is the balance `getBalance` reads. */
  endpoint: string
}

/**
 * Writes to the embedded chain as `sender` (a `CosmWasmWriter`). It charges no gas, so
 * `gasFloor` has nothing to raise and `gasUsed` is 0. Writes run one at a time like the RPC
 * writer's, though the chain itself would take them in any order.
 *
 * @example
 * const writer = createCosmWasmEmbeddedWriter({ chain, sender: relayer, endpoint })
 */
export function createCosmWasmEmbeddedWriter({
  chain,
  sender,
  endpoint,
}: CreateCosmWasmEmbeddedWriterParameters): CosmWasmWriter {
  const executor = fromEmbeddedChain(chain, sender)
  let denom: Promise<string> | undefined
  let queue: Promise<unknown> = Promise.resolve()

  return {
    sender,
    write(_gasFloor, write, signal) {
      const run = queue.then(async () => {
        signal?.throwIfAborted()
        let outcome: WriterOutcome | undefined
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

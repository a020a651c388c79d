import type { CosmWasmReadSource } from './source.js'

/**
 * A `CosmWasmReadSource` that calls `load` on its first read and forwards every read to the
 * source it returns: how the client defers loading the CometBFT RPC source (and cosmjs) until
 * a CosmWasm chain is read, so an app on EVM chains alone never loads it. A failed load is
 * forgotten, so the next read tries again; `close` closes the source once it is loaded.
 *
 * @example
 * const source = createLazyCosmWasmReadSource(async () => {
 *   const { createCosmWasmRpcSource } = await import('./createCosmWasmRpcSource.js')
 *   return createCosmWasmRpcSource({ domain: 7001, rpcUrls: ['http://127.0.0.1:26657'] })
 * })
 */
export function createLazyCosmWasmReadSource(
  load: () => Promise<CosmWasmReadSource>,
): CosmWasmReadSource {
  let loading: Promise<CosmWasmReadSource> | undefined
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    }))
  return {
    getHead: async (signal) => (await get()).getHead(signal),
    getBlockHash: async (height, signal) => (await get()).getBlockHash(height, signal),
    searchEvents: async (query, signal) => (await get()).searchEvents(query, signal),
    getTransaction: async (hash, signal) => (await get()).getTransaction(hash, signal),
    reader: (height) => ({
      execute: async (...args) => (await get()).reader(height).execute(...args),
      query: async (contract, msg) => (await get()).reader(height).query(contract, msg),
    }),
    close: () => {
      void loading?.then(
        (source) => source.close(),
        () => undefined, // nothing was loaded: nothing to close
      )
    },
  }
}

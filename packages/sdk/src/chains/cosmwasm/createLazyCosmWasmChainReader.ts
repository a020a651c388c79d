import { bech32ToBytes32 } from '@ferry/protocol'
import type {
  CosmWasmChainReader,
  CreateCosmWasmChainReaderParameters,
} from './createCosmWasmChainReader.js'
import type { CosmWasmReadSource } from './source.js'

/**
 * `createCosmWasmChainReader`'s reader, loaded on its first read: the same fields at once, and
 * each read forwarded to the real reader, which is imported (with the CosmWasm bindings it
 * queries through) and built over the same source when a read first needs it. How the client
 * keeps the bindings out of an app that reads EVM chains alone. A failed load is forgotten, so
 * the next read tries again.
 *
 * @example
 * const reader = createLazyCosmWasmChainReader({ domain: 7001, endpoint: 'wasm1…', source })
 * const head = await reader.getHead() // loads the bindings here
 */
export function createLazyCosmWasmChainReader<source extends CosmWasmReadSource>(
  parameters: CreateCosmWasmChainReaderParameters<source>,
): CosmWasmChainReader<source> {
  let loading: Promise<CosmWasmChainReader<source>> | undefined
  const get = () =>
    (loading ??= import('./createCosmWasmChainReader.js').then(
      ({ createCosmWasmChainReader }) => createCosmWasmChainReader(parameters),
      (error: unknown) => {
        loading = undefined
        throw error
      },
    ))
  const { domain, endpoint: contract, source } = parameters
  return {
    kind: 'cosmwasm',
    domain,
    endpoint: bech32ToBytes32(contract),
    contract,
    source,
    getHead: async (signal) => (await get()).getHead(signal),
    getBlockHash: async (number, signal) => (await get()).getBlockHash(number, signal),
    getSentMessages: async (fromBlock, toBlock, signal) =>
      (await get()).getSentMessages(fromBlock, toBlock, signal),
    getFeesAdded: async (fromBlock, toBlock, signal) =>
      (await get()).getFeesAdded(fromBlock, toBlock, signal),
    getDeliveryResult: async (id, fromBlock, signal) =>
      (await get()).getDeliveryResult(id, fromBlock, signal),
    getTree: async (blockNumber, signal) => (await get()).getTree(blockNumber, signal),
    getFeePaid: async (event, signal) => (await get()).getFeePaid(event, signal),
    getMessageStatus: async (message, signal) => (await get()).getMessageStatus(message, signal),
    getInboundNonce: async (channel, signal) => (await get()).getInboundNonce(channel, signal),
    close: () => source.close(),
  }
}

import { fromHex, fromUtf8, toHex, toUtf8 } from '@cosmjs/encoding'
import { QueryClient } from '@cosmjs/stargate'
import {
  Comet1Client,
  Comet38Client,
  type CometClient,
  HttpClient,
  Tendermint37Client,
} from '@cosmjs/tendermint-rpc'
import type { CosmWasmExecutor } from '@ferry/cosmwasm-bindings'
import {
  QuerySmartContractStateRequest,
  QuerySmartContractStateResponse,
} from 'cosmjs-types/cosmwasm/wasm/v1/query'
import { abortable } from '../abortable.js'
import { ChainIdMismatchError, RpcError } from '../errors.js'
import type { ChainLogger } from '../types.js'
import { isRpcFailure } from './isRpcFailure.js'
import type { CosmWasmReadSource, SourceTransaction } from './source.js'

export type CreateCosmWasmRpcSourceParameters = {
  domain: number
  /** CometBFT RPC URLs, tried in order; the last one that answered is tried first. */
  rpcUrls: readonly string[]
  /** The chain id every URL must serve; a URL serving another is skipped. Default: any. */
  chainId?: string | undefined
  /** Timeout of each RPC request. Default 10 s. */
  requestTimeoutMs?: number | undefined
  /** Told when a URL fails and the next is tried. */
  logger?: ChainLogger | undefined
}

/** One URL's connection: its CometBFT client (a signer builds its signing client on it). */
export type CosmWasmRpcConnection = { url: string; comet: CometClient; queries: QueryClient }

/** A node over CometBFT RPC: a read source, and the URL failover its signer shares. */
export type CosmWasmRpcSource = CosmWasmReadSource & {
  /**
   * Runs `run` on the first URL that can serve it (the last one that answered first), skipping
   * URLs that cannot be reached or serve another chain; throws `RpcError` when none answers,
   * and the chain's own errors (a failed query, a rejected transaction) as they are.
   */
  request<value>(
    operation: string,
    run: (connection: CosmWasmRpcConnection) => Promise<value>,
    signal?: AbortSignal,
  ): Promise<value>
}

const SMART_QUERY = '/cosmwasm.wasm.v1.Query/SmartContractState'

/**
 * A wasmd (or any CosmWasm) node over CometBFT RPC as a `CosmWasmReadSource`, through cosmjs,
 * with no key: heads from `abci_info`, hashes from `blockchain`, events from the transaction
 * index (`tx_search` for `<type>._contract_address='…' AND tx.height>=A AND tx.height<=B`), and
 * queries at a height through `abci_query` (as far back as the node keeps state). A URL that
 * cannot be reached or served is skipped for the next; `RpcError` when none answers. CometBFT's
 * finality is instant: no reorgs.
 *
 * @example
 * const source = createCosmWasmRpcSource({ domain: 7001, rpcUrls: ['http://127.0.0.1:26657'] })
 * const reader = createCosmWasmChainReader({ domain: 7001, endpoint, source })
 */
export function createCosmWasmRpcSource({
  domain,
  rpcUrls,
  chainId,
  requestTimeoutMs = 10_000,
  logger,
}: CreateCosmWasmRpcSourceParameters): CosmWasmRpcSource {
  if (rpcUrls.length === 0) throw new Error(`Domain ${domain}: no RPC URL.`)
  const urls = [...rpcUrls]
  const connections = new Map<string, Promise<CosmWasmRpcConnection>>()
  let preferred = 0

  async function connect(url: string): Promise<CosmWasmRpcConnection> {
    const rpc = () => new HttpClient(url, requestTimeoutMs)
    // cosmjs's `connectComet`, with a request timeout: ask the version, then speak it.
    const { nodeInfo } = await Tendermint37Client.create(rpc()).status()
    if (chainId !== undefined && nodeInfo.network !== chainId)
      throw new ChainIdMismatchError({ url, expected: chainId, actual: nodeInfo.network })
    const { version } = nodeInfo
    const comet = version.startsWith('0.38.')
      ? Comet38Client.create(rpc())
      : version.startsWith('1.')
        ? Comet1Client.create(rpc())
        : Tendermint37Client.create(rpc())
    return { url, comet, queries: new QueryClient(comet) }
  }

  function connectionTo(url: string): Promise<CosmWasmRpcConnection> {
    let connection = connections.get(url)
    if (connection === undefined) {
      connection = connect(url)
      connections.set(url, connection)
      // A failed connection is forgotten, so the next call connects again (the node may be back).
      connection.catch(() => connections.delete(url))
    }
    return connection
  }

  async function request<value>(
    operation: string,
    run: (connection: CosmWasmRpcConnection) => Promise<value>,
    signal?: AbortSignal,
  ): Promise<value> {
    let failure: Error = new Error('no RPC URL tried')
    for (let i = 0; i < urls.length; i++) {
      signal?.throwIfAborted()
      const index = (preferred + i) % urls.length
      const url = urls[index] ?? ''
      try {
        const value = await abortable(
          connectionTo(url).then((connection) => run(connection)),
          signal,
        )
        preferred = index
        return value
      } catch (error) {
        const skip = isRpcFailure(error) || error instanceof ChainIdMismatchError
        if (signal?.aborted || !skip || !(error instanceof Error)) throw error
        logger?.warn({ err: error, url, operation }, 'RPC URL failed; trying the next')
        failure = error
      }
    }
    throw new RpcError({ method: operation, domain, cause: failure })
  }

  const hashOf = (bytes: Uint8Array) => toHex(bytes).toUpperCase()

  async function blockHash(
    connection: CosmWasmRpcConnection,
    height: number,
  ): Promise<string | undefined> {
    const { blockMetas } = await connection.comet.blockchain(height, height)
    const meta = blockMetas.find((m) => m.header.height === height)
    return meta === undefined ? undefined : hashOf(meta.blockId.hash)
  }

  function reader(height?: bigint): CosmWasmExecutor {
    return {
      execute: () => Promise.reject(new Error('A reader does not execute.')),
      query: (contract, msg) =>
        request('query', async ({ queries }) => {
          const body = QuerySmartContractStateRequest.encode({
            address: contract,
            queryData: toUtf8(JSON.stringify(msg)),
          }).finish()
          const { value } = await queries.queryAbci(
            SMART_QUERY,
            body,
            height === undefined ? undefined : Number(height),
          )
          return JSON.parse(fromUtf8(QuerySmartContractStateResponse.decode(value).data))
        }),
    }
  }

  return {
    getHead: (signal) =>
      request(
        'getHead',
        async ({ comet }) => {
          // The application's last committed height, not consensus's latest block: for a moment
          // after a block is decided its state is not queryable yet ("cannot query with height
          // in the future"), and readers at the head must not see that block before it is.
          const { lastBlockHeight } = await comet.abciInfo()
          const height = lastBlockHeight ?? (await comet.status()).syncInfo.latestBlockHeight
          const { blockMetas } = await comet.blockchain(height, height)
          const meta = blockMetas.find((m) => m.header.height === height)
          if (meta === undefined) throw new Error(`the node has no block ${height}`)
          return {
            number: BigInt(height),
            hash: hashOf(meta.blockId.hash),
            timestamp: BigInt(Math.floor(meta.header.time.getTime() / 1000)),
          }
        },
        signal,
      ),
    async getBlockHash(height, signal) {
      // CometBFT numbers blocks from 1: "block 0" keeps one fixed hash, so a cursor there stays canonical.
      if (height < 1n) return ''
      return request(
        'getBlockHash',
        async (connection) => {
          const { syncInfo } = await connection.comet.status()
          if (height > BigInt(syncInfo.latestBlockHeight)) return undefined
          return blockHash(connection, Number(height))
        },
        signal,
      )
    },
    searchEvents: ({ contract, eventType, fromHeight, toHeight }, signal) =>
      request(
        'searchEvents',
        async (connection) => {
          const query = `${eventType}._contract_address='${contract}' AND tx.height>=${fromHeight} AND tx.height<=${toHeight}`
          const { txs } = await connection.comet.txSearchAll({ query, order_by: 'asc' })
          const included = txs
            .filter((tx) => tx.result.code === 0)
            .sort((a, b) => a.height - b.height || a.index - b.index)
          const hashes = new Map<number, string | undefined>()
          for (const height of new Set(included.map((tx) => tx.height)))
            hashes.set(height, await blockHash(connection, height))
          return included.map(
            (tx): SourceTransaction => ({
              height: BigInt(tx.height),
              blockHash: hashes.get(tx.height) ?? '',
              transactionHash: hashOf(tx.hash),
              events: tx.result.events,
            }),
          )
        },
        signal,
      ),
    getTransaction: (hash, signal) =>
      request(
        'getTransaction',
        async (connection) => {
          let tx: Awaited<ReturnType<CometClient['tx']>>
          try {
            tx = await connection.comet.tx({ hash: fromHex(hash) })
          } catch (error) {
            // CometBFT answers an unknown hash with an internal JSON-RPC error whose only mark is
            // its text ("tx (…) not found"); a node that cannot be reached fails otherwise, and
            // moves on to the next URL.
            if (error instanceof Error && /not found/i.test(error.message)) return undefined
            throw error
          }
          // A failed transaction is returned too: its events are empty, as its effects are.
          return {
            height: BigInt(tx.height),
            blockHash: (await blockHash(connection, tx.height)) ?? '',
            transactionHash: hashOf(tx.hash),
            events: tx.result.events,
          }
        },
        signal,
      ),
    reader,
    request,
    close() {
      for (const connection of connections.values())
        connection.then(
          ({ comet }) => comet.disconnect(),
          () => {},
        )
      connections.clear()
    },
  }
}

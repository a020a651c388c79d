import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { fromUtf8, toHex, toUtf8 } from '@cosmjs/encoding'
import type { EncodeObject, OfflineDirectSigner } from '@cosmjs/proto-signing'
import { calculateFee, GasPrice, QueryClient, TimeoutError } from '@cosmjs/stargate'
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
import { MsgExecuteContract } from 'cosmjs-types/cosmwasm/wasm/v1/tx'
import type { Logger } from 'pino'
import { abortable } from '../evm/abortable.js'
import { RpcError } from '../evm/errors.js'
import { ChainIdMismatchError } from './errors.js'
import { isRpcFailure } from './isRpcFailure.js'
import type { CosmWasmSource, SourceOutcome, SourceTransaction } from './source.js'

export type CreateRpcSourceParameters = {
  domain: number
  /** CometBFT RPC URLs, tried in order; the last one that answered is tried first. */
  rpcUrls: readonly string[]
  /** The chain id every URL must serve; a URL serving another is skipped. Default: any. */
  chainId?: string | undefined
  signer: OfflineDirectSigner
  /** Gas price of each transaction, e.g. `'0.025stake'`; its denom is the balance read. */
  gasPrice: string
  /** Gas limit = simulated gas × this, at least the call's floor. Default 1.4. */
  gasAdjustment?: number | undefined
  /** How often to look for a broadcast transaction's inclusion. Default 500 ms. */
  broadcastPollIntervalMs?: number | undefined
  /** How long to wait for it before giving up with `RpcError`. Default 60 s. */
  broadcastTimeoutMs?: number | undefined
  /** Timeout of each RPC request. Default 10 s. */
  requestTimeoutMs?: number | undefined
  /** Told when a URL fails and the next is tried. */
  logger?: Logger | undefined
}

type Connection = { comet: CometClient; queries: QueryClient; signing: SigningCosmWasmClient }

const SMART_QUERY = '/cosmwasm.wasm.v1.Query/SmartContractState'
const EXECUTE = '/cosmwasm.wasm.v1.MsgExecuteContract'

/**
 * A wasmd (or any CosmWasm) node over CometBFT RPC as a `CosmWasmSource`, through cosmjs: heads
 * from `status`, hashes from `blockchain`, events from the transaction index (`tx_search` for
 * `<type>._contract_address='…' AND tx.height>=A AND tx.height<=B`), queries at a height through
 * `abci_query` (as far back as the node keeps state), and writes signed by `signer`: simulated,
 * then broadcast with gas `max(simulated × gasAdjustment, gasFloor)`, one at a time (the account
 * sequence is read from the chain for each). A URL that cannot be reached or served is skipped
 * for the next; `RpcError` when none answers. CometBFT's finality is instant: no reorgs.
 *
 * @example
 * const source = await createRpcSource({ domain: 7001, rpcUrls: ['http://127.0.0.1:26657'], signer, gasPrice: '0.025stake' })
 */
export async function createRpcSource({
  domain,
  rpcUrls,
  chainId,
  signer,
  gasPrice,
  gasAdjustment = 1.4,
  broadcastPollIntervalMs = 500,
  broadcastTimeoutMs = 60_000,
  requestTimeoutMs = 10_000,
  logger,
}: CreateRpcSourceParameters): Promise<CosmWasmSource> {
  if (rpcUrls.length === 0) throw new Error(`Domain ${domain}: no RPC URL.`)
  const [account] = await signer.getAccounts()
  if (account === undefined) throw new Error('The signer has no account.')
  const sender = account.address
  const price = GasPrice.fromString(gasPrice)
  const urls = [...rpcUrls]
  const connections = new Map<string, Promise<Connection>>()
  let preferred = 0
  let queue: Promise<unknown> = Promise.resolve()

  async function connect(url: string): Promise<Connection> {
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
    const signing = SigningCosmWasmClient.createWithSigner(comet, signer, {
      broadcastPollIntervalMs,
      broadcastTimeoutMs,
    })
    return { comet, queries: new QueryClient(comet), signing }
  }

  function connectionTo(url: string): Promise<Connection> {
    let connection = connections.get(url)
    if (connection === undefined) {
      connection = connect(url)
      connections.set(url, connection)
      // A failed connection is forgotten, so the next call connects again (the node may be back).
      connection.catch(() => connections.delete(url))
    }
    return connection
  }

  /** Runs `run` on the first URL that can serve it; throws the chain's own errors as they are. */
  async function onEach<value>(
    operation: string,
    run: (connection: Connection) => Promise<value>,
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

  async function blockHash(connection: Connection, height: number): Promise<string | undefined> {
    const { blockMetas } = await connection.comet.blockchain(height, height)
    const meta = blockMetas.find((m) => m.header.height === height)
    return meta === undefined ? undefined : hashOf(meta.blockId.hash)
  }

  function reader(height?: bigint): CosmWasmExecutor {
    return {
      sender,
      execute: () => Promise.reject(new Error('A reader does not execute.')),
      query: (contract, msg) =>
        onEach('query', async ({ queries }) => {
          const request = QuerySmartContractStateRequest.encode({
            address: contract,
            queryData: toUtf8(JSON.stringify(msg)),
          }).finish()
          const { value } = await queries.queryAbci(
            SMART_QUERY,
            request,
            height === undefined ? undefined : Number(height),
          )
          return JSON.parse(fromUtf8(QuerySmartContractStateResponse.decode(value).data))
        }),
    }
  }

  function writer(gasFloor: bigint, record: (outcome: SourceOutcome) => void): CosmWasmExecutor {
    return {
      sender,
      query: reader().query,
      execute: (from, contract, msg, funds = []) => {
        const message: EncodeObject = {
          typeUrl: EXECUTE,
          value: MsgExecuteContract.fromPartial({
            sender: from,
            contract,
            msg: toUtf8(JSON.stringify(msg)),
            funds: [...funds],
          }),
        }
        return onEach('submit', async ({ signing }): Promise<SourceOutcome> => {
          const simulated = await signing.simulate(from, [message], '')
          const gas = BigInt(Math.ceil(simulated * gasAdjustment))
          const limit = gas > gasFloor ? gas : gasFloor
          let result: Awaited<ReturnType<SigningCosmWasmClient['signAndBroadcast']>>
          try {
            result = await signing.signAndBroadcast(
              from,
              [message],
              calculateFee(Number(limit), price),
              '',
            )
          } catch (error) {
            // Broadcast, then not seen in time: it may yet be included, so no other URL may resend it.
            if (error instanceof TimeoutError)
              throw new RpcError({ method: 'broadcast_tx_sync', domain, cause: error })
            throw error
          }
          const outcome: SourceOutcome = {
            transactionHash: result.transactionHash,
            height: result.height,
            events: result.events,
            gasUsed: result.gasUsed,
            ...(result.code === 0
              ? {}
              : { failure: { code: result.code, log: result.rawLog ?? '' } }),
          }
          record(outcome)
          return outcome
        })
      },
    }
  }

  return {
    sender,
    getHead: (signal) =>
      onEach(
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
      return onEach(
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
      onEach(
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
    reader,
    write(gasFloor, write, signal) {
      const run = queue.then(async () => {
        signal?.throwIfAborted()
        let outcome: SourceOutcome | undefined
        const result = await write(
          writer(gasFloor, (recorded) => {
            outcome = recorded
          }),
        )
        if (outcome === undefined) throw new Error('The write executed nothing.')
        return { result, outcome }
      })
      queue = run.catch(() => {})
      return run
    },
    getBalance: (signal) =>
      onEach(
        'getBalance',
        async ({ signing }) => BigInt((await signing.getBalance(sender, price.denom)).amount),
        signal,
      ),
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

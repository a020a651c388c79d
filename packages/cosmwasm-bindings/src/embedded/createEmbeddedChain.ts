import { createHash } from 'node:crypto'
import { CWSimulateApp } from '@oraichain/cw-simulate'
import type { Coin, CosmosEvent, ExecuteOutcome, JsonObject } from '../client/types.js'
import {
  type BlockLog,
  createBlockLog,
  type EmbeddedBlock,
  type EmbeddedBlockHeader,
  type EmbeddedTransaction,
  type EmbeddedTransactionEvents,
} from './blockLog.js'
import { EmbeddedChainError } from './errors.js'
import { fixSimulator } from './simulator/fixSimulator.js'

export type CreateEmbeddedChainParameters = {
  chainId: string
  /** Prefix of every bech32 address on the chain (`wasm`, `osmo`, …). */
  bech32Prefix: string
  /** Balances to start with, by address. */
  accounts?: Readonly<Record<string, readonly Coin[]>> | undefined
  /**
   * Meter the VM's gas (slower). Needed for sub-messages' `gas_limit`s to be enforced: without
   * metering a sub-message runs with unlimited gas.
   */
  metering?: boolean | undefined
  /** With `metering`, the gas limit of each transaction, in the simulator's gas units. */
  gasLimit?: number | undefined
  /** Receives the contracts' `debug` output; dropped when absent. */
  onDebug?: ((message: string) => void) | undefined
  /**
   * How many of its latest blocks the chain keeps, so that a long-running devnet stays bounded:
   * each block's events (`getEvents`) and the state after it (`queryAt`), about 4 KB for a
   * block of one endpoint `send`; the heights an `advance` skips cost nothing. Default 10,000.
   * Older reads fail with `EmbeddedChainError`, as on a pruning node.
   */
  history?: number | undefined
}

export type InstantiateOptions = {
  label?: string | undefined
  admin?: string | undefined
  funds?: readonly Coin[] | undefined
  /**
   * Instantiates at the predictable address of `MsgInstantiateContract2` (1 to 64 bytes):
   * `predictInstantiate2Address({ checksum, creator: sender, salt, bech32Prefix })`, as wasmd
   * computes it (with `fix_msg` false). An address that already holds a contract is an error.
   */
  salt?: Uint8Array | undefined
}

export type InstantiateOutcome = ExecuteOutcome & { readonly contractAddress: string }

/** An in-process CosmWasm chain; see {@link createEmbeddedChain}. */
export type EmbeddedChain = {
  readonly chainId: string
  readonly bech32Prefix: string
  /** The simulator underneath, for what this wrapper does not cover. */
  readonly app: CWSimulateApp
  /** Current block height. */
  readonly height: number
  /** Current block time, unix seconds. */
  readonly time: number
  /** The block at the current height. */
  readonly latestBlock: EmbeddedBlockHeader
  /**
   * The block at `height` with its transactions' events; undefined above the current height.
   * Heights an `advance` skipped are empty blocks. Throws `EmbeddedChainError` below what the
   * chain keeps (`history`).
   *
   * @example
   * ```ts
   * const { hash, time, transactions } = chain.getBlock(chain.height)!
   * ```
   */
  getBlock(height: number): EmbeddedBlock | undefined
  /**
   * The transactions of blocks `fromHeight` to `toHeight` (inclusive, clamped to the head) that
   * emitted events, in order, each with its block's hash; with `type`, only events of that type
   * (`wasm-ferry_message_sent`) and only transactions that emitted one. Throws
   * `EmbeddedChainError` when the range starts below what the chain keeps.
   *
   * @example
   * ```ts
   * for (const tx of chain.getEvents({ fromHeight: 1, toHeight: chain.height, type: 'wasm-ferry_message_sent' }))
   *   console.log(tx.height, tx.transactionHash, tx.events.length)
   * ```
   */
  getEvents(range: {
    fromHeight: number
    toHeight: number
    type?: string | undefined
  }): EmbeddedTransactionEvents[]
  /**
   * `query` against the state as it was after block `height`, as a node's query at a height.
   * Only contract storage travels back: the contract sees the current block in its `Env`, and
   * the queries it makes of other contracts read their current state; balances set with
   * `setBalance` are not blocks. Throws `EmbeddedChainError` above the head or beyond `history`.
   *
   * @example
   * ```ts
   * const before = await chain.queryAt(height - 1, endpoint, { merkle_count: {} })
   * ```
   */
  queryAt(height: number, contract: string, msg: JsonObject): Promise<unknown>
  storeCode(sender: string, wasm: Uint8Array): Promise<number>
  instantiate(
    sender: string,
    codeId: number,
    msg: JsonObject,
    options?: InstantiateOptions,
  ): Promise<InstantiateOutcome>
  execute(
    sender: string,
    contract: string,
    msg: JsonObject,
    funds?: readonly Coin[],
  ): Promise<ExecuteOutcome>
  query(contract: string, msg: JsonObject): Promise<unknown>
  /** Balance of `address` in `denom`, in base units. */
  getBalance(address: string, denom: string): bigint
  /** Sets the balances of `address` (a faucet). */
  setBalance(address: string, coins: readonly Coin[]): void
  /**
   * Opens `blocks` empty blocks (at least one), the last `seconds` later than the current block.
   * Every transaction also opens a block; block time never falls behind the wall clock.
   */
  advance(by: { blocks?: number | undefined; seconds?: number | undefined }): void
}

const NANOS = 1e9

/** What `Contract.query` takes to read contract storage from a past store. */
type StoreSnapshot = Parameters<ReturnType<CWSimulateApp['wasm']['getContract']>['query']>[1]

/**
 * Starts an in-process CosmWasm chain for unit tests and the zero-install devnet:
 * `@oraichain/cw-simulate`, with the fixes of `simulator/` that make it behave as wasmd (failed
 * transactions leave no writes behind, UTF-8 JSON, secp256k1_recover_pubkey error codes, and
 * sub-messages as wasmd runs them: gas limits, reply data, missing contracts). Its `execute` and
 * `query` make it a `CosmWasmExecutor`, so the endpoint actions run on it unchanged. A failed
 * transaction changes nothing and throws `EmbeddedChainError` with the chain's error string.
 * Sub-messages' gas limits are enforced only with `metering: true`. Like a node, it keeps a log
 * of its blocks (hash, time, each transaction's events; bounded by `history`) for indexers, and
 * answers queries at recent heights.
 *
 * @example
 * ```ts
 * const chain = createEmbeddedChain({
 *   chainId: 'ferry-devnet',
 *   bech32Prefix: 'wasm',
 *   accounts: { [alice]: [{ denom: 'ustake', amount: '1000000' }] },
 * })
 * const codeId = await chain.storeCode(alice, wasm)
 * const { contractAddress } = await chain.instantiate(alice, codeId, { count: 0 })
 * const { events, height } = await chain.execute(alice, contractAddress, { increment: {} })
 * chain.advance({ seconds: 3600 })
 * chain.getEvents({ fromHeight: height, toHeight: chain.height }) // [{ height, blockHash, transactionHash, events }]
 * ```
 */
export function createEmbeddedChain(parameters: CreateEmbeddedChainParameters): EmbeddedChain {
  const { chainId, bech32Prefix, onDebug } = parameters
  fixSimulator()
  const app = new CWSimulateApp({
    chainId,
    bech32Prefix,
    metering: parameters.metering ?? false,
    ...(parameters.gasLimit === undefined ? {} : { gasLimit: parameters.gasLimit }),
    debug: (log) => {
      if (log.type === 'print') onDebug?.(log.message)
    },
  })
  for (const [address, coins] of Object.entries(parameters.accounts ?? {}))
    app.bank.setBalance(address, [...coins])
  let transactions = 0
  const blocks: BlockLog = createBlockLog({
    chainId,
    blocks: Math.max(1, parameters.history ?? 10_000),
  })
  const seconds = () => Math.floor(app.time / NANOS)
  /** Records the block the chain just opened, with the state it left. */
  const opened = (transactionsOfBlock: readonly EmbeddedTransaction[]) =>
    blocks.record({
      height: app.height,
      time: seconds(),
      transactions: transactionsOfBlock,
      state: app.store.db.data,
    })
  opened([])
  // The simulator's gas meter counts from its creation; each transaction (and each query, as a
  // node's query gas meter) gets `gasLimit` more.
  const newGasMeter = () => {
    const gas = app.env?.data.gas_state
    if (gas !== undefined && parameters.gasLimit !== undefined)
      gas.gas_limit = gas.externally_used_gas + parameters.gasLimit
  }

  const nextTransactionHash = (sender: string) => {
    transactions += 1
    return createHash('sha256')
      .update(`${chainId}/${app.height}/${transactions}/${sender}`)
      .digest('hex')
      .toUpperCase()
  }

  const outcome = (
    sender: string,
    response: { events: CosmosEvent[]; data: string | null },
  ): ExecuteOutcome => {
    const transactionHash = nextTransactionHash(sender)
    opened([{ hash: transactionHash, events: response.events }])
    return {
      transactionHash,
      height: app.height,
      events: response.events,
      ...(response.data === null ? {} : { data: Buffer.from(response.data, 'base64') }),
    }
  }

  return {
    chainId,
    bech32Prefix,
    app,
    get height() {
      return app.height
    },
    get time() {
      return seconds()
    },
    get latestBlock() {
      const { height, hash, time } = blocks.at(app.height)
      return { height, hash, time }
    },
    getBlock: (height) => blocks.get(height, app.height),
    getEvents: ({ fromHeight, toHeight, type }) =>
      blocks.events(fromHeight, toHeight, app.height, type),
    async queryAt(height, contract, msg) {
      if (height > app.height)
        throw new EmbeddedChainError({
          operation: 'queryAt',
          reason: `height ${height} is above the head (${app.height})`,
        })
      const state = blocks.stateAt(height)
      newGasMeter()
      // CAST: the snapshot is the simulator's own store data (`app.store.db.data`), which
      // `Contract.query` reads contract storage from (cw-simulate's "time travel" queries).
      const result = app.wasm.getContract(contract).query(msg, state as StoreSnapshot)
      if (result.err)
        throw new EmbeddedChainError({ operation: 'queryAt', reason: String(result.val) })
      return result.val
    },
    async storeCode(sender, wasm) {
      const result = app.wasm.storeCode(sender, wasm)
      if (result.err) throw new EmbeddedChainError({ operation: 'storeCode', reason: result.val })
      opened([{ hash: nextTransactionHash(sender), events: [] }])
      return result.val
    },
    async instantiate(sender, codeId, msg, options = {}) {
      newGasMeter()
      const result = await app.wasm.instantiateContract(
        sender,
        [...(options.funds ?? [])],
        codeId,
        msg,
        options.label ?? `contract ${codeId}`,
        options.admin ?? null,
        options.salt ?? null,
      )
      if (result.err) throw new EmbeddedChainError({ operation: 'instantiate', reason: result.val })
      const contractAddress = result.val.events
        .find((event) => event.type === 'instantiate')
        ?.attributes.find((attribute) => attribute.key === '_contract_address')?.value
      if (contractAddress === undefined)
        throw new EmbeddedChainError({ operation: 'instantiate', reason: 'no contract address' })
      return { ...outcome(sender, result.val), contractAddress }
    },
    async execute(sender, contract, msg, funds = []) {
      newGasMeter()
      const result = await app.wasm.executeContract(sender, [...funds], contract, msg)
      if (result.err) throw new EmbeddedChainError({ operation: 'execute', reason: result.val })
      return outcome(sender, result.val)
    },
    async query(contract, msg) {
      newGasMeter()
      const result = app.wasm.query(contract, msg)
      if (result.err)
        throw new EmbeddedChainError({ operation: 'query', reason: String(result.val) })
      return result.val
    },
    getBalance(address, denom) {
      const coin = app.bank.getBalance(address).find((balance) => balance.denom === denom)
      return BigInt(coin?.amount ?? 0)
    },
    setBalance(address, coins) {
      app.bank.setBalance(address, [...coins])
    },
    advance({ blocks: count = 1, seconds: later = 0 }) {
      app.time = Math.max(app.time + later * NANOS, Date.now() * 1e6)
      app.height = app.height + Math.max(1, count)
      opened([])
    },
  }
}

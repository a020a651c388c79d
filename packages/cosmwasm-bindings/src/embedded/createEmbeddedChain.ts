import { createHash } from 'node:crypto'
import { CWSimulateApp } from '@oraichain/cw-simulate'
import type { Coin, CosmosEvent, ExecuteOutcome, JsonObject } from '../client/types.js'
import { EmbeddedChainError } from './errors.js'

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
}

export type InstantiateOptions = {
  label?: string | undefined
  admin?: string | undefined
  funds?: readonly Coin[] | undefined
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
   * Moves the chain on by `blocks` and `seconds`. Every transaction also opens a new block;
   * block time never falls behind the wall clock.
   */
  advance(by: { blocks?: number | undefined; seconds?: number | undefined }): void
}

const NANOS = 1e9

/**
 * Starts an in-process CosmWasm chain for unit tests and the zero-install devnet:
 * `@oraichain/cw-simulate`, with the pnpm patches in the repository's `patches/` (failed
 * transactions leave no writes behind, UTF-8 JSON, secp256k1_recover_pubkey error codes, and
 * sub-messages as wasmd runs them: gas limits, reply data, missing contracts). Its `execute` and
 * `query` make it a `CosmWasmExecutor`, so the endpoint actions run on it unchanged. A failed
 * transaction changes nothing and throws `EmbeddedChainError` with the chain's error string.
 * Sub-messages' gas limits are enforced only with `metering: true`.
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
 * const { events } = await chain.execute(alice, contractAddress, { increment: {} })
 * chain.advance({ seconds: 3600 })
 * ```
 */
export function createEmbeddedChain(parameters: CreateEmbeddedChainParameters): EmbeddedChain {
  const { chainId, bech32Prefix, onDebug } = parameters
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
  // The simulator's gas meter counts from its creation; each transaction (and each query, as a
  // node's query gas meter) gets `gasLimit` more.
  const newGasMeter = () => {
    const gas = app.env?.data.gas_state
    if (gas !== undefined && parameters.gasLimit !== undefined)
      gas.gas_limit = gas.externally_used_gas + parameters.gasLimit
  }

  const outcome = (
    sender: string,
    response: { events: CosmosEvent[]; data: string | null },
  ): ExecuteOutcome => {
    transactions += 1
    const transactionHash = createHash('sha256')
      .update(`${chainId}/${app.height}/${transactions}/${sender}`)
      .digest('hex')
      .toUpperCase()
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
      return Math.floor(app.time / NANOS)
    },
    async storeCode(sender, wasm) {
      const result = app.wasm.storeCode(sender, wasm)
      if (result.err) throw new EmbeddedChainError({ operation: 'storeCode', reason: result.val })
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
    advance({ blocks = 0, seconds = 0 }) {
      if (seconds !== 0) app.time = app.time + seconds * NANOS
      if (blocks !== 0) app.height = app.height + blocks
    },
  }
}

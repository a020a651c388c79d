import { readFileSync } from 'node:fs'
import { CWSimulateApp } from '@oraichain/cw-simulate'
import { fixSimulator } from '../embedded/simulator/fixSimulator.js'
import { DENOM, OWNER, PREFIX } from './accounts.js'
import { type ContractError, contractError } from './contractError.js'
import { wasmPath } from './wasmPath.js'

/** What one execute did: its events and data, or its error's text. */
export type Outcome =
  | { ok: true; events: OutcomeEvent[]; data: string | null }
  | { ok: false; error: string }
/** An event of an outcome, as the VM reports it. */
export type OutcomeEvent = { type: string; attributes: { key: string; value: string }[] }

/** The VM's gas metering, and each transaction's gas limit under it (see `Chain.create`). */
export type ChainOptions = { metering?: boolean; gasLimit?: number }

/**
 * The embedded CosmWasm VM (cw-simulate, patched to run contracts as wasmd does) with the
 * endpoint and the test recipient stored, for testing the endpoint or an app against it in
 * process: instantiate, execute as any account, query, set the time and balances.
 *
 * @example
 * const chain = await Chain.create()
 * const endpoint = await chain.endpoint(7001)
 * const out = await chain.execute(OWNER, endpoint, { pause: {} })
 */
export class Chain {
  readonly app: CWSimulateApp
  endpointCode = 0
  recipientCode = 0

  /** With metering and `gasLimit`, the gas each transaction may use (as a node's per-tx limit). */
  readonly gasLimit: number | undefined

  constructor(options: ChainOptions = {}) {
    // The simulator as wasmd runs contracts (src/embedded/simulator), as createEmbeddedChain has it.
    fixSimulator()
    this.app = new CWSimulateApp({
      chainId: 'ferry-test',
      bech32Prefix: PREFIX,
      metering: options.metering ?? false,
    })
    this.gasLimit = options.gasLimit
  }

  /**
   * `metering` meters the VM's gas, so that sub-messages' gas limits are enforced (the patched
   * simulator, as wasmd); it makes the VM slower, so only the tests about gas turn it on.
   * `gasLimit` (with metering) caps each transaction's gas, in the simulator's units: a handler
   * that needs more than is left runs the whole transaction out of gas, as on a node.
   */
  static async create(options: ChainOptions = {}): Promise<Chain> {
    const chain = new Chain(options)
    chain.endpointCode = chain.app.wasm
      .storeCode(OWNER, readFileSync(wasmPath('endpoint')))
      .unwrap()
    chain.recipientCode = chain.app.wasm
      .storeCode(OWNER, readFileSync(wasmPath('test-recipient')))
      .unwrap()
    chain.app.time = 1_700_000_000 * 1e9
    return chain
  }

  /**
   * A fresh gas meter of `gasLimit` for the next transaction or query (the simulator counts from
   * its start).
   */
  newGasMeter(): void {
    const gas = this.app.env?.data.gas_state
    if (gas !== undefined && this.gasLimit !== undefined)
      gas.gas_limit = gas.externally_used_gas + this.gasLimit
  }

  /** Sets the block time, in seconds. */
  setTime(seconds: number): void {
    this.app.time = seconds * 1e9
  }

  async instantiate(code: number, msg: unknown, label = 'contract'): Promise<string> {
    const res = await this.app.wasm.instantiateContract(OWNER, [], code, msg, label)
    if (res.err) throw new Error(`instantiate failed: ${res.val}`)
    const event = res.val.events.find((e) => e.type === 'instantiate')
    const address = event?.attributes.find((a) => a.key === '_contract_address')?.value
    if (!address) throw new Error('no contract address')
    return address
  }

  async endpoint(localDomain = 7001): Promise<string> {
    return this.instantiate(
      this.endpointCode,
      { local_domain: localDomain, owner: OWNER, denom: DENOM },
      'endpoint',
    )
  }

  async recipient(): Promise<string> {
    return this.instantiate(this.recipientCode, {}, 'recipient')
  }

  /**
   * Places a test recipient at a chosen address (e.g. a vector's recipient), so that messages to
   * it run a handler (without one a delivery is Failed: no such contract).
   */
  recipientAt(address: string): void {
    this.app.wasm.setContractInfo(address, {
      codeId: this.recipientCode,
      creator: OWNER,
      admin: null,
      label: 'recipient',
      created: this.app.height,
    })
  }

  async execute(
    sender: string,
    contract: string,
    msg: unknown,
    funds: { denom: string; amount: string }[] = [],
  ): Promise<Outcome> {
    this.newGasMeter()
    const res = await this.app.wasm.executeContract(sender, funds, contract, msg)
    if (res.err) return { ok: false, error: String(res.val) }
    return { ok: true, events: res.val.events as OutcomeEvent[], data: res.val.data }
  }

  /** Executes and throws unless it succeeded. */
  async must(
    sender: string,
    contract: string,
    msg: unknown,
    funds: { denom: string; amount: string }[] = [],
  ) {
    const out = await this.execute(sender, contract, msg, funds)
    if (!out.ok) throw new Error(`execute failed: ${out.error}`)
    return out
  }

  // The caller names the answer's shape; `unknown` by default so an unnamed answer is only compared.
  query<T = unknown>(contract: string, msg: unknown): T {
    this.newGasMeter()
    const res = this.app.wasm.query(contract, msg)
    if (res.err) throw new Error(String(res.val))
    // CAST: the caller states the shape it expects; a wrong one fails its assertions.
    return res.val as T
  }

  queryError(contract: string, msg: unknown): ContractError | string {
    this.newGasMeter()
    const res = this.app.wasm.query(contract, msg)
    if (!res.err) throw new Error(`query succeeded: ${JSON.stringify(res.val)}`)
    return contractError(String(res.val))
  }

  balance(address: string): bigint {
    const coin = this.app.bank.getBalance(address).find((c) => c.denom === DENOM)
    return BigInt(coin?.amount ?? 0)
  }

  fund(address: string, amount: bigint): void {
    this.app.bank.setBalance(address, [
      { denom: DENOM, amount: (this.balance(address) + amount).toString() },
    ])
  }
}

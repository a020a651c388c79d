// Test harness: builds the contracts when their sources changed (once across parallel test
// files, under a lock directory), and runs them in the embedded CosmWasm VM (cw-simulate).
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parseEndpointError } from '@ferry/cosmwasm-bindings'
import { fixSimulator } from '@ferry/cosmwasm-bindings/embedded'
import { bytes32ToBech32 } from '@ferry/protocol'
import { CWSimulateApp } from '@oraichain/cw-simulate'
import { buildContracts as build, setQuiet } from '../../scripts/buildWasm.ts'

const root = join(import.meta.dirname, '..', '..')
export const wasmPath = (name: string) => join(root, 'build', `${name}.wasm`)

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

function isFresh(): boolean {
  const sources = Math.max(
    newestSource(join(root, 'contract')),
    newestSource(join(root, 'scripts')),
  )
  try {
    return ['endpoint', 'test-recipient', 'ping-pong', 'codec-probe'].every(
      (name) => statSync(wasmPath(name)).mtimeMs > sources,
    )
  } catch {
    return false
  }
}

export async function buildContracts(): Promise<void> {
  if (isFresh()) return
  mkdirSync(join(root, 'build'), { recursive: true })
  const lock = join(root, 'build', '.lock')
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
      if (isFresh()) return
    }
  }
  try {
    if (!isFresh()) {
      setQuiet(true)
      await build()
    }
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** A 0x-prefixed hex string (viem's `Hex`, without depending on viem here). */
export type Hex = `0x${string}`

export const PREFIX = 'wasm'
export const DENOM = 'ustake'

/** A bech32 account address made of one repeated byte (any 20 bytes are a valid account). */
export function account(byte: number): string {
  return bytes32ToBech32(
    `0x${'00'.repeat(12)}${byte.toString(16).padStart(2, '0').repeat(20)}` as Hex,
    PREFIX,
  )
}

export const OWNER = account(0x11)
export const RELAYER = account(0x22)
export const USER = account(0x33)

export type Outcome =
  | { ok: true; events: Event[]; data: string | null }
  | { ok: false; error: string }
export type Event = { type: string; attributes: { key: string; value: string }[] }

export type ChainOptions = { metering?: boolean; gasLimit?: number }

/** The embedded chain with the endpoint and recipients stored. */
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
    await buildContracts()
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
    return { ok: true, events: res.val.events as Event[], data: res.val.data }
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

  // A test names the answer's shape; `unknown` by default so an unnamed answer is only compared.
  query<T = unknown>(contract: string, msg: unknown): T {
    this.newGasMeter()
    const res = this.app.wasm.query(contract, msg)
    if (res.err) throw new Error(String(res.val))
    // CAST: the test states the shape it expects; a wrong one fails its assertions.
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

/** Events of a type, each as a key → value record. */
export function eventsOf(out: Outcome, type: string): Record<string, string>[] {
  if (!out.ok) return []
  return out.events
    .filter((e) => e.type === `wasm-${type}` || e.type === type)
    .map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])))
}

export const b64 = (hex: Hex | string) =>
  Buffer.from(hex.replace(/^0x/, ''), 'hex').toString('base64')
export const text64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** A contract's error as `{ code, ...fields }` (INTERFACE.md "Errors"), read by the client's own parser. */
export type ContractError = { code: string } & Record<string, unknown>

/**
 * The endpoint's error in `text` as `{ code, ...fields }`, so tests assert on the code and the
 * named fields; any other text (a recipient's own error, a VM error) as it is.
 */
export function contractError(text: string): ContractError | string {
  const error = parseEndpointError(new Error(text))
  return error.code === undefined ? text : { code: error.code, ...error.fields }
}

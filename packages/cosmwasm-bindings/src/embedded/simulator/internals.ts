// The parts of `@oraichain/cw-simulate` (and the `@oraichain/cosmwasm-vm-js` it re-exports) that
// the fixes in this folder replace. The simulator ships CommonJS without an `exports` map, so
// its classes are reached by path; the types here describe only what the fixes touch.
import { createRequire } from 'node:module'
import { Environment, Err, GasInfo, Ok, ReplyOn, VMInstance } from '@oraichain/cw-simulate'

const require = createRequire(import.meta.url)

/** A `ts-results` result, as the simulator passes them around. */
export type SimulatorResult = { ok: boolean; err: boolean; val: unknown }

export type SubMsg = {
  id: number
  msg: Record<PropertyKey, unknown>
  gas_limit?: number | string | null
  reply_on: string
  payload?: string
}

export type GasState = { gas_limit: number; externally_used_gas: number }

/** `WasmModule`, the simulator's x/wasm. */
export type WasmModuleInternals = {
  chain: {
    env?: { data: { gas_state: GasState } }
    handleMsg(contract: string, msg: SubMsg['msg'], traces: unknown[]): Promise<SimulatorResult>
    bech32Prefix: string
    height: number
    kvIterStorageRegistry?: unknown
  }
  // biome-ignore lint/suspicious/noExplicitAny: the simulator's store passes a setter to sync and async callbacks alike.
  store: { tx<T>(callback: (setter: any) => T): T }
  lastInstanceId: number
  getContractInfo(address: string): unknown
  setContractInfo(address: string, info: unknown): void
  setContractStorage(address: string, storage: unknown): void
  getCodeInfo(codeId: number): { wasmCode: Uint8Array } | undefined
  instantiateContract(...args: unknown[]): Promise<SimulatorResult>
  reply(contract: string, replyMsg: unknown, traces: unknown[]): Promise<SimulatorResult>
}

const WasmModule = require('@oraichain/cw-simulate/dist/modules/wasm/module.js').WasmModule

export const wasmModulePrototype: Record<PropertyKey, unknown> = WasmModule.prototype

const fromSimulator = createRequire(require.resolve('@oraichain/cw-simulate'))
const { SortedMap, Map: ImmutableMap } = fromSimulator('@oraichain/immutable')
const { BinaryKVIterStorage, compare } = fromSimulator('@oraichain/cosmwasm-vm-js')

/** The empty storage the simulator gives a new contract (its `registerContractInstance`). */
export const emptyContractStorage = (chain: { kvIterStorageRegistry?: unknown }): unknown =>
  chain.kvIterStorageRegistry === BinaryKVIterStorage ? SortedMap(compare) : ImmutableMap()

/** `Contract`, one instantiated contract and its VM. */
export type ContractInternals = {
  _vm?: { backend: { storage: unknown } }
  _wasm: { chain: { kvIterStorageRegistry: new (storage: unknown) => unknown } }
  getStorage(): unknown
}

export const contractPrototype: Record<PropertyKey, unknown> =
  require('@oraichain/cw-simulate/dist/modules/wasm/contract.js').default.prototype

/** The VM instance, from `@oraichain/cosmwasm-vm-js`. */
export type VMInstanceInternals = {
  env?: { processGasInfo(info: unknown): void }
  region(pointer: number): { length: number; data: Uint8Array }
  allocate_bytes(bytes: Uint8Array): { ptr: number }
}

// CAST: the class is exported as a value; its prototype is an object of methods.
export const vmInstancePrototype = VMInstance.prototype as unknown as Record<PropertyKey, unknown>

/**
 * The recovery the simulator itself uses (the `secp256k1` package the VM depends on), so that
 * what a signature recovers to stays exactly the simulator's.
 */
export const ecdsaRecover: (
  signature: Uint8Array,
  recoverParam: number,
  hash: Uint8Array,
  compressed: boolean,
) => Uint8Array = createRequire(
  createRequire(require.resolve('@oraichain/cw-simulate')).resolve('@oraichain/cosmwasm-vm-js'),
)('secp256k1').ecdsaRecover

/** Gas the VM charges for one `secp256k1_recover_pubkey`, as cosmwasm-vm does. */
export const recoverPubkeyGas = (): unknown =>
  GasInfo.with_cost(Environment.gasConfig.secp256k1_recover_pubkey_cost)

// CAST: ts-results' constructors return its own result types, which match SimulatorResult.
export const ok = (value: unknown) => Ok(value) as unknown as SimulatorResult
// CAST: as above.
export const err = (message: string) => Err(message) as unknown as SimulatorResult
export { ReplyOn }

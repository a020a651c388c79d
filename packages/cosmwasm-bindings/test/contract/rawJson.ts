// Sends exact JSON bytes to a contract in cw-simulate, which otherwise serializes every message
// with JSON.stringify (so duplicate keys, malformed numbers or invalid UTF-8 could never arrive).
// Wraps the contract VM's `allocate_json` so a `RawJson` is written to the contract as given.
import {
  type Chain,
  type ContractError,
  contractError,
  type Outcome,
} from '@ferry/cosmwasm-bindings/harness'

export class RawJson {
  readonly bytes: Uint8Array
  constructor(json: string | Uint8Array) {
    this.bytes = typeof json === 'string' ? new TextEncoder().encode(json) : json
  }
}

type Vm = {
  allocate_json(obj: unknown): unknown
  allocate_bytes(bytes: Uint8Array): unknown
  rawJson?: true
}

/** Lets `contract` receive `RawJson` messages (idempotent). */
async function allowRaw(chain: Chain, contract: string): Promise<void> {
  // CAST: cw-simulate's Contract keeps its VM instance in `_vm` after `init()`; the VM writes
  // each argument through `allocate_json` (cosmwasm-vm-js instance.js).
  const instance = (await chain.app.wasm.getContract(contract).init()) as unknown as { _vm: Vm }
  const vm = instance._vm
  if (vm.rawJson) return
  const original = vm.allocate_json.bind(vm)
  vm.allocate_json = (obj: unknown) =>
    obj instanceof RawJson ? vm.allocate_bytes(obj.bytes) : original(obj)
  vm.rawJson = true
}

/** Executes `json` (exact bytes) on `contract`. */
export async function executeRaw(
  chain: Chain,
  sender: string,
  contract: string,
  json: string | Uint8Array,
): Promise<Outcome> {
  await allowRaw(chain, contract)
  return chain.execute(sender, contract, new RawJson(json))
}

/**
 * Queries `contract` with `json` (exact bytes); the error as `contractError` reads it, or '' if it
 * answered.
 */
export async function queryRawError(
  chain: Chain,
  contract: string,
  json: string,
): Promise<ContractError | string> {
  await allowRaw(chain, contract)
  const res = chain.app.wasm.query(contract, new RawJson(json))
  return res.err ? contractError(String(res.val)) : ''
}

import { err, type WasmModuleInternals, wasmModulePrototype } from './internals.js'

/**
 * Fix (f): executing an address that holds no contract is an error result, as wasmd's keeper
 * returns `ErrNoSuchContract`, so a sub-message to it fails as a sub-message (its reply gets the
 * error). The simulator threw instead, out of the whole execution.
 */
export function failExecuteOfMissingContract(): void {
  // CAST: executeContract is a method of WasmModule taking the contract address third.
  const original = wasmModulePrototype.executeContract as (...args: unknown[]) => Promise<unknown>
  wasmModulePrototype.executeContract = function (
    this: WasmModuleInternals,
    ...args: unknown[]
  ): Promise<unknown> {
    const contract = String(args[2])
    if (this.getContractInfo(contract) === undefined)
      return Promise.resolve(err(`no such contract: ${contract}`))
    return original.apply(this, args)
  }
}

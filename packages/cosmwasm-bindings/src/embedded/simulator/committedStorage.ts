import { type ContractInternals, contractPrototype, err } from './internals.js'

// Every entry point of a contract that can change its state.
const ENTRY_POINTS = [
  'instantiate',
  'execute',
  'migrate',
  'sudo',
  'reply',
  'ibc_channel_open',
  'ibc_channel_connect',
  'ibc_channel_close',
  'ibc_packet_receive',
  'ibc_packet_ack',
  'ibc_packet_timeout',
] as const

/**
 * Fix (a): each call of a contract starts from the chain's committed state. The simulator's VM
 * kept the storage of the contract's previous call, so the writes of a call whose transaction
 * was rolled back (a failed execute, a failed sub-message) stayed in it and the next call
 * committed them.
 */
export function startCallsFromCommittedStorage(): void {
  for (const name of ENTRY_POINTS) {
    // CAST: each entry point is a method of Contract.
    const original = contractPrototype[name] as (...args: unknown[]) => unknown
    contractPrototype[name] = function (this: ContractInternals, ...args: unknown[]) {
      const vm = this._vm
      // Without a VM the original answers ContractNotFoundError.
      if (vm) {
        try {
          const Storage = this._wasm.chain.kvIterStorageRegistry
          vm.backend = { ...vm.backend, storage: new Storage(this.getStorage()) }
        } catch (error) {
          return err(error instanceof Error ? error.message : String(error))
        }
      }
      return original.apply(this, args)
    }
  }
}

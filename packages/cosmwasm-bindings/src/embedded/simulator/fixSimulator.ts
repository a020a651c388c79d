import { startCallsFromCommittedStorage } from './committedStorage.js'
import { instantiate2AsWasmd } from './instantiate2.js'
import { contractPrototype } from './internals.js'
import { failExecuteOfMissingContract } from './missingContract.js'
import { failSmartQueriesAsWasmd } from './queryErrors.js'
import { recoverPubkeyAsCosmwasmVm } from './secp256k1Recover.js'
import { dispatchSubmessagesAsWasmd } from './submessages.js'
import { writeStringsAsUtf8 } from './utf8Regions.js'

const FIXED = Symbol.for('ferry.simulatorFixed')

/**
 * Makes `@oraichain/cw-simulate` behave as wasmd does where Ferry's endpoint depends on it, by
 * replacing the simulator's methods that differ (each fix in its own file, (a) to (h), with a
 * regression test in test/vm/simulatorFixes.test.ts). Applied from this package's own code, so
 * that whoever installs `@ferry/cosmwasm-bindings` gets them: a pnpm patch of a dependency is
 * not applied in a consumer's install. Idempotent; `createEmbeddedChain` calls it, and whoever
 * drives a `CWSimulateApp` of their own (this package's contract tests and bench) calls it first.
 *
 * @example
 * ```ts
 * import { fixSimulator } from '@ferry/cosmwasm-bindings/embedded'
 * import { CWSimulateApp } from '@oraichain/cw-simulate'
 *
 * fixSimulator()
 * const app = new CWSimulateApp({ chainId: 'test', bech32Prefix: 'wasm', metering: true })
 * ```
 */
export function fixSimulator(): void {
  if (contractPrototype[FIXED]) return
  startCallsFromCommittedStorage()
  writeStringsAsUtf8()
  recoverPubkeyAsCosmwasmVm()
  dispatchSubmessagesAsWasmd()
  failExecuteOfMissingContract()
  instantiate2AsWasmd()
  failSmartQueriesAsWasmd()
  contractPrototype[FIXED] = true
}

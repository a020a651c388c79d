import type { EvmTestChain } from './deployEvmTestChain.js'
import {
  type CosmWasmTestChain,
  type StartCosmWasmTestChainParameters,
  startCosmWasmTestChain,
} from './startCosmWasmTestChain.js'
import { type StartEvmTestChainParameters, startEvmTestChain } from './startEvmTestChain.js'

/** A chain started by `startTestChain`: `kind` says which. */
export type TestChain = EvmTestChain | CosmWasmTestChain

export type StartTestChainParameters =
  | ({ kind: 'evm' } & StartEvmTestChainParameters)
  | ({ kind: 'cosmwasm' } & StartCosmWasmTestChainParameters)

/**
 * Starts a chain and deploys Ferry and the example apps on it: `kind: 'evm'` a `hardhat node`
 * (`startEvmTestChain`), `kind: 'cosmwasm'` the embedded CosmWasm VM or a wasmd node
 * (`startCosmWasmTestChain`). Connect chains with `connectChains`; `stop()` each.
 *
 * @example
 * const evm = await startTestChain({ kind: 'evm', domain: 31337, blockTimeMs: 100 })
 * const wasm = await startTestChain({ kind: 'cosmwasm', domain: 7001, node: 'embedded' })
 * await connectChains([evm, wasm], { validators, threshold: 2 })
 */
export function startTestChain(
  parameters: { kind: 'evm' } & StartEvmTestChainParameters,
): Promise<EvmTestChain>
export function startTestChain(
  parameters: { kind: 'cosmwasm' } & StartCosmWasmTestChainParameters,
): Promise<CosmWasmTestChain>
export function startTestChain(parameters: StartTestChainParameters): Promise<TestChain>
export function startTestChain(parameters: StartTestChainParameters): Promise<TestChain> {
  return parameters.kind === 'evm'
    ? startEvmTestChain(parameters)
    : startCosmWasmTestChain(parameters)
}

import { readFileSync } from 'node:fs'
import { wasmPath } from '@ferry/cosmwasm-bindings/harness'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import type { CosmWasmTestFees } from '../../src/chains/connectChain.js'
import { connectChains } from '../../src/chains/connectChains.js'
import type { EvmTestChain } from '../../src/chains/deployEvmTestChain.js'
import type { CosmWasmTestChain } from '../../src/chains/startCosmWasmTestChain.js'
import { startTestChain } from '../../src/chains/startTestChain.js'
import { TEST_COSMWASM_ACCOUNTS } from '../../src/keys/testAccounts.js'
import { testValidatorKeys } from '../../src/keys/testValidatorKeys.js'

/** How many of an origin's three test validators must sign its checkpoints. */
const THRESHOLD = 2

/** The round trips' two chains, and the validator keys that sign for each origin. */
export type EvmCosmWasmPair = {
  evm: EvmTestChain
  wasm: CosmWasmTestChain
  /** `THRESHOLD` of `domain`'s test validator keys: what the relay signs its checkpoints with. */
  signers: (domain: number) => Hex[]
  /**
   * Stores the bindings' example app `build/<app>.wasm` and instantiates it, as the CosmWasm owner,
   * on the endpoint (`{ endpoint }`, as the example apps take it); its address.
   */
  instantiateCosmWasmApp: (app: 'ping-pong' | 'htlc') => Promise<string>
  stop: () => Promise<void>
}

/**
 * The kit's EVM test chain (`hardhat node`, domain 31337) and embedded CosmWasm chain (7001),
 * connected both ways: each trusts the other's test validators, two of three signing. With
 * `cosmwasmFees`, the CosmWasm endpoint quotes those instead of the kit's.
 */
export async function startEvmCosmWasmPair({
  cosmwasmFees,
}: {
  cosmwasmFees?: CosmWasmTestFees
} = {}): Promise<EvmCosmWasmPair> {
  const evm = await startTestChain({ kind: 'evm', domain: 31337 })
  const wasm = await startTestChain({ kind: 'cosmwasm', domain: 7001, node: 'embedded' }).catch(
    async (error: unknown) => {
      await evm.stop()
      throw error
    },
  )
  const stop = async () => {
    await evm.stop()
    await wasm.stop()
  }
  try {
    await connectChains([evm, wasm], {
      validators: (domain) => testValidatorKeys(domain).map((key) => privateKeyToAddress(key)),
      threshold: THRESHOLD,
      ...(cosmwasmFees && { fees: { cosmwasm: cosmwasmFees } }),
    })
  } catch (error) {
    await stop()
    throw error
  }
  return {
    evm,
    wasm,
    signers: (domain) => testValidatorKeys(domain).slice(0, THRESHOLD),
    instantiateCosmWasmApp: async (app) => {
      const { owner } = TEST_COSMWASM_ACCOUNTS
      const code = await wasm.executor.storeCode(owner, readFileSync(wasmPath(app)))
      const instantiated = await wasm.executor.instantiate(
        owner,
        code,
        { endpoint: wasm.endpoint },
        { label: app },
      )
      return instantiated.contractAddress
    },
    stop,
  }
}

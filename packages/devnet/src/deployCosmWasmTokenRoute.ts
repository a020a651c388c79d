import {
  connectTokenBridges as connectCosmWasmBridges,
  deployTokenBridge as deployCosmWasmBridge,
} from '@ferry/cosmwasm-bindings/testing'
import {
  connectTokenBridges as connectEvmBridges,
  deployTokenBridge as deployEvmBridge,
} from '@ferry/evm-contracts/testing'
import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import {
  type CosmWasmTestChain,
  type EvmTestChain,
  type EvmTestTokenBridge,
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_DENOM,
} from '@ferry/testkit'

/** The decimals the devnet gives the CosmWasm chain's denom (`ustake`: micro-units). */
const DENOM_DECIMALS = 6
/** The decimals of its ERC-20 on the EVM chain, those of most ERC-20s. */
const EVM_DECIMALS = 18

/** The CosmWasm chain's native denom bridged to an EVM chain, where it is an ERC-20. */
export type CosmWasmTokenRoute = {
  /** On the CosmWasm chain: the native lock bridge of `denom`. */
  cosmwasm: { domain: number; bridge: string; denom: string; decimals: number }
  /** On the EVM chain: the synthetic bridge minting `token`, the denom as an ERC-20. */
  evm: { domain: number } & EvmTestTokenBridge
}

/**
 * Bridges the CosmWasm chain's fee denom to an EVM chain with Ferry's token bridges: on `wasm`
 * a native lock bridge of the denom (6 decimals, its bank funds locked and released), on `evm`
 * a `SyntheticTokenBridge` minting it as an 18-decimal `BridgedToken` ("Bridged Stake",
 * bSTAKE); the route opened both ways without rate limits (the endpoints must be connected:
 * `connectChains`).
 *
 * @example
 * const route = await deployCosmWasmTokenRoute({ wasm, evm: evmA })
 */
export async function deployCosmWasmTokenRoute({
  wasm,
  evm,
}: {
  wasm: CosmWasmTestChain
  evm: EvmTestChain
}): Promise<CosmWasmTokenRoute> {
  const { owner } = TEST_COSMWASM_ACCOUNTS
  const { bridge: wasmBridge } = await deployCosmWasmBridge(wasm.executor, {
    endpoint: wasm.endpoint,
    owner,
    mode: 'native',
    denom: TEST_COSMWASM_DENOM,
    decimals: DENOM_DECIMALS,
  })
  const { bridge, token } = await deployEvmBridge(evm, {
    endpoint: evm.endpoint,
    kind: 'synthetic',
    name: 'Bridged Stake',
    symbol: 'bSTAKE',
    decimals: EVM_DECIMALS,
  })
  await connectCosmWasmBridges(wasm.executor, {
    bridge: wasmBridge,
    owner,
    remote: { domain: evm.domain, bridge: evmAddressToBytes32(bridge), decimals: EVM_DECIMALS },
  })
  await connectEvmBridges(evm, {
    bridge,
    remote: { domain: wasm.domain, bridge: bech32ToBytes32(wasmBridge), decimals: DENOM_DECIMALS },
  })
  return {
    cosmwasm: {
      domain: wasm.domain,
      bridge: wasmBridge,
      denom: TEST_COSMWASM_DENOM,
      decimals: DENOM_DECIMALS,
    },
    evm: { domain: evm.domain, kind: 'synthetic', bridge, token, decimals: EVM_DECIMALS },
  }
}

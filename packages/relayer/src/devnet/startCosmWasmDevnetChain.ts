import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import {
  type CosmWasmDeployer,
  deployEndpoint,
  instantiateTestRecipient,
} from '@ferry/cosmwasm-bindings/testing'
import { DEVNET_COSMWASM_DENOM, DEVNET_COSMWASM_OWNER } from './devnetAccounts.js'
import { startEmbeddedDevnetNode } from './startEmbeddedDevnetNode.js'
import { startWasmdDevnetNode } from './startWasmdDevnetNode.js'

/** Where the devnet's CosmWasm chain runs: how the relayer's and validators' adapters reach it. */
export type CosmWasmDevnetNodeLocation =
  | { type: 'embedded'; chain: EmbeddedChain }
  | {
      type: 'wasmd'
      rpcUrl: string
      /** What each transaction pays per unit of gas, e.g. `0.01ustake`. */
      gasPrice: string
    }

/** A running CosmWasm chain, before anything is deployed on it. */
export type CosmWasmDevnetNode = {
  location: CosmWasmDevnetNodeLocation
  /** Executes as the devnet's owner or user (the actions name which), queries and deploys. */
  deployer: CosmWasmDeployer
  /** Stops the chain and waits for it. */
  stop(): Promise<void>
}

/** The devnet's CosmWasm chain, with Ferry's endpoint and a test recipient deployed. */
export type CosmWasmDevnetChain = {
  kind: 'cosmwasm'
  name: string
  domain: number
  chainId: string
  node: CosmWasmDevnetNodeLocation
  /** Executes as the devnet's owner or user (the actions name which), and queries. */
  executor: CosmWasmDeployer
  /** The endpoint, bech32. */
  endpoint: string
  apps: { testRecipient: string }
  /** Stops the block ticker, or the wasmd node. */
  stop(): Promise<void>
}

/**
 * Starts the devnet's CosmWasm chain, chain id `ferry-devnet-<domain>`: the embedded chain (a
 * real CosmWasm VM running the compiled endpoint wasm, in this process) or, given a wasmd
 * binary (`buildWasmd`), a wasmd node on 127.0.0.1; then deploys the endpoint and a test
 * recipient, owned by the devnet's CosmWasm owner.
 *
 * @example
 * const wasm = await startCosmWasmDevnetChain({ name: 'wasm', domain: 7001, blockTimeMs: 500 })
 */
export async function startCosmWasmDevnetChain({
  name,
  domain,
  blockTimeMs,
  wasmdBinary,
}: {
  name: string
  domain: number
  blockTimeMs: number
  /** Run a wasmd node with this binary rather than the embedded chain. */
  wasmdBinary?: string | undefined
}): Promise<CosmWasmDevnetChain> {
  const chainId = `ferry-devnet-${domain}`
  const node =
    wasmdBinary === undefined
      ? startEmbeddedDevnetNode({ chainId, blockTimeMs })
      : await startWasmdDevnetNode({ chainId, blockTimeMs, binary: wasmdBinary })
  try {
    const { deployer } = node
    const endpoint = await deployEndpoint(deployer, {
      domain,
      owner: DEVNET_COSMWASM_OWNER,
      denom: DEVNET_COSMWASM_DENOM,
    })
    const testRecipient = await instantiateTestRecipient(deployer, {
      sender: DEVNET_COSMWASM_OWNER,
    })
    return {
      kind: 'cosmwasm',
      name,
      domain,
      chainId,
      node: node.location,
      executor: deployer,
      endpoint,
      apps: { testRecipient },
      stop: node.stop,
    }
  } catch (error) {
    await node.stop()
    throw error
  }
}

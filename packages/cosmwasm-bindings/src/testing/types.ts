import type { CosmWasmExecutor, JsonObject } from '../client/types.js'

/**
 * What deploying needs from a chain on top of executing and querying: storing code and
 * instantiating it. The embedded chain is one as it is; a node's `SigningCosmWasmClient`
 * through {@link deployerFromSigningClient}. The testing helpers take one, so the same helper
 * deploys to either.
 *
 * @example
 * ```ts
 * const deployer: CosmWasmDeployer = createEmbeddedChain({ chainId: 'local', bech32Prefix: 'wasm' })
 * const codeId = await deployer.storeCode(owner, wasm)
 * const { contractAddress } = await deployer.instantiate(owner, codeId, {}, { label: 'app' })
 * ```
 */
export type CosmWasmDeployer = CosmWasmExecutor & {
  /** Stores `wasm` as `sender`; resolves with its code id. */
  storeCode(sender: string, wasm: Uint8Array): Promise<number>
  /** Instantiates `codeId` as `sender`; resolves with the new contract's address. */
  instantiate(
    sender: string,
    codeId: number,
    msg: JsonObject,
    options: { label: string },
  ): Promise<{ readonly contractAddress: string }>
}

import { storeCodeOnce } from './storeCodeOnce.js'
import type { CosmWasmDeployer } from './types.js'

export type DeployEndpointParameters = {
  /** The endpoint's own domain (`local_domain`). */
  domain: number
  /** Owner, and at first fee manager and fee collector; also stores the code and instantiates. */
  owner: string
  /** The native denom fees are paid in. */
  denom: string
  /** Default `ferry endpoint <domain>`. */
  label?: string | undefined
}

/** The endpoint contract's bech32 address. */
export type DeployEndpointReturnType = string

/**
 * Instantiates a Ferry endpoint (INTERFACE.md, Instantiate) on an embedded chain or, through
 * `deployerFromSigningClient`, a node, storing the package's `endpoint.wasm` the first time the
 * deployer is used. Connect it to its origins with {@link connectOrigin} and give it fee configs
 * with {@link setFeeConfigs}.
 *
 * @example
 * ```ts
 * const chain = createEmbeddedChain({ chainId: 'ferry-devnet', bech32Prefix: 'wasm' })
 * const endpoint = await deployEndpoint(chain, { domain: 7001, owner, denom: 'ustake' })
 * ```
 */
export async function deployEndpoint(
  deployer: CosmWasmDeployer,
  { domain, owner, denom, label }: DeployEndpointParameters,
): Promise<DeployEndpointReturnType> {
  const codeId = await storeCodeOnce(deployer, owner, 'endpoint')
  const { contractAddress } = await deployer.instantiate(
    owner,
    codeId,
    { local_domain: domain, owner, denom },
    { label: label ?? `ferry endpoint ${domain}` },
  )
  return contractAddress
}

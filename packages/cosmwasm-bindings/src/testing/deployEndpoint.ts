import type { EmbeddedChain } from '../embedded/createEmbeddedChain.js'
import { storeCodeOnce } from './storeCodeOnce.js'

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
 * Instantiates a Ferry endpoint on an embedded chain (INTERFACE.md, Instantiate), storing the
 * package's `endpoint.wasm` the first time it is used on that chain. Connect it to its origins
 * with {@link connectOrigin} and give it fee configs with {@link setFeeConfigs}.
 *
 * @example
 * ```ts
 * const chain = createEmbeddedChain({ chainId: 'ferry-devnet', bech32Prefix: 'wasm' })
 * const endpoint = await deployEndpoint(chain, { domain: 7001, owner, denom: 'ustake' })
 * ```
 */
export async function deployEndpoint(
  chain: EmbeddedChain,
  { domain, owner, denom, label }: DeployEndpointParameters,
): Promise<DeployEndpointReturnType> {
  const codeId = await storeCodeOnce(chain, owner, 'endpoint')
  const { contractAddress } = await chain.instantiate(
    owner,
    codeId,
    { local_domain: domain, owner, denom },
    { label: label ?? `ferry endpoint ${domain}` },
  )
  return contractAddress
}

import { storeCodeOnce } from './storeCodeOnce.js'
import type { CosmWasmDeployer } from './types.js'

export type DeployHtlcParameters = {
  /** The chain's Ferry endpoint. */
  endpoint: string
  /** Owner of the HTLC (it sets the peers); also stores the code and instantiates. */
  owner: string
}

/**
 * Instantiates the HTLC (`build/htlc.wasm`, spec/apps/htlc.md) on `endpoint`, storing its code
 * the first time the deployer is used, and returns its address. Name its peers with
 * `{ set_peer: { domain, peer } }` as `owner`.
 *
 * @example
 * const htlc = await deployHtlc(chain, { endpoint, owner })
 */
export async function deployHtlc(
  deployer: CosmWasmDeployer,
  { endpoint, owner }: DeployHtlcParameters,
): Promise<string> {
  const code = await storeCodeOnce(deployer, owner, 'htlc')
  const { contractAddress } = await deployer.instantiate(
    owner,
    code,
    { endpoint },
    { label: 'ferry htlc' },
  )
  return contractAddress
}

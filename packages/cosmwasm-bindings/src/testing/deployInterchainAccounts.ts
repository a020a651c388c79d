import { storeCodeOnce } from './storeCodeOnce.js'
import type { CosmWasmDeployer } from './types.js'

export type DeployInterchainAccountsParameters = {
  /** The chain's Ferry endpoint. */
  endpoint: string
  /** Owner of the router and the factory; also stores the codes and instantiates. */
  owner: string
  /** An existing factory to put the new router in charge of (a router replacement); default: a new one. */
  factory?: string | undefined
}

export type DeployInterchainAccountsReturnType = { router: string; factory: string }

/**
 * Deploys the interchain-account factory (or reuses `factory`) and a router on `endpoint`
 * (INTERFACE.md, Interchain accounts), storing the package's three `ica-*.wasm` codes the first
 * time the deployer is used, and names the router in the factory. Peer the routers of two
 * chains with {@link connectInterchainAccounts}.
 *
 * @example
 * ```ts
 * const { router, factory } = await deployInterchainAccounts(chain, { endpoint, owner })
 * ```
 */
export async function deployInterchainAccounts(
  deployer: CosmWasmDeployer,
  { endpoint, owner, factory: existing }: DeployInterchainAccountsParameters,
): Promise<DeployInterchainAccountsReturnType> {
  // One after the other: on a node, one account's transactions must go in sequence order.
  const routerCode = await storeCodeOnce(deployer, owner, 'ica-router')
  const factoryCode = await storeCodeOnce(deployer, owner, 'ica-factory')
  const accountCode = await storeCodeOnce(deployer, owner, 'ica-account')
  const factory =
    existing ??
    (
      await deployer.instantiate(
        owner,
        factoryCode,
        { account_code_id: accountCode, owner },
        { label: 'ferry interchain account factory' },
      )
    ).contractAddress
  const { contractAddress: router } = await deployer.instantiate(
    owner,
    routerCode,
    { endpoint, owner, factory },
    { label: 'ferry interchain account router' },
  )
  await deployer.execute(owner, factory, { set_router: { router } })
  return { router, factory }
}

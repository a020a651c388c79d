import type { Address } from 'viem'
import {
  interchainAccountFactoryAbi,
  interchainAccountFactoryBytecode,
} from '../generated/interchainAccountFactory.js'
import {
  interchainAccountRouterAbi,
  interchainAccountRouterBytecode,
} from '../generated/interchainAccountRouter.js'
import { accountOf, deploy, type FerryChainClients, write } from './internal/transactions.js'

export type DeployInterchainAccountsParameters = {
  /** The chain's Ferry endpoint. */
  endpoint: Address
  /** An existing factory to put the new router in charge of (a router replacement); default: a new one. */
  factory?: Address
}

export type InterchainAccountsDeployment = {
  router: Address
  factory: Address
  /** The implementation every account is a clone of. */
  implementation: Address
}

/**
 * Deploys an `InterchainAccountFactory` (or reuses `factory`) and an `InterchainAccountRouter` on
 * `endpoint`, owned by the wallet's account, and names the router in the factory. Peer the
 * routers of two chains with `connectInterchainAccounts`. Throws `SetupRevertedError` when a
 * transaction reverts.
 *
 * @example
 * const a = await deployInterchainAccounts(chainA, { endpoint: ferryA.endpoint })
 */
export async function deployInterchainAccounts(
  chain: FerryChainClients,
  { endpoint, factory: existing }: DeployInterchainAccountsParameters,
): Promise<InterchainAccountsDeployment> {
  const { client, wallet } = chain
  const owner = accountOf(wallet)
  const factory =
    existing ??
    (await deploy(chain, 'InterchainAccountFactory', () =>
      wallet.deployContract({
        abi: interchainAccountFactoryAbi,
        bytecode: interchainAccountFactoryBytecode,
        args: [owner.address],
        account: owner,
        chain: wallet.chain,
      }),
    ))
  const router = await deploy(chain, 'InterchainAccountRouter', () =>
    wallet.deployContract({
      abi: interchainAccountRouterAbi,
      bytecode: interchainAccountRouterBytecode,
      args: [endpoint, factory, owner.address],
      account: owner,
      chain: wallet.chain,
    }),
  )
  await write(chain, () =>
    wallet.writeContract({
      address: factory,
      abi: interchainAccountFactoryAbi,
      functionName: 'setRouter',
      args: [router],
      account: owner,
      chain: wallet.chain,
    }),
  )
  const implementation = await client.readContract({
    address: factory,
    abi: interchainAccountFactoryAbi,
    functionName: 'implementation',
  })
  return { router, factory, implementation }
}

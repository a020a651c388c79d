import { evmAddressToBytes32 } from '@ferry/protocol'
import { type Address, type Hex, size } from 'viem'
import { interchainAccountRouterAbi } from '../generated/interchainAccountRouter.js'
import { accountOf, type FerryChainClients, write } from './internal/transactions.js'

export type ConnectInterchainAccountsParameters = {
  /** The local router (an `InterchainAccountRouter` the wallet's account owns). */
  router: Address
  /**
   * The peer router: its domain and address, an EVM address or bytes32 for any chain's router
   * (`bech32ToBytes32` for a CosmWasm one).
   */
  remote: { domain: number; router: Hex }
}

/**
 * Makes `router` send to, and accept batches and acks from, the router on `remote.domain`. Do it
 * on both chains (the endpoints must be connected too: `connectEndpoints`). Throws
 * `SetupRevertedError` when the transaction reverts.
 *
 * @example
 * await connectInterchainAccounts(chainA, { router: a.router, remote: { domain: 31338, router: b.router } })
 */
export async function connectInterchainAccounts(
  chain: FerryChainClients,
  { router, remote }: ConnectInterchainAccountsParameters,
): Promise<void> {
  const { wallet } = chain
  const peer = size(remote.router) === 20 ? evmAddressToBytes32(remote.router) : remote.router
  await write(chain, () =>
    wallet.writeContract({
      address: router,
      abi: interchainAccountRouterAbi,
      functionName: 'setPeer',
      args: [remote.domain, peer],
      account: accountOf(wallet),
      chain: wallet.chain,
    }),
  )
}

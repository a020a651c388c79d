import { evmAddressToBytes32, evmChainInterop } from '@ferry/protocol'
import { type Address, type Hex, size } from 'viem'
import { ferryGatewayAbi } from '../generated/ferryGateway.js'
import { accountOf, type FerryChainClients, write } from './internal/transactions.js'

export type ConnectGatewaysParameters = {
  /** The local gateway (a `FerryGateway` the wallet's account owns). */
  gateway: Address
  /**
   * The gateway on `remote.domain`: an EVM address or bytes32 for any chain's gateway, and the
   * ERC-7930 chain-only address naming that chain (default: `eip155:<domain>`).
   */
  remote: { domain: number; gateway: Hex; chain?: Hex }
}

/**
 * Makes `gateway` send to, and accept messages and acks from, the gateway on `remote.domain`:
 * maps the domain to its ERC-7930 chain and sets the peer. Do it on both chains (the endpoints
 * must be connected too: `connectEndpoints`). Throws `SetupRevertedError` when a transaction
 * reverts.
 *
 * @example
 * await connectGateways(chainA, { gateway: gatewayA, remote: { domain: 31338, gateway: gatewayB } })
 */
export async function connectGateways(
  chain: FerryChainClients,
  { gateway, remote }: ConnectGatewaysParameters,
): Promise<void> {
  const { wallet } = chain
  const account = accountOf(wallet)
  const peer = size(remote.gateway) === 20 ? evmAddressToBytes32(remote.gateway) : remote.gateway
  await write(chain, () =>
    wallet.writeContract({
      address: gateway,
      abi: ferryGatewayAbi,
      functionName: 'setChain',
      args: [remote.domain, remote.chain ?? evmChainInterop(remote.domain)],
      account,
      chain: wallet.chain,
    }),
  )
  await write(chain, () =>
    wallet.writeContract({
      address: gateway,
      abi: ferryGatewayAbi,
      functionName: 'setPeer',
      args: [remote.domain, peer],
      account,
      chain: wallet.chain,
    }),
  )
}

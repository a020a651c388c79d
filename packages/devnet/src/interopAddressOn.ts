import { ferryGatewayAbi } from '@ferry/evm-contracts'
import type { EvmTestChain } from '@ferry/testkit'
import { type Address, concatHex, type Hex, size, slice, toHex } from 'viem'

/**
 * `account` on `domain` as an ERC-7930 address, with the chain named exactly as `chain`'s
 * gateway names it (its `chainOf(domain)`): OpenZeppelin's crosschain contracts compare a
 * sender's bytes with the counterpart they were given, so both must come from the gateway's map
 * (spec/apps/erc7786-gateway.md §3). Throws when the gateway maps no chain to `domain`.
 *
 * @example
 * const counterpart = await interopAddressOn(evmA, evmB.domain, tokenOnB) // eip155:31338 + address
 */
export async function interopAddressOn(
  chain: EvmTestChain,
  domain: number,
  account: Address,
): Promise<Hex> {
  const gateway = chain.apps.gateway
  if (gateway === undefined) throw new Error(`devnet: ${chain.name} has no ERC-7786 gateway`)
  const chainOnly = await chain.client.readContract({
    address: gateway,
    abi: ferryGatewayAbi,
    functionName: 'chainOf',
    args: [domain],
  })
  if (size(chainOnly) === 0)
    throw new Error(`devnet: ${chain.name}'s gateway maps no chain to domain ${domain}`)
  // A chain-only address ends with its address length, 0: put the address there instead.
  return concatHex([
    slice(chainOnly, 0, size(chainOnly) - 1),
    toHex(size(account), { size: 1 }),
    account,
  ])
}

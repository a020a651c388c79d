// Reading and minting the devnet's ERC-20s, for the demo's transfers and what it prints.

import { CosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { ozTestTokenAbi } from '@ferry/evm-contracts'
import type { CosmWasmTestChain, EvmTestChain } from '@ferry/testkit'
import { type Address, erc20Abi, formatUnits } from 'viem'
import { confirm, deployerOf } from './evmTransactions.js'

/** `holder`'s balance of the ERC-20 `token` on `chain`, in its base units. */
export function tokenBalance(
  chain: EvmTestChain,
  token: Address,
  holder: Address,
): Promise<bigint> {
  return chain.client.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [holder],
  })
}

/** `holder`'s bank balance of `denom` on the CosmWasm `chain`. */
export async function bankBalance(
  chain: CosmWasmTestChain,
  holder: string,
  denom: string,
): Promise<bigint> {
  if (chain.node.type === 'embedded') return chain.node.chain.getBalance(holder, denom)
  const client = await CosmWasmClient.connect(chain.node.rpcUrl)
  try {
    return BigInt((await client.getBalance(holder, denom)).amount)
  } finally {
    client.disconnect()
  }
}

/** Mints `amount` of the test ERC-20 `token` (anyone may) to the deployer of `chain`. */
export async function mintTestToken(
  chain: EvmTestChain,
  token: Address,
  amount: bigint,
): Promise<void> {
  const account = deployerOf(chain)
  await confirm(
    chain,
    'mint',
    chain.wallet.writeContract({
      address: token,
      abi: ozTestTokenAbi,
      functionName: 'mint',
      args: [account.address, amount],
      account,
      chain: chain.wallet.chain,
    }),
  )
}

/** A formatter of `token`'s base units as whole tokens with its symbol (`1.5 TT`). */
export async function tokenFormatter(
  chain: EvmTestChain,
  token: Address,
): Promise<(amount: bigint) => string> {
  const read = (functionName: 'symbol' | 'decimals') =>
    chain.client.readContract({ address: token, abi: erc20Abi, functionName })
  const [symbol, decimals] = [await read('symbol'), await read('decimals')]
  return (amount) => `${formatUnits(amount, Number(decimals))} ${String(symbol)}`
}

// The swap actions' test setup: a HashedTimelock on each of the test world's chains (both EVM
// endpoints and the embedded CosmWasm chain), every pair set as peers, and a Ferry client over
// the world's chains with `htlc` set. Additive to the world: the other actions' tests never
// deploy these.
import { readFileSync } from 'node:fs'
import { wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { hashedTimelockAbi, hashedTimelockBytecode } from '@ferry/evm-contracts'
import { bech32ToBytes32, evmAddressToBytes32 } from '@ferry/protocol'
import { TEST_COSMWASM_ACCOUNTS } from '@ferry/testkit'
import type { Address, Hex } from 'viem'
import { createFerryClient } from '../client/createFerryClient.js'
import type { World } from './world.js'

export async function deploySwapHtlcs(world: World) {
  const { evmA, evmB, wasm } = world
  const { owner } = TEST_COSMWASM_ACCOUNTS
  const deployEvm = async (chain: World['evmA']): Promise<Address> => {
    const account = chain.wallet.account
    if (account === undefined) throw new Error('the world’s EVM wallets have an account')
    const hash = await chain.wallet.deployContract({
      abi: hashedTimelockAbi,
      bytecode: hashedTimelockBytecode,
      args: [chain.endpoint, account.address],
      account,
      chain: chain.wallet.chain,
    })
    const { contractAddress } = await chain.client.waitForTransactionReceipt({ hash })
    if (!contractAddress) throw new Error(`HashedTimelock not deployed (${hash})`)
    return contractAddress
  }
  const htlcA = await deployEvm(evmA)
  const htlcB = await deployEvm(evmB)
  const code = await wasm.executor.storeCode(owner, readFileSync(wasmPath('htlc')))
  const { contractAddress: htlcW } = await wasm.executor.instantiate(
    owner,
    code,
    { endpoint: wasm.endpoint },
    { label: 'ferry htlc' },
  )

  const peers: { domain: number; peer: Hex }[] = [
    { domain: evmA.domain, peer: evmAddressToBytes32(htlcA) },
    { domain: evmB.domain, peer: evmAddressToBytes32(htlcB) },
    { domain: wasm.domain, peer: bech32ToBytes32(htlcW) },
  ]
  for (const [chain, htlc] of [
    [evmA, htlcA],
    [evmB, htlcB],
  ] as const)
    for (const { domain, peer } of peers.filter(({ domain }) => domain !== chain.domain)) {
      const hash = await chain.wallet.writeContract({
        address: htlc,
        abi: hashedTimelockAbi,
        functionName: 'setPeer',
        args: [domain, peer],
        account: chain.wallet.account ?? null,
        chain: chain.wallet.chain,
      })
      await chain.client.waitForTransactionReceipt({ hash })
    }
  for (const { domain, peer } of peers.filter(({ domain }) => domain !== wasm.domain))
    await wasm.executor.execute(owner, htlcW, { set_peer: { domain, peer } })

  const [a, b, w] = world.client.chains
  const client = createFerryClient({
    chains: [
      { ...a, htlc: htlcA },
      { ...b, htlc: htlcB },
      { ...w, htlc: htlcW },
    ] as const,
  })
  return { client, htlcs: { evmA: htlcA, evmB: htlcB, wasm: htlcW } }
}

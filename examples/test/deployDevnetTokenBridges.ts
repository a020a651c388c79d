// The devnet deploys no token bridge yet: the examples' test deploys a pair on its EVM chains, as
// an operator would, with `@ferry/evm-contracts/testing`: on evm-a a CollateralTokenBridge
// locking a new 18-decimal test ERC-20, on evm-b a SyntheticTokenBridge issuing a 6-decimal
// token, both routes open, and the holder (a key) given tokens and its approval of the lock bridge.
import { bridgedTokenAbi, ozTestTokenAbi, ozTestTokenBytecode } from '@ferry/evm-contracts'
import { connectTokenBridges, deployTokenBridge } from '@ferry/evm-contracts/testing'
import type { DevnetFile, DevnetFileEvmChain } from '@ferry/sdk'
import { HARDHAT_KEYS } from '@ferry/testkit'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  type Hex,
  http,
  maxUint256,
} from 'viem'
import { privateKeyToAccount, privateKeyToAddress } from 'viem/accounts'

/** Hardhat's account #4: no devnet process signs with it, so its nonces are the test's own. */
const OPERATOR = HARDHAT_KEYS[4]

function clientsOf(file: DevnetFile, name: string, key: Hex) {
  const chain = file.chains.find(
    (c): c is DevnetFileEvmChain => c.kind === 'evm' && c.name === name,
  )
  if (!chain) throw new Error(`the devnet has no EVM chain ${name}`)
  const viemChain = defineChain({
    id: chain.chainId,
    name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [chain.rpcUrl] } },
  })
  const transport = http(chain.rpcUrl)
  return {
    chain,
    client: createPublicClient({ chain: viemChain, transport }),
    wallet: createWalletClient({ account: privateKeyToAccount(key), chain: viemChain, transport }),
  }
}

/**
 * Deploys and connects the pair, mints `minted` test tokens to the holder's account (which
 * approves the lock bridge), and reads both sides' balances.
 *
 * @example
 * const { lockBridge, balances } = await deployDevnetTokenBridges(devnet.file, { holderKey })
 */
export async function deployDevnetTokenBridges(
  file: DevnetFile,
  { holderKey }: { holderKey: Hex },
) {
  const a = clientsOf(file, 'evm-a', OPERATOR)
  const b = clientsOf(file, 'evm-b', OPERATOR)
  const mined = async (chain: typeof a, hash: Promise<Hex>) =>
    chain.client.waitForTransactionReceipt({ hash: await hash })
  const deployed = await mined(
    a,
    a.wallet.deployContract({ abi: ozTestTokenAbi, bytecode: ozTestTokenBytecode }),
  )
  const token = deployed.contractAddress
  if (!token) throw new Error('the test token was not deployed')
  const lock = await deployTokenBridge(a, {
    endpoint: a.chain.endpoint as Address,
    kind: 'collateral',
    token,
  }) // CAST: the devnet file's endpoint, an address
  const mint = await deployTokenBridge(b, {
    endpoint: b.chain.endpoint as Address, // CAST: the devnet file's endpoint, an address
    kind: 'synthetic',
    name: 'Bridged Test Token',
    symbol: 'bTT',
    decimals: 6,
  })
  await connectTokenBridges(a, {
    bridge: lock.bridge,
    remote: { domain: b.chain.domain, bridge: mint.bridge, decimals: 6 },
  })
  await connectTokenBridges(b, {
    bridge: mint.bridge,
    remote: { domain: a.chain.domain, bridge: lock.bridge, decimals: 18 },
  })
  const minted = 100n * 10n ** 18n
  const asHolder = clientsOf(file, 'evm-a', holderKey)
  const holder = privateKeyToAddress(holderKey)
  await mined(
    a,
    a.wallet.writeContract({
      address: token,
      abi: ozTestTokenAbi,
      functionName: 'mint',
      args: [holder, minted],
    }),
  )
  await mined(
    asHolder,
    asHolder.wallet.writeContract({
      address: token,
      abi: ozTestTokenAbi,
      functionName: 'approve',
      args: [lock.bridge, maxUint256],
    }),
  )
  const balanceOf = (chain: typeof a, of: Address, owner: Address) =>
    chain.client.readContract({
      address: of,
      abi: bridgedTokenAbi,
      functionName: 'balanceOf',
      args: [owner],
    })
  return {
    lockBridge: lock.bridge,
    minted,
    /** `owner`'s test tokens on evm-a and bridged tokens on evm-b. */
    balances: async (owner: Address) => ({
      origin: await balanceOf(a, token, owner),
      destination: await balanceOf(b, mint.token, owner),
    }),
  }
}

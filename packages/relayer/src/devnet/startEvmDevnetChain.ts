import {
  pingPongAbi,
  pingPongBytecode,
  revertingRecipientAbi,
  revertingRecipientBytecode,
  testRecipientAbi,
  testRecipientBytecode,
} from '@ferry/evm-contracts'
import { deployFerry, type HardhatNode, startHardhatNode } from '@ferry/evm-contracts/testing'
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  nonceManager,
  type PublicClient,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { DEVNET_DEPLOYER_KEY } from './devnetAccounts.js'

/** One EVM chain of the devnet: a `hardhat node` with Ferry and the example apps deployed. */
export type EvmDevnetChain = {
  kind: 'evm'
  name: string
  domain: number
  node: HardhatNode
  rpcUrl: string
  client: PublicClient
  /** The deployer's wallet. */
  wallet: WalletClient
  endpoint: Address
  verifier: Address
  apps: { pingPong: Address; testRecipient: Address; revertingRecipient: Address }
}

/**
 * Starts `hardhat node` on 127.0.0.1 for `domain` (its chain id), mining every transaction at
 * once and an empty block every `blockTimeMs` (finality needs blocks to keep coming), and
 * deploys the endpoint, the multisig verifier, PingPong, a TestRecipient and a
 * RevertingRecipient. Connect chains with `connectDevnetChains`.
 *
 * @example
 * const chain = await startEvmDevnetChain({ name: 'evm-a', domain: 31337, blockTimeMs: 500 })
 */
export async function startEvmDevnetChain({
  name,
  domain,
  blockTimeMs,
}: {
  name: string
  domain: number
  blockTimeMs: number
}): Promise<EvmDevnetChain> {
  const node = await startHardhatNode({ chainId: domain })
  try {
    const chain = {
      id: domain,
      name,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [node.rpcUrl] } },
    } as const
    const client = createPublicClient({ chain, transport: http(node.rpcUrl), pollingInterval: 100 })
    const account = privateKeyToAccount(DEVNET_DEPLOYER_KEY, { nonceManager })
    const wallet = createWalletClient({ chain, transport: http(node.rpcUrl), account })
    const { endpoint, verifier } = await deployFerry({ client, wallet }, { domain })
    const deploy = async (abi: Abi, bytecode: Hex, args: readonly unknown[] = []) => {
      const hash = await wallet.deployContract({ abi, bytecode, args, account, chain })
      const { contractAddress } = await client.waitForTransactionReceipt({ hash })
      if (!contractAddress)
        throw new Error(`devnet: deploying on ${name} (${hash}) created no contract`)
      return contractAddress
    }
    const apps = {
      pingPong: await deploy(pingPongAbi, pingPongBytecode, [endpoint, account.address]),
      testRecipient: await deploy(testRecipientAbi, testRecipientBytecode),
      revertingRecipient: await deploy(revertingRecipientAbi, revertingRecipientBytecode),
    }
    // PingPong pays for the pong it sends from its handler.
    await client.waitForTransactionReceipt({
      hash: await wallet.sendTransaction({ to: apps.pingPong, value: 10n ** 18n, account, chain }),
    })
    await client.request({ method: 'evm_setIntervalMining', params: [blockTimeMs] } as never)
    return {
      kind: 'evm',
      name,
      domain,
      node,
      rpcUrl: node.rpcUrl,
      client,
      wallet,
      endpoint,
      verifier,
      apps,
    }
  } catch (error) {
    await node.stop()
    throw error
  }
}

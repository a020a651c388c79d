import {
  hashedTimelockAbi,
  hashedTimelockBytecode,
  ozTestTokenAbi,
  ozTestTokenBytecode,
  pingPongAbi,
  pingPongBytecode,
  remoteCallTargetAbi,
  remoteCallTargetBytecode,
  revertingRecipientAbi,
  revertingRecipientBytecode,
  testRecipientAbi,
  testRecipientBytecode,
} from '@ferry/evm-contracts'
import {
  DeploymentFailedError,
  deployFerry,
  deployGateway,
  deployInterchainAccounts,
  deployTokenBridge,
  SetupRevertedError,
} from '@ferry/evm-contracts/testing'
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createNonceManager, jsonRpc } from 'viem/nonce'
import { TEST_DEPLOYER_KEY } from '../keys/testAccounts.js'

/** An EVM chain with Ferry and the example apps deployed, as `startTestChain` returns it. */
export type EvmTestChain = {
  kind: 'evm'
  name: string
  /** The endpoint's domain. */
  domain: number
  chainId: number
  rpcUrl: string
  client: PublicClient
  /** The deployer's wallet (TEST_DEPLOYER_KEY, with a nonce manager: sends may overlap). */
  wallet: WalletClient
  endpoint: Address
  verifier: Address
  apps: {
    /** TestRecipients: they handle messages and acks, and send through `sendVia`. */
    testRecipients: Address[]
    /** Reverts its handler on demand (`setReverting`). */
    revertingRecipient: Address
    /** The example app, funded to pay for the pong it sends from its handler. */
    pingPong: Address
    /** With `interchainAccounts`: the router and factory, and a counter to call remotely. */
    interchainAccounts?: { router: Address; factory: Address; target: Address } | undefined
    /** With `gateway`: the ERC-7786 `FerryGateway`. */
    gateway?: Address | undefined
    /** With `tokenBridge`: the Ferry token bridge, the token it locks or mints, its decimals. */
    tokenBridge?: EvmTestTokenBridge | undefined
    /** With `htlc`: the `HashedTimelock` (spec/apps/htlc.md), owned by the deployer. */
    htlc?: Address | undefined
  }
  /** Stops the node (every chain on it) and waits for its process to exit. */
  stop(): Promise<void>
}

/** A test chain's Ferry token bridge (spec/apps/token-bridge.md). */
export type EvmTestTokenBridge = {
  /** `collateral` locks an ERC-20 of this chain; `synthetic` mints its own `BridgedToken`. */
  kind: 'collateral' | 'synthetic'
  bridge: Address
  token: Address
  decimals: number
}

export type DeployEvmTestChainParameters = {
  domain: number
  /** Default `evm-<domain>`. */
  name?: string | undefined
  /** How many TestRecipients to deploy. Default 1. */
  testRecipients?: number | undefined
  /** What PingPong is given to pay for its pongs. Default 1 ETH. */
  pingPongFunds?: bigint | undefined
  /**
   * Also deploy the interchain-account router and factory and a `RemoteCallTarget` (a counter,
   * balances to read); `connectChains` peers the routers. Default false.
   */
  interchainAccounts?: boolean | undefined
  /**
   * Also deploy an ERC-7786 `FerryGateway` naming this chain `eip155:<domain>`;
   * `connectChains` maps the other chains' domains and peers the gateways. Default false.
   */
  gateway?: boolean | undefined
  /**
   * Also deploy a Ferry token bridge: `collateral`, a test ERC-20 (`OzTestToken`: 18 decimals,
   * anyone mints) and a `CollateralTokenBridge` locking it; `synthetic`, a `SyntheticTokenBridge`
   * minting a `BridgedToken` of `decimals`. `connectChains` opens a route, without rate limits,
   * between each collateral bridge and each synthetic one. Default none.
   */
  tokenBridge?: { kind: 'collateral' } | { kind: 'synthetic'; decimals: number } | undefined
  /**
   * Also deploy a `HashedTimelock` (spec/apps/htlc.md) swapping this chain's native token;
   * `connectChains` peers it with every other chain's HTLC. Default false.
   */
  htlc?: boolean | undefined
}

/** The decimals of the test ERC-20 a collateral bridge locks (`OzTestToken`). */
const TEST_TOKEN_DECIMALS = 18

/**
 * Deploys Ferry (an endpoint for `domain` and a multisig verifier, through
 * `@ferry/evm-contracts/testing`'s `deployFerry`) and the example apps on a running node, as
 * the test deployer. Several domains may share one node. `startTestChain` starts a node and
 * calls this; connect chains with `connectChains`.
 *
 * @example
 * const node = await startHardhatNode({ chainId: 31337 })
 * const origin = await deployEvmTestChain(node, { domain: 1 })
 * const destination = await deployEvmTestChain(node, { domain: 2 })
 */
export async function deployEvmTestChain(
  node: { rpcUrl: string; chainId: number; stop(): Promise<void> },
  {
    domain,
    name = `evm-${domain}`,
    testRecipients = 1,
    pingPongFunds = 10n ** 18n,
    interchainAccounts = false,
    gateway = false,
    tokenBridge,
    htlc = false,
  }: DeployEvmTestChainParameters,
): Promise<EvmTestChain> {
  const chain = {
    id: node.chainId,
    name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [node.rpcUrl] } },
  } as const
  const transport = http(node.rpcUrl)
  const client = createPublicClient({ chain, transport, pollingInterval: 50 })
  // A nonce manager of its own: viem's shared one remembers nonces by chain id, across nodes, so
  // a node started after another of the same id would be sent nonces from the first.
  const account = privateKeyToAccount(TEST_DEPLOYER_KEY, {
    nonceManager: createNonceManager({ source: jsonRpc() }),
  })
  const wallet = createWalletClient({ chain, transport, account })
  const { endpoint, verifier } = await deployFerry({ client, wallet }, { domain })
  const deploy = async (
    contract: string,
    abi: Abi,
    bytecode: Hex,
    args: readonly unknown[] = [],
  ) => {
    const hash = await wallet.deployContract({ abi, bytecode, args, account, chain })
    const { contractAddress } = await client.waitForTransactionReceipt({ hash })
    if (!contractAddress) throw new DeploymentFailedError(contract, hash)
    return contractAddress
  }
  const recipients: Address[] = []
  for (let i = 0; i < testRecipients; i++)
    recipients.push(await deploy('TestRecipient', testRecipientAbi, testRecipientBytecode))
  const apps: EvmTestChain['apps'] = {
    testRecipients: recipients,
    revertingRecipient: await deploy(
      'RevertingRecipient',
      revertingRecipientAbi,
      revertingRecipientBytecode,
    ),
    pingPong: await deploy('PingPong', pingPongAbi, pingPongBytecode, [endpoint, account.address]),
  }
  const hash = await wallet.sendTransaction({
    to: apps.pingPong,
    value: pingPongFunds,
    account,
    chain,
  })
  const receipt = await client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new SetupRevertedError(hash)
  if (interchainAccounts) {
    const { router, factory } = await deployInterchainAccounts({ client, wallet }, { endpoint })
    const target = await deploy('RemoteCallTarget', remoteCallTargetAbi, remoteCallTargetBytecode)
    apps.interchainAccounts = { router, factory, target }
  }
  if (gateway)
    apps.gateway = await deployGateway({ client, wallet }, { endpoint, localChainId: domain })
  if (tokenBridge?.kind === 'collateral') {
    const token = await deploy('OzTestToken', ozTestTokenAbi, ozTestTokenBytecode)
    const { bridge } = await deployTokenBridge(
      { client, wallet },
      { endpoint, kind: 'collateral', token },
    )
    apps.tokenBridge = { kind: 'collateral', bridge, token, decimals: TEST_TOKEN_DECIMALS }
  } else if (tokenBridge?.kind === 'synthetic') {
    const { bridge, token } = await deployTokenBridge(
      { client, wallet },
      {
        endpoint,
        kind: 'synthetic',
        name: 'Bridged Test Token',
        symbol: 'bTT',
        decimals: tokenBridge.decimals,
      },
    )
    apps.tokenBridge = { kind: 'synthetic', bridge, token, decimals: tokenBridge.decimals }
  }
  if (htlc)
    apps.htlc = await deploy('HashedTimelock', hashedTimelockAbi, hashedTimelockBytecode, [
      endpoint,
      account.address,
    ])
  return {
    kind: 'evm',
    name,
    domain,
    chainId: node.chainId,
    rpcUrl: node.rpcUrl,
    client,
    wallet,
    endpoint,
    verifier,
    apps,
    stop: node.stop,
  }
}

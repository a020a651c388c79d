// Two or more EVM chains for the relayer's end-to-end tests: each a real `hardhat node` on
// 127.0.0.1 with a Ferry endpoint and multisig verifier, connected to every other chain (three
// validators per origin, two must sign), and test apps: three TestRecipients (senders with ack
// handlers, and recipients) and one RevertingRecipient (handler failures on demand).
import {
  endpointAbi,
  revertingRecipientAbi,
  revertingRecipientBytecode,
  testRecipientAbi,
  testRecipientBytecode,
} from '@ferry/evm-contracts'
import {
  connectEndpoints,
  deployFerry,
  type HardhatNode,
  startHardhatNode,
} from '@ferry/evm-contracts/testing'
import { evmAddressToBytes32 } from '@ferry/protocol'
import {
  type Abi,
  type Address,
  type ContractFunctionReturnType,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  nonceManager,
  type PublicClient,
  parseEventLogs,
  stringToHex,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount, privateKeyToAddress } from 'viem/accounts'

/** Hardhat's default funded accounts 0–4 (public keys, local chains only). */
export const HARDHAT_KEYS = [
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
  '0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a',
] as const satisfies readonly Hex[]

/** Deployer and sender of test messages. */
export const DEPLOYER_KEY: Hex = HARDHAT_KEYS[0]
/** The relayers' keys (one per relayer process in tests with several). */
export const RELAYER_KEYS: readonly [Hex, Hex] = [HARDHAT_KEYS[1], HARDHAT_KEYS[2]]

/** Validator `i` (0–2) of origin `domain`: derived, test-only. */
export const validatorKey = (domain: number, i: number): Hex =>
  keccak256(stringToHex(`ferry test validator ${domain} ${i}`))
export const validatorKeys = (domain: number): Hex[] =>
  [0, 1, 2].map((i) => validatorKey(domain, i))
export const THRESHOLD = 2

export type EvmChain = {
  domain: number
  node: HardhatNode
  rpcUrl: string
  client: PublicClient
  /** The deployer's wallet (with a nonce manager, so sends can run concurrently). */
  wallet: WalletClient
  endpoint: Address
  verifier: Address
  /** Three TestRecipients: senders that handle acks, and recipients. */
  apps: [Address, Address, Address]
  reverting: Address
}

export type EvmWorld = { chains: EvmChain[]; stop(): Promise<void> }

export type StartEvmWorldParameters = {
  domains?: readonly number[]
  /** Mine a block every `intervalMs` (finality needs blocks to keep coming). */
  intervalMs?: number
  /** Also mine each transaction at once (default true; false for a fixed block time). */
  automine?: boolean
}

/**
 * Starts `hardhat node`s for `domains` (default 31337 and 31338), deploys and connects Ferry on
 * each, and sets their mining mode.
 *
 * @example
 * const world = await startEvmWorld({ intervalMs: 200 })
 */
export async function startEvmWorld({
  domains = [31337, 31338],
  intervalMs = 200,
  automine = true,
}: StartEvmWorldParameters = {}): Promise<EvmWorld> {
  const nodes: HardhatNode[] = []
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.stop()))
  }
  try {
    const chains = await Promise.all(
      domains.map(async (domain) => {
        const node = await startHardhatNode({ chainId: domain })
        nodes.push(node)
        return deployChain(domain, node)
      }),
    )
    for (const local of chains) {
      for (const remote of chains) {
        if (remote === local) continue
        await connectEndpoints(local, {
          local,
          remote,
          validators: validatorKeys(remote.domain).map((key) => privateKeyToAddress(key)),
          threshold: THRESHOLD,
        })
      }
    }
    for (const chain of chains) {
      await chain.client.request({ method: 'evm_setAutomine', params: [automine] } as never)
      await chain.client.request({ method: 'evm_setIntervalMining', params: [intervalMs] } as never)
    }
    return { chains, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

async function deployChain(domain: number, node: HardhatNode): Promise<EvmChain> {
  const chain = {
    id: domain,
    name: `hardhat-${domain}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [node.rpcUrl] } },
  } as const
  const transport = http(node.rpcUrl)
  const client = createPublicClient({ chain, transport, pollingInterval: 50 })
  const wallet = createWalletClient({
    chain,
    transport,
    account: privateKeyToAccount(DEPLOYER_KEY, { nonceManager }),
  })
  const { endpoint, verifier } = await deployFerry({ client, wallet }, { domain })
  const deploy = async (abi: Abi, bytecode: Hex) => {
    const hash = await wallet.deployContract({ abi, bytecode, account: wallet.account!, chain })
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (!receipt.contractAddress) throw new Error(`deployment ${hash} created no contract`)
    return receipt.contractAddress
  }
  const apps: [Address, Address, Address] = [
    await deploy(testRecipientAbi, testRecipientBytecode),
    await deploy(testRecipientAbi, testRecipientBytecode),
    await deploy(testRecipientAbi, testRecipientBytecode),
  ]
  const reverting = await deploy(revertingRecipientAbi, revertingRecipientBytecode)
  return { domain, node, rpcUrl: node.rpcUrl, client, wallet, endpoint, verifier, apps, reverting }
}

export type SendParameters = {
  /** A TestRecipient of `from` sends (so acks have a handler); default apps[0]. */
  app?: Address
  destination: number
  /** bytes32 recipient on the destination. */
  recipient: Hex
  body?: Hex
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
}

/**
 * Sends `count` messages through a TestRecipient's `sendVia`, paying the endpoint's quote, all
 * in flight at once; resolves with their ids in send order once every receipt is in.
 *
 * @example
 * const ids = await sendMessages(a, 10, { destination: b.domain, recipient: toB32(b.apps[0]) })
 */
export async function sendMessages(
  from: EvmChain,
  count: number,
  params: SendParameters,
): Promise<Hex[]> {
  const {
    destination,
    recipient,
    body = '0x',
    gasLimit = 100_000,
    ackGasLimit = 0,
    deadline = 0n,
  } = params
  const app = params.app ?? from.apps[0]
  const fee = await from.client.readContract({
    address: from.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [destination, BigInt((body.length - 2) / 2), gasLimit, ackGasLimit],
  })
  const hashes: Hex[] = []
  for (let i = 0; i < count; i++) {
    hashes.push(
      await oneAtATime(from, () =>
        from.wallet.writeContract({
          address: app,
          abi: testRecipientAbi,
          functionName: 'sendVia',
          args: [from.endpoint, destination, recipient, body, gasLimit, ackGasLimit, deadline],
          value: fee,
          // Sends in flight together change the tree under each other's estimates: a fixed limit.
          gas: 500_000n,
          account: from.wallet.account!,
          chain: from.wallet.chain,
        }),
      ),
    )
  }
  const ids: Hex[] = []
  for (const hash of hashes) {
    const receipt = await from.client.waitForTransactionReceipt({ hash })
    if (receipt.status !== 'success') throw new Error(`send ${hash} reverted`)
    for (const log of parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: receipt.logs,
    }))
      ids.push(log.args.id)
  }
  return ids
}

export const toB32 = (address: Address): Hex => evmAddressToBytes32(address)

/**
 * A view of TestRecipient `app` on `chain`: what it handled, and the last ack it was given.
 *
 * @example
 * const count = await readApp(b, b.apps[0], 'handled')
 */
export const readApp = <
  name extends 'handled' | 'acksHandled' | 'lastAckId' | 'lastAckStatus' | 'lastAckResult',
>(
  chain: EvmChain,
  app: Address,
  functionName: name,
): Promise<ContractFunctionReturnType<typeof testRecipientAbi, 'view', name>> =>
  chain.client.readContract({ address: app, abi: testRecipientAbi, functionName })

/** How many messages `chain`'s RevertingRecipient handled (a reverted handler counts none). */
export const revertingHandled = (chain: EvmChain): Promise<bigint> =>
  chain.client.readContract({
    address: chain.reverting,
    abi: revertingRecipientAbi,
    functionName: 'handled',
  })

/**
 * Makes `chain`'s RevertingRecipient revert (or not) from the next message on; resolves once
 * that is mined.
 *
 * @example
 * await setReverting(a, false)
 */
export async function setReverting(chain: EvmChain, reverting: boolean): Promise<void> {
  const hash = await chain.wallet.writeContract({
    address: chain.reverting,
    abi: revertingRecipientAbi,
    functionName: 'setReverting',
    args: [reverting],
    account: chain.wallet.account ?? null,
    chain: chain.wallet.chain,
  })
  await chain.client.waitForTransactionReceipt({ hash })
}

/** Per chain, the deployer's last send: sends go to the node one after another. */
const lastSend = new WeakMap<EvmChain, Promise<unknown>>()

/**
 * Runs `send` after every earlier send from `chain`'s deployer has reached the node. Concurrent
 * `sendMessages` calls share one account; a node that mines each transaction at once refuses one
 * that arrives ahead of its nonce ("nonce too high"), so they must arrive in nonce order.
 */
function oneAtATime<T>(chain: EvmChain, send: () => Promise<T>): Promise<T> {
  const next = (lastSend.get(chain) ?? Promise.resolve()).then(send, send)
  lastSend.set(
    chain,
    next.catch(() => undefined),
  )
  return next
}

import { evmAddressToBytes32, MessageFlags, MessageStatus } from '@ferry/protocol'
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  stringToHex,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { endpointAbi } from '../generated/endpoint.js'
import { pingPongAbi, pingPongBytecode } from '../generated/pingPong.js'
import { connectEndpoints, deployFerry, type FerryDeployment } from '../testing/deployFerry.js'
import { relayMessages } from '../testing/relayMessages.js'
import { type HardhatNode, startHardhatNode } from '../testing/startHardhatNode.js'

/** Hardhat's first default account: funded on every `hardhat node`, public, for local use only. */
const DEPLOYER_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
/** Three demo validators per chain, two of which must sign. Derived, never used elsewhere. */
const VALIDATOR_KEYS = [1, 2, 3].map((i) => keccak256(stringToHex(`ferry demo validator ${i}`)))
const THRESHOLD = 2

type DemoChain = FerryDeployment & {
  name: string
  node: HardhatNode
  client: PublicClient
  wallet: WalletClient
  pingPong: Address
}

export type DemoResult = {
  ping: { id: Hex; status: number }
  pong: { id: Hex; status: number }
  ack: { id: Hex; status: number; originalStatus: number }
  pongsReceived: bigint
}

/**
 * The quick-start demo: two `hardhat node` chains (domains 31337 and 31338), an endpoint, a
 * multisig verifier and a PingPong app on each. A ping goes A → B with an ack request; B's
 * handler replies with a pong; the pong and the ack go B → A. Every hop carries a real merkle
 * proof and a checkpoint signed by two of three validators. Stops both nodes before returning.
 */
export async function runDemo(log: (line: string) => void): Promise<DemoResult> {
  const nodes: HardhatNode[] = []
  try {
    const a = await startChain('chain A', 31337, nodes, log)
    const b = await startChain('chain B', 31338, nodes, log)
    const validators = VALIDATOR_KEYS.map((key) => privateKeyToAccount(key).address)
    for (const [local, remote] of [
      [a, b],
      [b, a],
    ] as const) {
      await connectEndpoints(local, { local, remote, validators, threshold: THRESHOLD })
      await confirm(
        local,
        'setPeer',
        local.wallet.writeContract({
          address: local.pingPong,
          abi: pingPongAbi,
          functionName: 'setPeer',
          args: [remote.domain, evmAddressToBytes32(remote.pingPong)],
          account: accountOf(local.wallet),
          chain: local.wallet.chain,
        }),
      )
    }
    // B pays for the pong it sends from its handler.
    await confirm(
      b,
      'funding PingPong',
      b.wallet.sendTransaction({
        to: b.pingPong,
        value: 10n ** 17n,
        account: accountOf(b.wallet),
        chain: b.wallet.chain,
      }),
    )
    log(`validators: ${validators.join(', ')} (threshold ${THRESHOLD})`)

    const [pingGas, ackGas] = await Promise.all(
      (['PING_GAS_LIMIT', 'ACK_GAS_LIMIT'] as const).map((functionName) =>
        a.client.readContract({ address: a.pingPong, abi: pingPongAbi, functionName }),
      ),
    )
    const fee = await a.client.readContract({
      address: a.pingPong,
      abi: pingPongAbi,
      functionName: 'quote',
      args: [b.domain, 4n, pingGas ?? 0, ackGas ?? 0],
    })
    const pingTx = await confirm(
      a,
      'ping',
      a.wallet.writeContract({
        address: a.pingPong,
        abi: pingPongAbi,
        functionName: 'ping',
        args: [b.domain],
        value: fee,
        account: accountOf(a.wallet),
        chain: a.wallet.chain,
      }),
    )
    log(`ping sent on ${a.name} in ${pingTx} (fee ${fee} wei)`)

    const toB = await relayMessages({
      origin: a,
      destination: b,
      validatorKeys: VALIDATOR_KEYS.slice(0, THRESHOLD),
    })
    const [ping] = toB.delivered
    if (!ping) throw new Error('demo: the ping was not relayed')
    log(
      `${describe(ping.id, ping.message.flags)} ${a.name} → ${b.name}: checkpoint #${toB.checkpoint.index} signed by ${THRESHOLD}/${validators.length}, delivered in ${toB.transactionHash}: ${statusName(ping.status)}`,
    )

    const toA = await relayMessages({
      origin: b,
      destination: a,
      validatorKeys: VALIDATOR_KEYS.slice(1),
    })
    const pong = toA.delivered.find(({ message }) => (message.flags & MessageFlags.isAck) === 0)
    const ack = toA.delivered.find(({ message }) => (message.flags & MessageFlags.isAck) !== 0)
    if (!pong || !ack) throw new Error('demo: the pong and the ack were not both relayed')
    for (const message of [pong, ack]) {
      log(
        `${describe(message.id, message.message.flags)} ${b.name} → ${a.name}: checkpoint #${toA.checkpoint.index}, delivered in ${toA.transactionHash}: ${statusName(message.status)}`,
      )
    }
    const [acks, , lastStatus] = await a.client.readContract({
      address: a.pingPong,
      abi: pingPongAbi,
      functionName: 'acks',
    })
    const pongsReceived = await a.client.readContract({
      address: a.pingPong,
      abi: pingPongAbi,
      functionName: 'pongsReceived',
    })
    log(
      `${a.name}'s PingPong: ${pongsReceived} pong(s), ${acks} ack(s), the ping ended ${statusName(lastStatus)}`,
    )
    const messageStatus = await b.client.readContract({
      address: b.endpoint,
      abi: endpointAbi,
      functionName: 'messageStatus',
      args: [ping.encoded],
    })
    return {
      ping: { id: ping.id, status: messageStatus },
      pong: { id: pong.id, status: pong.status },
      ack: { id: ack.id, status: ack.status, originalStatus: lastStatus },
      pongsReceived,
    }
  } finally {
    await Promise.all(nodes.map((node) => node.stop()))
  }
}

async function startChain(
  name: string,
  chainId: number,
  nodes: HardhatNode[],
  log: (line: string) => void,
): Promise<DemoChain> {
  const node = await startHardhatNode({ chainId })
  nodes.push(node)
  const chain = {
    id: chainId,
    name,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [node.rpcUrl] } },
  }
  const client = createPublicClient({ chain, transport: http(node.rpcUrl), pollingInterval: 50 })
  const wallet = createWalletClient({
    chain,
    transport: http(node.rpcUrl),
    account: privateKeyToAccount(DEPLOYER_KEY),
  })
  const deployment = await deployFerry({ client, wallet }, { domain: chainId })
  const hash = await wallet.deployContract({
    abi: pingPongAbi,
    bytecode: pingPongBytecode,
    args: [deployment.endpoint, accountOf(wallet).address],
    account: accountOf(wallet),
    chain: wallet.chain,
  })
  const { contractAddress } = await client.waitForTransactionReceipt({ hash })
  if (!contractAddress) throw new Error(`demo: PingPong was not deployed on ${name}`)
  log(
    `${name}: hardhat node ${node.rpcUrl} (domain ${chainId}), endpoint ${deployment.endpoint}, verifier ${deployment.verifier}, PingPong ${contractAddress}`,
  )
  return { ...deployment, name, node, client, wallet, pingPong: contractAddress }
}

/** Waits for a transaction and fails loudly if it reverted. */
async function confirm(chain: DemoChain, what: string, sent: Promise<Hex>): Promise<Hex> {
  const hash = await sent
  const receipt = await chain.client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`demo: ${what} reverted in ${hash}`)
  return hash
}

function accountOf(wallet: WalletClient) {
  if (!wallet.account) throw new Error('demo: the wallet client has no account')
  return wallet.account
}

function describe(id: Hex, flags: number): string {
  return `${(flags & MessageFlags.isAck) === 0 ? 'message' : 'ack'} ${id}`
}

const statusNames = Object.fromEntries(
  Object.entries(MessageStatus).map(([name, value]) => [value, name]),
)

function statusName(status: number): string {
  return statusNames[status] ?? `unknown (${status})`
}

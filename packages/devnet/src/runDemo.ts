import { endpointAbi, pingPongAbi } from '@ferry/evm-contracts'
import { relayMessages } from '@ferry/evm-contracts/testing'
import { evmAddressToBytes32, MessageFlags, MessageStatus } from '@ferry/protocol'
import { connectChains, type EvmTestChain, startTestChain, testValidatorKeys } from '@ferry/testkit'
import type { Hex, WalletClient } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'

/** Three validators per chain, two of which must sign. */
const THRESHOLD = 2

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
  const chains: EvmTestChain[] = []
  try {
    const a = await startChain('chain A', 31337, chains, log)
    const b = await startChain('chain B', 31338, chains, log)
    const validators = (domain: number) =>
      testValidatorKeys(domain).map((key) => privateKeyToAddress(key))
    await connectChains(chains, { validators, threshold: THRESHOLD })
    for (const [local, remote] of [
      [a, b],
      [b, a],
    ] as const) {
      await confirm(
        local,
        'setPeer',
        local.wallet.writeContract({
          address: local.apps.pingPong,
          abi: pingPongAbi,
          functionName: 'setPeer',
          args: [remote.domain, evmAddressToBytes32(remote.apps.pingPong)],
          account: accountOf(local.wallet),
          chain: local.wallet.chain,
        }),
      )
    }
    for (const chain of chains)
      log(
        `validators of ${chain.name}: ${validators(chain.domain).join(', ')} (threshold ${THRESHOLD})`,
      )

    const [pingGas, ackGas] = await Promise.all(
      (['PING_GAS_LIMIT', 'ACK_GAS_LIMIT'] as const).map((functionName) =>
        a.client.readContract({ address: a.apps.pingPong, abi: pingPongAbi, functionName }),
      ),
    )
    const fee = await a.client.readContract({
      address: a.apps.pingPong,
      abi: pingPongAbi,
      functionName: 'quote',
      args: [b.domain, 4n, pingGas ?? 0, ackGas ?? 0],
    })
    const pingTx = await confirm(
      a,
      'ping',
      a.wallet.writeContract({
        address: a.apps.pingPong,
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
      validatorKeys: testValidatorKeys(a.domain).slice(0, THRESHOLD),
    })
    const [ping] = toB.delivered
    if (!ping) throw new Error('demo: the ping was not relayed')
    log(
      `${describe(ping.id, ping.message.flags)} ${a.name} → ${b.name}: checkpoint #${toB.checkpoint.index} signed by ${THRESHOLD}/${testValidatorKeys(a.domain).length}, delivered in ${toB.transactionHash}: ${statusName(ping.status)}`,
    )

    const toA = await relayMessages({
      origin: b,
      destination: a,
      validatorKeys: testValidatorKeys(b.domain).slice(1),
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
      address: a.apps.pingPong,
      abi: pingPongAbi,
      functionName: 'acks',
    })
    const pongsReceived = await a.client.readContract({
      address: a.apps.pingPong,
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
    await Promise.all(chains.map((chain) => chain.stop()))
  }
}

async function startChain(
  name: string,
  domain: number,
  chains: EvmTestChain[],
  log: (line: string) => void,
): Promise<EvmTestChain> {
  const chain = await startTestChain({ kind: 'evm', name, domain })
  chains.push(chain)
  log(
    `${name}: hardhat node ${chain.rpcUrl} (domain ${domain}), endpoint ${chain.endpoint}, verifier ${chain.verifier}, PingPong ${chain.apps.pingPong}`,
  )
  return chain
}

/** Waits for a transaction and fails loudly if it reverted. */
async function confirm(chain: EvmTestChain, what: string, sent: Promise<Hex>): Promise<Hex> {
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

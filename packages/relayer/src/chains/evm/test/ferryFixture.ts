import { endpointAbi, testRecipientAbi, testRecipientBytecode } from '@ferry/evm-contracts'
import {
  type FerryDeployment,
  getSentMessages,
  type SentMessage,
} from '@ferry/evm-contracts/testing'
import {
  type Checkpoint,
  encodeBatchProofs,
  evmAddressToBytes32,
  MerkleTree,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { type ChainLogger, createEvmChainReader, type EvmChainReader } from '@ferry/sdk'
import {
  connectChains,
  deployEvmTestChain,
  HARDHAT_KEYS,
  type HardhatNode,
  startHardhatNode,
  testValidatorKeys,
} from '@ferry/testkit'
import {
  type Abi,
  type Address,
  createTestClient,
  type Hex,
  http,
  isHex,
  type PublicClient,
  parseEventLogs,
  parseGwei,
  type TestClient,
  type WalletClient,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import type { TransactionJournal } from '../../types.js'
import { createEvmChainSubmitter } from '../createEvmChainSubmitter.js'
import type { EvmGasPolicy } from '../feeStrategy.js'
import { createMemoryJournal } from './memoryJournal.js'

const ORIGIN_DOMAIN = 1

/** Hardhat's default funded accounts #0 (deployer), #1 (relayer), #2 (someone else). */
export const keys = {
  deployer: HARDHAT_KEYS[0],
  relayer: HARDHAT_KEYS[1],
  other: HARDHAT_KEYS[2],
} as const satisfies Record<string, Hex>

/** Three validator keys, of both endpoints' origins; two must sign. */
export const validatorKeys: readonly Hex[] = testValidatorKeys(ORIGIN_DOMAIN)

export const ORIGIN = ORIGIN_DOMAIN
export const DESTINATION = 2

/** Two Ferry endpoints (domains 1 → 2) and two recipients on one `hardhat node`. */
export type FerryFixture = {
  node: HardhatNode
  client: PublicClient
  test: TestClient<'hardhat'>
  deployer: WalletClient
  origin: FerryDeployment
  destination: FerryDeployment
  /** A TestRecipient: handles everything, returns what `setResult` set. */
  recipient: Address
  /** A RevertingRecipient: Failed until `setReverting(false)`. */
  reverting: Address
  /** Deploys another TestRecipient: a fresh channel, unaffected by what other tests left. */
  newRecipient(): Promise<Address>
  /** Sends `count` messages from the deployer through the origin endpoint, one block each. */
  send(args: SendArgs): Promise<SentMessage[]>
  /** Proofs of `messages` against the origin's latest checkpoint, signatures on the first only. */
  prove(messages: readonly Pick<SentMessage, 'leafIndex'>[]): Promise<Hex[]>
  /** Calls a recipient or endpoint as the deployer and waits for the receipt. */
  write(args: {
    address: Address
    abi: Abi
    functionName: string
    args: unknown[]
    /** Wei sent with the call (`addFee`). */
    value?: bigint
  }): Promise<void>
  /** An adapter for the destination (or `origin`) endpoint, signing with the relayer's key. */
  chain(options?: ChainOptions): ReturnType<typeof createEvmChainSubmitter>
  /** A keyless reader of one side's endpoint. */
  reader(options?: ReaderOptions): EvmChainReader
  stop(): Promise<void>
}

export type SendArgs = {
  recipient: Address
  count?: number
  body?: Hex
  gasLimit?: number
  deadline?: bigint
}

export type ReaderOptions = {
  rpcUrls?: readonly string[]
  requestTimeoutMs?: number
  retryCount?: number
  logBlockSpan?: bigint
  pollingIntervalMs?: number
  logger?: ChainLogger
  side?: 'origin' | 'destination'
}

export type ChainOptions = ReaderOptions & { gas?: EvmGasPolicy; journal?: TransactionJournal }

/** Test defaults: quick polls, a short stuck time, a 100 gwei cap. */
export const testGas = {
  maxFeePerGas: parseGwei('100'),
  bumpPercent: 20,
  stuckAfterMs: 600,
} as const

/**
 * Starts a `hardhat node`, deploys an origin (domain 1) and a destination (domain 2) endpoint
 * with a 2-of-3 multisig verifier each and the example apps (the testkit's chains, on one node),
 * and takes the destination's TestRecipient and RevertingRecipient.
 *
 * @example
 * const ferry = await startFerry()
 * const [sent] = await ferry.send({ recipient: ferry.recipient })
 */
export async function startFerry(): Promise<FerryFixture> {
  const node = await startHardhatNode({ chainId: hardhat.id })
  const origin = await deployEvmTestChain(node, { domain: ORIGIN })
  const destination = await deployEvmTestChain(node, { domain: DESTINATION })
  const validators = validatorKeys.map((key) => privateKeyToAccount(key).address)
  await connectChains([destination, origin], { validators: () => validators, threshold: 2 })
  const { client, wallet: deployer } = origin
  const test = createTestClient({ chain: hardhat, mode: 'hardhat', transport: http(node.rpcUrl) })

  const deploy = async (abi: Abi, bytecode: Hex): Promise<Address> => {
    const hash = await deployer.deployContract({
      abi,
      bytecode,
      account: deployer.account ?? privateKeyToAccount(keys.deployer),
      chain: hardhat,
    })
    const receipt = await client.waitForTransactionReceipt({ hash })
    if (!receipt.contractAddress) throw new Error('deployment failed')
    return receipt.contractAddress
  }
  const [recipient] = destination.apps.testRecipients
  if (!recipient) throw new Error('the testkit deploys a TestRecipient')
  const reverting = destination.apps.revertingRecipient

  const write: FerryFixture['write'] = async ({ address, abi, functionName, args, value }) => {
    const hash = await deployer.writeContract({
      address,
      abi,
      functionName,
      args,
      ...(value !== undefined && { value }),
      account: deployer.account ?? privateKeyToAccount(keys.deployer),
      chain: hardhat,
    })
    await client.waitForTransactionReceipt({ hash })
  }

  const reader: FerryFixture['reader'] = ({ side = 'destination', ...options } = {}) => {
    const deployment = side === 'origin' ? origin : destination
    return createEvmChainReader({
      domain: deployment.domain,
      rpcUrls: [node.rpcUrl],
      endpoint: deployment.endpoint,
      pollingIntervalMs: 50,
      requestTimeoutMs: 1_000,
      ...options,
    })
  }

  return {
    node,
    client,
    test,
    deployer,
    origin,
    destination,
    recipient,
    reverting,
    write,
    newRecipient: () => deploy(testRecipientAbi, testRecipientBytecode),

    async send({ recipient: to, count = 1, body = '0x1234', gasLimit = 300_000, deadline = 0n }) {
      const fee = await client.readContract({
        address: origin.endpoint,
        abi: endpointAbi,
        functionName: 'quote',
        args: [DESTINATION, BigInt((body.length - 2) / 2), gasLimit, 0],
      })
      const sent: SentMessage[] = []
      for (let i = 0; i < count; i++) {
        const hash = await deployer.writeContract({
          address: origin.endpoint,
          abi: endpointAbi,
          functionName: 'send',
          args: [DESTINATION, evmAddressToBytes32(to), body, gasLimit, 0, deadline],
          value: fee + 12_345n, // more than the quote: the endpoint refunds the rest
          account: deployer.account ?? privateKeyToAccount(keys.deployer),
          chain: hardhat,
        })
        const receipt = await client.waitForTransactionReceipt({ hash })
        const [log] = parseEventLogs({
          abi: endpointAbi,
          eventName: 'MessageSent',
          logs: receipt.logs,
        })
        if (!log) throw new Error('no MessageSent')
        const all = await getSentMessages(client, {
          endpoint: origin.endpoint,
          fromBlock: receipt.blockNumber,
          toBlock: receipt.blockNumber,
        })
        sent.push(...all.filter((m) => m.id === log.args.id))
      }
      return sent
    },

    async prove(messages) {
      const all = await getSentMessages(client, { endpoint: origin.endpoint })
      const tree = new MerkleTree(all.map((m) => m.id))
      const [root, index] = await client.readContract({
        address: origin.endpoint,
        abi: endpointAbi,
        functionName: 'latestCheckpoint',
      })
      const checkpoint: Checkpoint = {
        origin: ORIGIN,
        originEndpoint: evmAddressToBytes32(origin.endpoint),
        root,
        index,
      }
      const signatures = await sortSignaturesBySigner({
        checkpoint,
        signatures: await Promise.all(
          validatorKeys.slice(0, 2).map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
        ),
      })
      return encodeBatchProofs({
        checkpointIndex: index,
        signatures,
        leaves: messages.map(({ leafIndex }) => ({
          leafIndex,
          branch: tree.getProof(leafIndex, index + 1).branch,
        })),
      })
    },

    reader,

    chain({ journal, gas = testGas, ...options } = {}) {
      return createEvmChainSubmitter({
        reader: reader(options),
        privateKey: keys.relayer,
        journal: journal ?? createMemoryJournal(),
        gas,
        ...(options.logger === undefined ? {} : { logger: options.logger }),
      })
    },

    stop: () => node.stop(),
  }
}

/**
 * A logger that keeps every line, to assert on what was logged (and what never is).
 *
 * @example
 * const logger = createMemoryLogger()
 * expect(JSON.stringify(logger.lines)).not.toContain(key)
 */
export function createMemoryLogger(): ChainLogger & {
  lines: { level: string; fields: Record<string, unknown>; message: string }[]
} {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = []
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message })
  }
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/**
 * `value` as a viem `Hex` (the adapter's receipts carry hashes as plain strings), checked.
 *
 * @example
 * await client.getTransaction({ hash: toHash(receipt.transactionHash) })
 */
export function toHash(value: string): Hex {
  if (!isHex(value)) throw new Error(`not hex: ${value}`)
  return value
}

// Two Ferry endpoints on one EDR chain, each with its own multisig verifier for the other's
// domain (the vector validators, threshold 3) and fee configs for both domains; plus the
// off-chain side built with @ferry/protocol: trees from MessageSent events, checkpoints from
// `latestCheckpoint()`, signatures by the vector validator keys, proofs via `encodeProof`.
import {
  type Checkpoint,
  decodeMessage,
  encodeProof,
  evmAddressToBytes32,
  MerkleTree,
  signCheckpoint,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import type {
  ContractReturnType,
  HardhatViemHelpers,
  PublicClient,
  TestClient,
  WalletClient,
} from '@nomicfoundation/hardhat-viem/types'
import { network } from 'hardhat'
import {
  type ContractEventName,
  type GetEventArgs,
  type Hash,
  type Hex,
  parseEventLogs,
  size,
  type TransactionReceipt,
} from 'viem'
import { expect } from 'vitest'

/** The vector validators (test keys), ascending by address as the files list them. */
const { validators } = checkpointsVectors

export const DOMAIN_A = 31337
export const DOMAIN_B = 31338
export const THRESHOLD = 3
export const VALIDATOR_ADDRESSES = validators.map((v) => v.address)

/**
 * The largest handler gas limit a message may ask for: with the delivery's own gas (up to ~1.1M
 * for a 64 KiB body's calldata) and the 1/63 the call keeps back, a delivery of such a message
 * still fits the 2^24 gas a transaction may use (EIP-7825).
 */
export const MAX_GAS_LIMIT = 15_000_000

/** Fee config used for both domains on both endpoints. */
export const FEE_CONFIG = {
  gasPrice: 2_000_000_000n,
  rate: 10n ** 18n,
  baseFee: 1_000_000n,
  gasOverhead: 60_000,
  gasPerByte: 16,
  maxGasLimit: MAX_GAS_LIMIT,
} as const

export type Endpoint = ContractReturnType<'Endpoint'>
export type Verifier = ContractReturnType<'MultisigVerifier'>
export type Side = { domain: number; endpoint: Endpoint; verifier: Verifier }
/** The two sides, the accounts that act on them, and clients. */
export type World = {
  viem: HardhatViemHelpers
  publicClient: PublicClient
  testClient: TestClient
  owner: WalletClient
  alice: WalletClient
  bob: WalletClient
  relayer: WalletClient
  feeManager: WalletClient
  feeCollector: WalletClient
  stranger: WalletClient
  a: Side
  b: Side
  /** Waits for a transaction and returns its receipt. */
  mined: (hash: Promise<Hash> | Hash) => Promise<TransactionReceipt>
}

/** Deploys and wires the two endpoints; every test gets a fresh chain. */
export async function deployWorld(): Promise<World> {
  const { viem } = await network.connect()
  const publicClient = await viem.getPublicClient()
  const testClient = await viem.getTestClient()
  const [owner, alice, bob, relayer, feeManager, feeCollector, stranger] =
    await viem.getWalletClients()
  if (!owner || !alice || !bob || !relayer || !feeManager || !feeCollector || !stranger) {
    throw new Error('the test network needs seven funded accounts')
  }

  const deploySide = async (domain: number): Promise<Side> => ({
    domain,
    endpoint: await viem.deployContract('Endpoint', [domain, owner.account.address]),
    verifier: await viem.deployContract('MultisigVerifier', [owner.account.address]),
  })
  const a = await deploySide(DOMAIN_A)
  const b = await deploySide(DOMAIN_B)

  for (const [local, remote] of [
    [a, b],
    [b, a],
  ] as const) {
    await local.verifier.write.setOrigin([
      remote.domain,
      evmAddressToBytes32(remote.endpoint.address),
      VALIDATOR_ADDRESSES,
      THRESHOLD,
    ])
    await local.endpoint.write.setDefaultVerifier([remote.domain, local.verifier.address])
    await local.endpoint.write.setFeeManager([feeManager.account.address])
    await local.endpoint.write.setFeeCollector([feeCollector.account.address])
    for (const domain of [DOMAIN_A, DOMAIN_B]) {
      await local.endpoint.write.setFeeConfig([domain, FEE_CONFIG], { account: feeManager.account })
    }
  }

  /** Waits for a transaction and returns its receipt. */
  const mined = async (hash: Promise<Hash> | Hash): Promise<TransactionReceipt> =>
    publicClient.waitForTransactionReceipt({ hash: await hash })

  return {
    viem,
    publicClient,
    testClient,
    owner,
    alice,
    bob,
    relayer,
    feeManager,
    feeCollector,
    stranger,
    a,
    b,
    mined,
  }
}

/** The MessageSent events of an endpoint so far, by leaf index. */
export async function sentMessages(world: World, side: Side) {
  const logs = await world.publicClient.getContractEvents({
    address: side.endpoint.address,
    abi: side.endpoint.abi,
    eventName: 'MessageSent',
    fromBlock: 0n,
    strict: true,
  })
  return logs.map((log) => log.args).sort((x, y) => x.leafIndex - y.leafIndex)
}

type EndpointAbi = Endpoint['abi']
/** Decoded arguments of each endpoint event, by name. */
type EndpointEvents = {
  [N in ContractEventName<EndpointAbi>]: GetEventArgs<
    EndpointAbi,
    N,
    { EnableUnion: false; IndexedOnly: false; Required: true }
  >
}

/** Events of `eventName` that `side`'s endpoint emitted in a transaction. */
export function eventsIn<N extends keyof EndpointEvents>(
  receipt: TransactionReceipt,
  side: Side,
  eventName: N,
): EndpointEvents[N][] {
  const logs = parseEventLogs({
    abi: side.endpoint.abi,
    logs: receipt.logs.filter(
      (log) => log.address.toLowerCase() === side.endpoint.address.toLowerCase(),
    ),
    eventName,
  })
  // CAST: parseEventLogs keeps only `eventName` logs, whose args have exactly this shape.
  return logs.map((log) => log.args as EndpointEvents[N])
}

/** The one message `side` sent in a transaction. */
export function sentIn(receipt: TransactionReceipt, side: Side) {
  const sent = eventsIn(receipt, side, 'MessageSent')
  expect(sent).toHaveLength(1)
  // CAST: length checked above.
  return sent[0] as (typeof sent)[number]
}

/** The checkpoint validators would sign now for `side`'s endpoint (SDK tree cross-checked). */
export async function currentCheckpoint(world: World, origin: Side) {
  const sent = await sentMessages(world, origin)
  const tree = new MerkleTree(sent.map((s) => s.id))
  const [root, index] = await origin.endpoint.read.latestCheckpoint()
  expect(tree.root(index + 1)).toBe(root)
  const checkpoint: Checkpoint = {
    origin: origin.domain,
    originEndpoint: evmAddressToBytes32(origin.endpoint.address),
    root,
    index,
  }
  return { checkpoint, tree, sent }
}

/** Signatures of `checkpoint` by the vector validators at `indices` (ascending by address). */
export async function signBy(checkpoint: Checkpoint, indices: readonly number[]): Promise<Hex[]> {
  return Promise.all(
    indices.map((i) => {
      const validator = validators[i]
      if (!validator) throw new RangeError(`no validator ${i}`)
      return signCheckpoint({ privateKey: validator.privateKey, checkpoint })
    }),
  )
}

export type ProveOptions = {
  /** Validator indices that sign (default: the first THRESHOLD); [] for none. */
  signers?: readonly number[]
  /** Signatures to use as given, instead of `signers`. */
  signatures?: readonly Hex[]
}

/** A multisig proof of `message` (sent by `origin`) against its latest checkpoint. */
export async function prove(world: World, origin: Side, message: Hex, options: ProveOptions = {}) {
  const { checkpoint, tree, sent } = await currentCheckpoint(world, origin)
  const leafIndex = sent.findIndex((s) => s.message.toLowerCase() === message.toLowerCase())
  expect(leafIndex, 'message not sent by this endpoint').toBeGreaterThanOrEqual(0)
  const signatures = options.signatures ?? (await signBy(checkpoint, options.signers ?? [0, 1, 2]))
  return encodeProof({
    checkpointIndex: checkpoint.index,
    leafIndex,
    branch: tree.getProof(leafIndex, checkpoint.index + 1).branch,
    signatures,
  })
}

/** Proves `message` from `origin` and delivers it to `destination` as the relayer. */
export async function relay(
  world: World,
  origin: Side,
  destination: Side,
  message: Hex,
  options: ProveOptions & { gas?: bigint } = {},
): Promise<TransactionReceipt> {
  const proof = await prove(world, origin, message, options)
  return world.mined(
    destination.endpoint.write.deliver([message, proof], {
      account: world.relayer.account,
      ...(options.gas === undefined ? {} : { gas: options.gas }),
    }),
  )
}

export type TestRecipient = ContractReturnType<'TestRecipient'>

export type SendOptions = {
  body?: Hex
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
}

/**
 * Has `app` (a TestRecipient on `origin`) send to `recipient` (bytes32) on `destination`, paying
 * the quote; returns the receipt and the MessageSent event.
 */
export async function sendFrom(
  world: World,
  app: TestRecipient,
  origin: Side,
  destination: number,
  recipient: Hex,
  { body = '0x68656c6c6f', gasLimit = 200_000, ackGasLimit = 0, deadline = 0n }: SendOptions = {},
) {
  const fee = await origin.endpoint.read.quote([
    destination,
    BigInt(size(body)),
    gasLimit,
    ackGasLimit,
  ])
  const receipt = await world.mined(
    app.write.sendVia(
      [origin.endpoint.address, destination, recipient, body, gasLimit, ackGasLimit, deadline],
      {
        value: fee,
        account: world.alice.account,
      },
    ),
  )
  return { receipt, sent: sentIn(receipt, origin), fee }
}

/** The message's own handler gas limit: the least `retry` accepts. */
export function gasLimitOf(message: Hex): number {
  return decodeMessage(message).gasLimit
}

/** The latest block's timestamp. */
export async function now(world: World): Promise<bigint> {
  return (await world.publicClient.getBlock()).timestamp
}

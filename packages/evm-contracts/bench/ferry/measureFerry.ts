/**
 * Gas of Ferry's endpoint for the operations compared with Hyperlane: `send` on the origin, and
 * `deliver` / `deliverBatch` through the multisig verifier on the destination. Every figure is the
 * mean `gasUsed` of whole transactions (intrinsic + calldata + execution) taken from receipts,
 * with the same bodies, windows and warm-ups as the Hyperlane side (../hyperlane/params.ts).
 */
import {
  type Checkpoint,
  encodeBatchProofs,
  encodeProof,
  evmAddressToBytes32,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import type { HardhatViemHelpers } from '@nomicfoundation/hardhat-viem/types'
import {
  type Address,
  encodeFunctionData,
  type Hex,
  keccak256,
  parseEventLogs,
  type TransactionReceipt,
  toHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { endpointAbi } from '../../dist/index.js'
import {
  connectEndpoints,
  type FerryDeployment,
  getSentMessages,
} from '../../dist/testing/index.js'
import { fillTree } from '../fillTree.ts'
import {
  DEEP_TREE_SIZE,
  DISPATCH_ALIGNMENT,
  DISPATCH_MEASURED,
  DISPATCH_SIZES,
  type DispatchBodySize,
  MIN_WARMUP,
  PROCESS_BODY_BYTES,
  PROCESS_MEASURED,
  PROCESS_WARMUP,
  VALIDATOR_COUNTS,
  type ValidatorCount,
} from '../hyperlane/params.ts'
import { bodyOf, mean } from '../shared.ts'
import { DESTINATION, ORIGIN, startFerryBench } from './startFerryBench.ts'

/** Mean whole-transaction gas of an operation, and the mean gas of its calldata alone. */
export type Measured = { gas: number; calldata: number }

export type FerryGas = {
  send: Record<DispatchBodySize, Measured>
  sendWithAck: { '32': Measured }
  deliver: Record<ValidatorCount, Measured>
  /** deliver with the origin's tree at DEEP_TREE_SIZE messages (the measured ones its last). */
  deliverTree65536: Record<ValidatorCount, Measured>
  /** Per message: the batch transaction's figures divided by the batch size. */
  batch10PerMessage: Measured
  /** Execution gas of the bench recipient's handler alone, part of every delivery's floor. */
  recipientExecution: number
}

/**
 * The handler gas every benchmark message asks for: enough for the recipient's first delivery,
 * which writes three fresh slots (Hyperlane's `process` forwards all gas; ours forwards this).
 */
const GAS_LIMIT = 100_000
const ACK_GAS_LIMIT = 100_000
const BATCH_SIZE = 10
const BATCH_SIGNATURES = 3
/** Messages delivered per validator set: warm-ups, then the measured ones. */
const PER_VALIDATOR_SET = PROCESS_WARMUP + PROCESS_MEASURED

export type Bench = {
  viem: Pick<HardhatViemHelpers, 'getPublicClient' | 'getWalletClients' | 'deployContract'>
  client: Awaited<ReturnType<HardhatViemHelpers['getPublicClient']>>
  deployer: Awaited<ReturnType<HardhatViemHelpers['getWalletClients']>>[number]
  relayer: Awaited<ReturnType<HardhatViemHelpers['getWalletClients']>>[number]
  origin: FerryDeployment
  destination: FerryDeployment
  recipient: Address
  salt: number
}

/** Deterministic validator keys: keccak256("ferry-bench/validator/<i>"). */
export function validatorKeys(count: number): Hex[] {
  return Array.from({ length: count }, (_, i) => keccak256(toHex(`ferry-bench/validator/${i}`)))
}

export async function measureFerry(viem: Bench['viem']): Promise<FerryGas> {
  const { bench } = await startFerryBench(viem)
  bench.recipient = (await viem.deployContract('BenchRecipient')).address
  const { relayer } = bench

  // Sends go to a recipient that never receives them, so their channel stays apart from the
  // channel the delivery figures use.
  const sink = evmAddressToBytes32(relayer.account.address)
  const send = {} as Record<DispatchBodySize, Measured>
  for (const size of DISPATCH_SIZES) send[size] = await measureSends(bench, sink, Number(size), 0)
  const sendWithAck = { '32': await measureSends(bench, sink, 32, ACK_GAS_LIMIT) }

  const deliver = await measureDeliveries(bench)

  const keys = validatorKeys(BATCH_SIGNATURES)
  await trust(bench, keys, keys.length)
  const batch = await sendMany(bench, BATCH_SIZE)
  const batchOrigin = await originTree(bench)
  const proofs = prove(batchOrigin, batch, await sign(batchOrigin, keys), 'first')
  const batchCost = await write(bench, 'deliverBatch', [batch, proofs])

  // The same deliveries once the origin's tree holds DEEP_TREE_SIZE messages.
  await fillOrigin(bench, DEEP_TREE_SIZE - PER_VALIDATOR_SET * VALIDATOR_COUNTS.length)
  const deliverTree65536 = await measureDeliveries(bench)

  return {
    send,
    sendWithAck,
    deliver,
    deliverTree65536,
    batch10PerMessage: {
      gas: Number(batchCost.gas) / BATCH_SIZE,
      calldata: batchCost.calldata / BATCH_SIZE,
    },
    recipientExecution: await measureRecipient(bench),
  }
}

/** Mean gas of DISPATCH_MEASURED sends at tree leaves 32k..32k+15, after warm-ups. */
async function measureSends(
  bench: Bench,
  recipient: Hex,
  size: number,
  ackGasLimit: number,
): Promise<Measured> {
  const count = async () =>
    bench.client.readContract({
      address: bench.origin.endpoint,
      abi: endpointAbi,
      functionName: 'merkleCount',
    })
  let warmups = 0
  while (warmups < MIN_WARMUP || (await count()) % DISPATCH_ALIGNMENT !== 0) {
    await sendOne(bench, recipient, bodyOf(size, bench.salt++), ackGasLimit)
    warmups++
  }
  const costs: Cost[] = []
  for (let i = 0; i < DISPATCH_MEASURED; i++)
    costs.push(await sendOne(bench, recipient, bodyOf(size, bench.salt++), ackGasLimit))
  return meanCost(costs)
}

async function sendOne(
  bench: Bench,
  recipient: Hex,
  body: Hex,
  ackGasLimit: number,
): Promise<Cost & { receipt: TransactionReceipt }> {
  const fee = await bench.client.readContract({
    address: bench.origin.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [DESTINATION, BigInt((body.length - 2) / 2), GAS_LIMIT, ackGasLimit],
  })
  const hash = await bench.deployer.writeContract({
    address: bench.origin.endpoint,
    abi: endpointAbi,
    functionName: 'send',
    args: [DESTINATION, recipient, body, GAS_LIMIT, ackGasLimit, 0n],
    value: fee,
  })
  return receiptGas(bench, hash, 'send')
}

/** Sends `count` 32-byte messages to the bench recipient; returns them encoded. */
async function sendMany(bench: Bench, count: number): Promise<Hex[]> {
  const messages: Hex[] = []
  for (let i = 0; i < count; i++) {
    const body = bodyOf(PROCESS_BODY_BYTES, bench.salt++)
    const { receipt } = await sendOne(bench, evmAddressToBytes32(bench.recipient), body, 0)
    const [sent] = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: receipt.logs,
    })
    if (!sent) throw new Error('ferry bench: send emitted no MessageSent')
    messages.push(sent.args.message)
  }
  return messages
}

/**
 * Sends PER_VALIDATOR_SET messages per validator set count, all up front (as Hyperlane's side
 * does), then delivers each set's with proofs against the origin's latest checkpoint signed n of
 * n; returns the mean of the deliveries after the warm-ups.
 */
async function measureDeliveries(bench: Bench): Promise<Record<ValidatorCount, Measured>> {
  const messages = await sendMany(bench, PER_VALIDATOR_SET * VALIDATOR_COUNTS.length)
  const origin = await originTree(bench)
  const result = {} as Record<ValidatorCount, Measured>
  for (const [set, count] of VALIDATOR_COUNTS.entries()) {
    const keys = validatorKeys(Number(count))
    await trust(bench, keys, keys.length)
    const mine = messages.slice(set * PER_VALIDATOR_SET, (set + 1) * PER_VALIDATOR_SET)
    const proofs = prove(origin, mine, await sign(origin, keys), 'every')
    const costs: Cost[] = []
    for (const [i, proof] of proofs.entries()) {
      const cost = await write(bench, 'deliver', [mine[i] as Hex, proof])
      if (i >= PROCESS_WARMUP) costs.push(cost)
    }
    result[count] = meanCost(costs)
  }
  return result
}

/** Makes the destination trust `keys` (n-of-n when threshold = keys.length) for the origin. */
export async function trust(bench: Bench, keys: Hex[], threshold: number): Promise<void> {
  const validators = keys.map((key) => privateKeyToAccount(key).address)
  await connectEndpoints(
    { client: bench.client, wallet: bench.deployer },
    { local: bench.destination, remote: bench.origin, validators, threshold },
  )
}

/** Fills the origin's tree, through a Repeater, with sends until it holds `size` messages. */
async function fillOrigin(bench: Bench, size: number): Promise<void> {
  const sink = evmAddressToBytes32(bench.relayer.account.address)
  const body = bodyOf(PROCESS_BODY_BYTES, bench.salt++)
  const fee = await bench.client.readContract({
    address: bench.origin.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [DESTINATION, BigInt(PROCESS_BODY_BYTES), GAS_LIMIT, 0],
  })
  const count = await bench.client.readContract({
    address: bench.origin.endpoint,
    abi: endpointAbi,
    functionName: 'merkleCount',
  })
  await fillTree({
    viem: bench.viem,
    target: bench.origin.endpoint,
    data: encodeFunctionData({
      abi: endpointAbi,
      functionName: 'send',
      args: [DESTINATION, sink, body, GAS_LIMIT, 0, 0n],
    }),
    value: fee,
    count: size - count,
  })
}

/** The origin's tree, rebuilt from its MessageSent events, with their encoded messages. */
export type OriginTree = { tree: MerkleTree; sent: Map<Hex, number>; checkpoint: Checkpoint }

export async function originTree(bench: Bench): Promise<OriginTree> {
  const sent = await getSentMessages(bench.client, { endpoint: bench.origin.endpoint })
  const tree = new MerkleTree(sent.map(({ id }) => id))
  const checkpoint: Checkpoint = {
    origin: ORIGIN,
    originEndpoint: evmAddressToBytes32(bench.origin.endpoint),
    root: tree.root(),
    index: tree.count - 1,
  }
  return {
    tree,
    sent: new Map(sent.map(({ encoded, leafIndex }) => [encoded, leafIndex])),
    checkpoint,
  }
}

/** `keys`' signatures of the origin's latest checkpoint, sorted by signer. */
export async function sign({ checkpoint }: OriginTree, keys: Hex[]): Promise<Hex[]> {
  return sortSignaturesBySigner({
    checkpoint,
    signatures: await Promise.all(
      keys.map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
    ),
  })
}

/**
 * Compact proofs of `messages` against the origin's latest checkpoint: each signed (single
 * deliveries), or a batch's, signed on the first only.
 */
export function prove(
  { tree, sent, checkpoint }: OriginTree,
  messages: Hex[],
  signatures: Hex[],
  signed: 'every' | 'first',
): Hex[] {
  const leaves = messages.map((message) => {
    const leafIndex = sent.get(message)
    if (leafIndex === undefined) throw new Error('ferry bench: message not sent by the origin')
    return { leafIndex, branch: tree.getProof(leafIndex).branch }
  })
  if (signed === 'first')
    return encodeBatchProofs({ checkpointIndex: checkpoint.index, signatures, leaves })
  return leaves.map((leaf) =>
    encodeProof({ checkpointIndex: checkpoint.index, ...leaf, signatures }),
  )
}

async function write(
  bench: Bench,
  functionName: 'deliver' | 'deliverBatch',
  args: readonly [Hex, Hex] | readonly [Hex[], Hex[]],
): Promise<Cost> {
  const hash = await bench.relayer.writeContract({
    address: bench.destination.endpoint,
    abi: endpointAbi,
    functionName,
    // CAST: `args` matches `functionName` by construction of the two call sites above.
    args: args as never,
  })
  return receiptGas(bench, hash, functionName)
}

/** Execution gas of the recipient's handler alone (a direct call, minus intrinsic and calldata). */
async function measureRecipient(bench: Bench): Promise<number> {
  const recipient = await bench.viem.deployContract('BenchRecipient')
  const sender = evmAddressToBytes32(bench.deployer.account.address)
  // Twice: the second call overwrites set slots with a new body, as every measured delivery does.
  await recipient.write.handle([ORIGIN, sender, 1n, bodyOf(PROCESS_BODY_BYTES, bench.salt++)])
  const hash = await recipient.write.handle([
    ORIGIN,
    sender,
    2n,
    bodyOf(PROCESS_BODY_BYTES, bench.salt++),
  ])
  const { gas, calldata } = await receiptGas(bench, hash, 'BenchRecipient.handle')
  return Number(gas) - 21_000 - calldata
}

export function calldataGas(input: Hex): number {
  let gas = 0
  for (let i = 2; i < input.length; i += 2) gas += input.slice(i, i + 2) === '00' ? 4 : 16
  return gas
}

/** A measured transaction: its gasUsed and the gas its calldata alone costs. */
export type Cost = { gas: bigint; calldata: number }

export async function receiptGas(
  bench: Bench,
  hash: Hex,
  what: string,
): Promise<Cost & { receipt: TransactionReceipt }> {
  const receipt = await bench.client.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success') throw new Error(`ferry bench: ${what} reverted (tx ${hash})`)
  // A delivery that ended Failed would measure a cheaper path than the one compared.
  const delivered = parseEventLogs({
    abi: endpointAbi,
    eventName: 'MessageDelivered',
    logs: receipt.logs,
  })
  const notExecuted = delivered.find(({ args }) => args.status !== MessageStatus.Executed)
  if (notExecuted)
    throw new Error(
      `ferry bench: ${what} left ${notExecuted.args.id} in status ${notExecuted.args.status}`,
    )
  const { input } = await bench.client.getTransaction({ hash })
  return { gas: receipt.gasUsed, calldata: calldataGas(input), receipt }
}

export function meanCost(costs: readonly Cost[]): Measured {
  return {
    gas: mean(costs.map(({ gas }) => gas)),
    calldata: mean(costs.map(({ calldata }) => BigInt(calldata))),
  }
}

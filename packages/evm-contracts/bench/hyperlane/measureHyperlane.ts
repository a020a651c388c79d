/**
 * Gas of Hyperlane's real contracts (bytecode from @hyperlane-xyz/core, see artifacts.ts) for the
 * two operations Ferry is compared on: `Mailbox.dispatch` on the origin and `Mailbox.process`
 * through a merkle-root multisig ISM on the destination. Every figure is the mean `gasUsed` of
 * whole transactions (intrinsic + calldata + execution) taken from receipts.
 *
 * Usage: `const { viem } = await network.connect(); const gas = await measureHyperlane(viem)`.
 */

import type { Address, Hex, LocalAccount } from 'viem'
import { encodeFunctionData, isAddressEqual, pad, parseEventLogs } from 'viem'
import { fillTree } from '../fillTree.ts'
import { hyperlaneArtifact } from './artifacts.ts'
import type { Chain, ViemHelpers } from './chain.ts'
import { connectChain, read, send } from './chain.ts'
import type { HyperlaneDeployment } from './deploy.ts'
import {
  DESTINATION_DOMAIN,
  deployHyperlane,
  ORIGIN_DOMAIN,
  useMultisigIsm,
  validatorAccounts,
} from './deploy.ts'
import { branchRoot, HyperlaneMerkleTree } from './merkle.ts'
import type { Checkpoint } from './metadata.ts'
import type { DispatchBodySize, ValidatorCount } from './params.ts'
import {
  DISPATCH_ALIGNMENT,
  DISPATCH_MEASURED,
  DISPATCH_SIZES,
  describeSetup,
  MIN_WARMUP,
  PROCESS_BODY_BYTES,
  PROCESS_MEASURED,
  PROCESS_WARMUP,
  VALIDATOR_COUNTS,
} from './params.ts'

export type { DispatchBodySize, ValidatorCount } from './params.ts'

import { bodyOf, mean } from '../shared.ts'
import { decodeMessage, encodeMerkleRootMetadata, messageId, signCheckpoint } from './metadata.ts'

export type HyperlaneGas = {
  /** Mean gasUsed of `Mailbox.dispatch` per body size in bytes. */
  readonly dispatch: Record<DispatchBodySize, number>
  /** Mean gasUsed of `Mailbox.process` per n-of-n validator set size, 32-byte body. */
  readonly process: Record<ValidatorCount, number>
  /** The same with the origin's tree at `deepTreeSize` messages, when asked for. */
  readonly processDeepTree?: Record<ValidatorCount, number>
  /** One paragraph describing the configuration measured. */
  readonly setup: string
}

export type MeasureHyperlaneOptions = {
  /**
   * Put Mailbox and InterchainGasPaymaster behind TransparentUpgradeableProxy, as Hyperlane
   * deploys them (default true). `false` measures the bare implementations.
   */
  readonly proxies?: boolean
  /**
   * Also measure `process` once the origin's tree holds this many messages, the measured ones
   * being its last (see DEEP_TREE_SIZE in params.ts).
   */
  readonly deepTreeSize?: number
}

type Dispatched = { readonly gasUsed: bigint; readonly message: Hex; readonly index: number }

/** State shared by the dispatch and process phases: one origin tree, mirrored off-chain. */
type Bench = {
  readonly chain: Chain
  readonly hyperlane: HyperlaneDeployment
  readonly tree: HyperlaneMerkleTree
  readonly recipient: Hex
  salt: number
}

/**
 * One `Mailbox.dispatch(destination, recipient, body)` from the deployer EOA, paying exactly the
 * quoted IGP fee (overpaying would add a refund transfer). Checks the Dispatch log, the tree
 * insertion index and a non-zero IGP payment, and mirrors the leaf into the off-chain tree.
 */
async function dispatchOne(bench: Bench, body: Hex): Promise<Dispatched> {
  const { chain, hyperlane, tree } = bench
  const args = [DESTINATION_DOMAIN, bench.recipient, body] as const
  const fee = (await read(
    chain,
    'Mailbox',
    hyperlane.originMailbox,
    'quoteDispatch',
    args,
  )) as bigint
  if (fee === 0n) throw new Error('hyperlane bench: IGP quote is zero; gas oracle not configured')
  const receipt = await send(chain, {
    contract: 'Mailbox',
    address: hyperlane.originMailbox,
    functionName: 'dispatch',
    args,
    value: fee,
  })
  const [dispatch] = parseEventLogs({
    abi: hyperlaneArtifact('Mailbox').abi,
    logs: receipt.logs,
    eventName: 'Dispatch',
  })
  const [inserted] = parseEventLogs({
    abi: hyperlaneArtifact('MerkleTreeHook').abi,
    logs: receipt.logs,
    eventName: 'InsertedIntoTree',
  })
  const [payment] = parseEventLogs({
    abi: hyperlaneArtifact('InterchainGasPaymaster').abi,
    logs: receipt.logs,
    eventName: 'GasPayment',
  })
  // CAST: event args as declared in Hyperlane's ABI (parseEventLogs cannot narrow a wide Abi).
  const message = (dispatch?.args as { message?: Hex } | undefined)?.message
  const insertedArgs = inserted?.args as { messageId?: Hex; index?: number } | undefined
  const paid = (payment?.args as { payment?: bigint } | undefined)?.payment
  if (message === undefined || insertedArgs?.messageId !== messageId(message)) {
    throw new Error('hyperlane bench: dispatch did not insert the dispatched message into the tree')
  }
  if (paid !== fee) throw new Error(`hyperlane bench: IGP took ${paid} wei, expected ${fee}`)
  const index = tree.insert(messageId(message))
  if (insertedArgs.index !== index)
    throw new Error('hyperlane bench: off-chain tree is out of step')
  if (decodeMessage(message).body !== body.toLowerCase())
    throw new Error('hyperlane bench: body mangled')
  return { gasUsed: receipt.gasUsed, message, index }
}

async function measureDispatch(bench: Bench): Promise<Record<DispatchBodySize, number>> {
  const result: Partial<Record<DispatchBodySize, number>> = {}
  for (const size of DISPATCH_SIZES) {
    const bytes = Number(size)
    const minStart = Math.max(bench.tree.count + MIN_WARMUP, DISPATCH_ALIGNMENT)
    const start = Math.ceil(minStart / DISPATCH_ALIGNMENT) * DISPATCH_ALIGNMENT
    while (bench.tree.count < start) await dispatchOne(bench, bodyOf(bytes, bench.salt++))
    const gas: bigint[] = []
    for (let i = 0; i < DISPATCH_MEASURED; i++)
      gas.push((await dispatchOne(bench, bodyOf(bytes, bench.salt++))).gasUsed)
    result[size] = mean(gas)
  }
  return result as Record<DispatchBodySize, number>
}

/**
 * Delivers `messages` with metadata proving each against one checkpoint (the origin tree at its
 * latest index, signed by `validators` in ISM order), as a relayer does with the newest checkpoint
 * validators have signed. Returns per-message gasUsed after checking delivery and the recipient's
 * stored body.
 */
async function processAll(
  bench: Bench,
  messages: readonly Dispatched[],
  checkpoint: Checkpoint,
  validators: readonly LocalAccount[],
): Promise<bigint[]> {
  const { chain, hyperlane, tree } = bench
  const signatures = await signCheckpoint(checkpoint, validators)
  const gas: bigint[] = []
  for (const { message, index } of messages) {
    const id = messageId(message)
    const proof = tree.proof(index, checkpoint.index + 1)
    if (branchRoot(id, proof, index) !== checkpoint.root)
      throw new Error('hyperlane bench: bad merkle proof')
    const metadata = encodeMerkleRootMetadata({
      checkpoint,
      messageIndex: index,
      proof,
      signatures,
    })
    const receipt = await send(chain, {
      contract: 'Mailbox',
      address: hyperlane.destinationMailbox,
      functionName: 'process',
      args: [metadata, message],
      from: chain.relayer,
    }).catch((error: unknown) => {
      const what = `message ${index}, ${validators.length} signatures`
      throw new Error(`hyperlane bench: Mailbox.process failed (${what})`, { cause: error })
    })
    if (receipt.status !== 'success')
      throw new Error(`hyperlane bench: process of message ${index} reverted`)
    const delivered = await read(chain, 'Mailbox', hyperlane.destinationMailbox, 'delivered', [id])
    const stored = (await read(chain, 'TestRecipient', hyperlane.recipient, 'lastData')) as Hex
    const sender = (await read(chain, 'TestRecipient', hyperlane.recipient, 'lastSender')) as Hex
    const sent = decodeMessage(message)
    if (delivered !== true || stored !== sent.body || sender !== sent.sender) {
      throw new Error(`hyperlane bench: TestRecipient did not receive message ${index} as sent`)
    }
    gas.push(receipt.gasUsed)
  }
  return gas
}

/**
 * Fills the origin's tree to `size` messages through a Repeater that dispatches in a loop (as
 * the Ferry side does), mirroring every inserted leaf into the off-chain tree.
 */
async function fillOrigin(bench: Bench, viem: ViemHelpers, size: number): Promise<void> {
  const { chain, hyperlane, tree } = bench
  const args = [DESTINATION_DOMAIN, bench.recipient, bodyOf(PROCESS_BODY_BYTES, bench.salt++)]
  const fee = (await read(
    chain,
    'Mailbox',
    hyperlane.originMailbox,
    'quoteDispatch',
    args,
  )) as bigint
  await fillTree({
    viem,
    target: hyperlane.originMailbox,
    data: encodeFunctionData({
      abi: hyperlaneArtifact('Mailbox').abi,
      functionName: 'dispatch',
      args,
    }),
    value: fee,
    count: size - tree.count,
    onReceipt: (receipt) => {
      const inserted = parseEventLogs({
        abi: hyperlaneArtifact('MerkleTreeHook').abi,
        logs: receipt.logs,
        eventName: 'InsertedIntoTree',
      })
      for (const { args: insertedArgs } of inserted) {
        // CAST: event args as declared in Hyperlane's ABI (parseEventLogs cannot narrow a wide Abi).
        const { messageId: id, index } = insertedArgs as { messageId: Hex; index: number }
        if (tree.insert(id) !== index) throw new Error('hyperlane bench: fill out of step')
      }
    },
  })
}

async function measureProcess(
  bench: Bench,
  validatorKeys: readonly LocalAccount[],
): Promise<Record<ValidatorCount, number>> {
  const { chain, hyperlane, tree } = bench
  // Every delivery consumes its message, so dispatch a fresh batch per validator set up front.
  const perSet = PROCESS_WARMUP + PROCESS_MEASURED
  const batch: Dispatched[] = []
  for (let i = 0; i < perSet * VALIDATOR_COUNTS.length; i++) {
    batch.push(await dispatchOne(bench, bodyOf(PROCESS_BODY_BYTES, bench.salt++)))
  }
  const latest = tree.count - 1
  const checkpoint: Checkpoint = {
    origin: ORIGIN_DOMAIN,
    merkleTreeHook: hyperlane.merkleTreeHook,
    root: tree.root(),
    index: latest,
    messageId: tree.leaf(latest),
  }
  // What a validator would read before signing: the hook's own latest checkpoint.
  const [onChainRoot, onChainIndex] = (await read(
    chain,
    'MerkleTreeHook',
    hyperlane.merkleTreeHook,
    'latestCheckpoint',
  )) as [Hex, number]
  if (onChainRoot !== checkpoint.root || onChainIndex !== checkpoint.index) {
    throw new Error(
      'hyperlane bench: off-chain merkle root differs from MerkleTreeHook.latestCheckpoint()',
    )
  }

  const result: Partial<Record<ValidatorCount, number>> = {}
  for (const [setIndex, count] of VALIDATOR_COUNTS.entries()) {
    const validators = validatorKeys.slice(0, Number(count))
    const ism = await useMultisigIsm(chain, hyperlane, validators)
    const ismOf = (await read(chain, 'Mailbox', hyperlane.destinationMailbox, 'recipientIsm', [
      hyperlane.recipient,
    ])) as Address
    if (!isAddressEqual(ismOf, ism))
      throw new Error('hyperlane bench: recipient does not resolve to the multisig ISM')
    const messages = batch.slice(setIndex * perSet, (setIndex + 1) * perSet)
    const gas = await processAll(bench, messages, checkpoint, validators)
    result[count] = mean(gas.slice(PROCESS_WARMUP))
  }
  return result as Record<ValidatorCount, number>
}

/** Deploys Hyperlane on the connected chain and measures dispatch and process gas. */
export async function measureHyperlane(
  viem: ViemHelpers,
  options: MeasureHyperlaneOptions = {},
): Promise<HyperlaneGas> {
  const proxies = options.proxies ?? true
  const chain = await connectChain(viem)
  const validatorKeys = validatorAccounts(5)
  const [firstValidator] = validatorKeys
  if (!firstValidator) throw new Error('unreachable: no validator keys')
  const hyperlane = await deployHyperlane(chain, { proxies, originValidator: firstValidator })
  const bench: Bench = {
    chain,
    hyperlane,
    tree: new HyperlaneMerkleTree(),
    recipient: pad(hyperlane.recipient, { size: 32 }),
    salt: 0,
  }
  const dispatch = await measureDispatch(bench)
  const processGas = await measureProcess(bench, validatorKeys)
  if (options.deepTreeSize === undefined)
    return { dispatch, process: processGas, setup: describeSetup(proxies) }
  const batchSize = (PROCESS_WARMUP + PROCESS_MEASURED) * VALIDATOR_COUNTS.length
  await fillOrigin(bench, viem, options.deepTreeSize - batchSize)
  const processDeepTree = await measureProcess(bench, validatorKeys)
  return {
    dispatch,
    process: processGas,
    processDeepTree,
    setup: describeSetup(proxies, options.deepTreeSize),
  }
}

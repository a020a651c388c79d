/**
 * Gas of a token transfer, both legs, with Ferry's bridges and with Hyperlane's warp route
 * (`HypERC20Collateral` locking an ERC-20 on the origin, `HypERC20` minting on the destination,
 * bytecode from @hyperlane-xyz/core, bare, over the main bench's Mailbox setup). The same
 * OpenZeppelin ERC-20 is locked on both; each side sends WARMUP + MEASURED transfers of one
 * token from an EOA (that approved the bridge) to one recipient, then delivers each with a
 * SIGNATURES-of-SIGNATURES proof. Both mint bridges issue an 18-decimal token (Hyperlane's scale
 * 1/1; Ferry's route scales by 10^0), so neither side rounds.
 */
import { evmAddressToBytes32 } from '@ferry/protocol'
import { type Address, type Hex, pad, parseEventLogs, zeroAddress } from 'viem'
import { bridgedTokenAbi, endpointAbi } from '../../dist/index.js'
import {
  type Bench,
  type Cost,
  meanCost,
  originTree,
  prove,
  receiptGas,
  sign,
  trust,
  validatorKeys,
} from '../ferry/measureFerry.ts'
import { startFerryBench } from '../ferry/startFerryBench.ts'
import { hyperlaneArtifact } from '../hyperlane/artifacts.ts'
import { connectChain, deploy, read, send, type ViemHelpers } from '../hyperlane/chain.ts'
import {
  DESTINATION_DOMAIN,
  deployHyperlane,
  ORIGIN_DOMAIN,
  useMultisigIsm,
  validatorAccounts,
} from '../hyperlane/deploy.ts'
import { HyperlaneMerkleTree } from '../hyperlane/merkle.ts'
import {
  type Checkpoint,
  encodeMerkleRootMetadata,
  messageId,
  signCheckpoint,
} from '../hyperlane/metadata.ts'
import { mean } from '../shared.ts'

export const WARMUP = 32
export const MEASURED = 16
export const SIGNATURES = 3
/** Handler gas of a transfer on both (Hyperlane: the router's destination gas). */
export const TRANSFER_GAS_LIMIT = 200_000
const AMOUNT = 10n ** 18n
const MAX = 2n ** 128n - 1n

export type TransferGas = { transferSend: number; transferDeliver: number }

export async function measureFerryTransfers(viem: Bench['viem']): Promise<TransferGas> {
  const { bench } = await startFerryBench(viem)
  const { client, relayer, origin, destination } = bench
  const [, , recipientWallet] = await viem.getWalletClients()
  if (!recipientWallet) throw new Error('token bench: needs three funded accounts')
  const owner = bench.deployer.account.address
  const keys = validatorKeys(SIGNATURES)
  await trust(bench, keys, keys.length)

  const token = await viem.deployContract('OzTestToken')
  const lock = await viem.deployContract('CollateralTokenBridge', [
    origin.endpoint,
    owner,
    token.address,
  ])
  const mint = await viem.deployContract('SyntheticTokenBridge', [
    destination.endpoint,
    owner,
    'Bridged',
    'BRG',
    18,
  ])
  const mined = async (hash: Promise<Hex>) => client.waitForTransactionReceipt({ hash: await hash })
  const route = { enabled: true, remoteDecimals: 18, gasLimit: TRANSFER_GAS_LIMIT }
  await mined(lock.write.setRoute([DESTINATION_DOMAIN, route, MAX, MAX, MAX, MAX]))
  await mined(mint.write.setRoute([ORIGIN_DOMAIN, route, MAX, MAX, MAX, MAX]))
  await mined(lock.write.setPeer([DESTINATION_DOMAIN, evmAddressToBytes32(mint.address)]))
  await mined(mint.write.setPeer([ORIGIN_DOMAIN, evmAddressToBytes32(lock.address)]))
  await mined(token.write.mint([owner, 1_000n * AMOUNT]))
  await mined(token.write.approve([lock.address, 1_000n * AMOUNT]))

  const to = evmAddressToBytes32(recipientWallet.account.address)
  const [fee] = await lock.read.quoteTransfer([DESTINATION_DOMAIN, AMOUNT])
  const sends: Cost[] = []
  const messages: Hex[] = []
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const cost = await receiptGas(
      bench,
      await lock.write.transferRemote([DESTINATION_DOMAIN, to, AMOUNT], { value: fee }),
      'transferRemote',
    )
    const [sent] = parseEventLogs({
      abi: endpointAbi,
      eventName: 'MessageSent',
      logs: cost.receipt.logs,
    })
    if (!sent) throw new Error('token bench: transferRemote sent no message')
    messages.push(sent.args.message)
    if (i >= WARMUP) sends.push(cost)
  }
  const tree = await originTree(bench)
  const proofs = prove(tree, messages, await sign(tree, keys), 'every')
  const bridged = await mint.read.token()
  const delivers: Cost[] = []
  for (const [i, proof] of proofs.entries()) {
    const hash = await relayer.writeContract({
      address: destination.endpoint,
      abi: endpointAbi,
      functionName: 'deliver',
      args: [messages[i] as Hex, proof],
    })
    const cost = await receiptGas(bench, hash, 'deliver transfer')
    if (
      (await client.readContract({
        address: bridged,
        abi: bridgedTokenAbi,
        functionName: 'balanceOf',
        args: [recipientWallet.account.address],
      })) !==
      BigInt(i + 1) * AMOUNT
    )
      throw new Error(`token bench: delivery ${i} did not mint`)
    if (i >= WARMUP) delivers.push(cost)
  }
  return { transferSend: meanCost(sends).gas, transferDeliver: meanCost(delivers).gas }
}

export async function measureHyperlaneTransfers(
  viem: ViemHelpers & Bench['viem'],
): Promise<TransferGas & { setup: string }> {
  const chain = await connectChain(viem)
  const [, , recipientWallet] = await viem.getWalletClients()
  if (!recipientWallet) throw new Error('token bench: needs three funded accounts')
  const validators = validatorAccounts(SIGNATURES)
  const [first] = validators
  if (!first) throw new Error('unreachable: no validators')
  const hyperlane = await deployHyperlane(chain, { proxies: false, originValidator: first })
  await useMultisigIsm(chain, hyperlane, validators)

  const owner = chain.deployer.account.address
  const token = await viem.deployContract('OzTestToken')
  const collateral = await deploy(chain, 'HypERC20Collateral', [
    token.address,
    1n,
    1n,
    hyperlane.originMailbox,
  ])
  await send(chain, {
    contract: 'HypERC20Collateral',
    address: collateral,
    functionName: 'initialize',
    args: [zeroAddress, zeroAddress, owner],
  })
  const synthetic = await deploy(chain, 'HypERC20', [18, 1n, 1n, hyperlane.destinationMailbox])
  await send(chain, {
    contract: 'HypERC20',
    address: synthetic,
    functionName: 'initialize',
    args: [0n, 'Synthetic', 'SYN', zeroAddress, zeroAddress, owner],
  })
  for (const [contract, router, domain, remote] of [
    ['HypERC20Collateral', collateral, DESTINATION_DOMAIN, synthetic],
    ['HypERC20', synthetic, ORIGIN_DOMAIN, collateral],
  ] as const) {
    await send(chain, {
      contract,
      address: router,
      functionName: 'enrollRemoteRouter',
      args: [domain, pad(remote, { size: 32 })],
    })
    await send(chain, {
      contract,
      address: router,
      functionName: 'setDestinationGas',
      args: [domain, BigInt(TRANSFER_GAS_LIMIT)],
    })
  }
  const mined = async (hash: Promise<Hex>) =>
    chain.publicClient.waitForTransactionReceipt({ hash: await hash })
  await mined(token.write.mint([owner, 1_000n * AMOUNT]))
  await mined(token.write.approve([collateral, 1_000n * AMOUNT]))

  const to = pad(recipientWallet.account.address, { size: 32 })
  // CAST: Quote[] as declared in Hyperlane's ABI.
  const quotes = (await read(chain, 'HypERC20Collateral', collateral, 'quoteTransferRemote', [
    DESTINATION_DOMAIN,
    to,
    AMOUNT,
  ])) as readonly { token: Address; amount: bigint }[]
  const fee = quotes[0]?.amount ?? 0n
  if (quotes[0]?.token !== zeroAddress) throw new Error('token bench: Hyperlane quotes a token fee')

  const tree = new HyperlaneMerkleTree()
  const sends: bigint[] = []
  const messages: { message: Hex; index: number }[] = []
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const receipt = await send(chain, {
      contract: 'HypERC20Collateral',
      address: collateral,
      functionName: 'transferRemote',
      args: [DESTINATION_DOMAIN, to, AMOUNT],
      value: fee,
    })
    const [dispatch] = parseEventLogs({
      abi: hyperlaneArtifact('Mailbox').abi,
      logs: receipt.logs,
      eventName: 'Dispatch',
    })
    // CAST: event args as declared in Hyperlane's ABI (parseEventLogs cannot narrow a wide Abi).
    const message = (dispatch?.args as { message?: Hex } | undefined)?.message
    if (message === undefined) throw new Error('token bench: transferRemote dispatched nothing')
    messages.push({ message, index: tree.insert(messageId(message)) })
    if (i >= WARMUP) sends.push(receipt.gasUsed)
  }
  const [root, index] = (await read(
    chain,
    'MerkleTreeHook',
    hyperlane.merkleTreeHook,
    'latestCheckpoint',
  )) as [Hex, number]
  const checkpoint: Checkpoint = {
    origin: ORIGIN_DOMAIN,
    merkleTreeHook: hyperlane.merkleTreeHook,
    root: tree.root(),
    index: tree.count - 1,
    messageId: tree.leaf(tree.count - 1),
  }
  if (root !== checkpoint.root || index !== checkpoint.index)
    throw new Error('token bench: off-chain tree differs from the MerkleTreeHook')
  const signatures = await signCheckpoint(checkpoint, validators)

  const delivers: bigint[] = []
  for (const [i, { message, index: leaf }] of messages.entries()) {
    const metadata = encodeMerkleRootMetadata({
      checkpoint,
      messageIndex: leaf,
      proof: tree.proof(leaf, checkpoint.index + 1),
      signatures,
    })
    const receipt = await send(chain, {
      contract: 'Mailbox',
      address: hyperlane.destinationMailbox,
      functionName: 'process',
      args: [metadata, message],
      from: chain.relayer,
    })
    const balance = (await read(chain, 'HypERC20', synthetic, 'balanceOf', [
      recipientWallet.account.address,
    ])) as bigint
    if (balance !== BigInt(i + 1) * AMOUNT)
      throw new Error(`token bench: process ${i} did not mint`)
    if (i >= WARMUP) delivers.push(receipt.gasUsed)
  }
  return {
    transferSend: mean(sends),
    transferDeliver: mean(delivers),
    setup: `Hyperlane HypERC20Collateral -> HypERC20 (@hyperlane-xyz/core bytecode, bare, scale 1/1, destination gas ${TRANSFER_GAS_LIMIT}) over the main bench's bare Mailbox/MerkleTreeHook/IGP, paying exactly quoteTransferRemote's native fee; process through a ${SIGNATURES}-of-${SIGNATURES} merkle-root multisig ISM (the Mailbox default).`,
  }
}

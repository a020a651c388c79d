/**
 * Gas of Hyperlane's InterchainAccountRouter (bytecode from @hyperlane-xyz/core, see
 * ../hyperlane/artifacts.ts): `callRemote(destination, calls)` on the origin and
 * `Mailbox.process` of its message on the destination, which routes the ISM through the router
 * (its message names no ISM, so the Mailbox's default: a 3-of-3 merkle-root multisig ISM) and
 * runs the call through the owner's account. The Mailbox setup is the main bench's
 * (../hyperlane/deploy.ts, bare, no proxies).
 */
import {
  type Address,
  encodeFunctionData,
  type Hex,
  pad,
  parseEventLogs,
  zeroAddress,
  zeroHash,
} from 'viem'
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
import { MEASURED, type RemoteCallGas, SIGNATURES, WARMUP } from './params.ts'

/** The IGP's gas limit for a message without hook metadata (StandardHookMetadata's default). */
const IGP_DEFAULT_GAS_LIMIT = 50_000n

export async function measureHyperlaneRemoteCalls(
  viem: ViemHelpers,
): Promise<RemoteCallGas & { setup: string }> {
  const chain = await connectChain(viem)
  const validators = validatorAccounts(SIGNATURES)
  const [first] = validators
  if (!first) throw new Error('unreachable: no validators')
  const hyperlane = await deployHyperlane(chain, { proxies: false, originValidator: first })
  await useMultisigIsm(chain, hyperlane, validators)

  // (mailbox, hook = none: the Mailbox's default hook, owner, commit-reveal gas, CCIP-read URLs:
  // the constructor wants at least one; commit-reveal is never used here, so it is never read)
  const owner = chain.deployer.account.address
  const icaArgs = (mailbox: Address) =>
    [mailbox, zeroAddress, owner, 0n, ['https://ccip-read.invalid/{sender}/{data}']] as const
  const originIca = await deploy(chain, 'InterchainAccountRouter', icaArgs(hyperlane.originMailbox))
  const destinationIca = await deploy(
    chain,
    'InterchainAccountRouter',
    icaArgs(hyperlane.destinationMailbox),
  )
  for (const [router, domain, remote] of [
    [originIca, DESTINATION_DOMAIN, destinationIca],
    [destinationIca, ORIGIN_DOMAIN, originIca],
  ] as const) {
    await send(chain, {
      contract: 'InterchainAccountRouter',
      address: router,
      functionName: 'enrollRemoteRouterAndIsm',
      args: [domain, pad(remote, { size: 32 }), zeroHash],
    })
  }

  const target = await viem.deployContract('RemoteCallTarget')
  const calls = [
    {
      to: pad(target.address, { size: 32 }),
      value: 0n,
      data: encodeFunctionData({ abi: target.abi, functionName: 'increment', args: [1n] }),
    },
  ]
  const fee = (await read(chain, 'InterchainAccountRouter', originIca, 'quoteGasPayment', [
    DESTINATION_DOMAIN,
    IGP_DEFAULT_GAS_LIMIT,
  ])) as bigint

  const tree = new HyperlaneMerkleTree()
  const sends: bigint[] = []
  const messages: { message: Hex; index: number }[] = []
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    const receipt = await send(chain, {
      contract: 'InterchainAccountRouter',
      address: originIca,
      functionName: 'callRemote',
      args: [DESTINATION_DOMAIN, calls],
      value: fee,
    })
    const [dispatch] = parseEventLogs({
      abi: hyperlaneArtifact('Mailbox').abi,
      logs: receipt.logs,
      eventName: 'Dispatch',
    })
    const [payment] = parseEventLogs({
      abi: hyperlaneArtifact('InterchainGasPaymaster').abi,
      logs: receipt.logs,
      eventName: 'GasPayment',
    })
    // CAST: event args as declared in Hyperlane's ABI (parseEventLogs cannot narrow a wide Abi).
    const message = (dispatch?.args as { message?: Hex } | undefined)?.message
    const paid = (payment?.args as { payment?: bigint } | undefined)?.payment
    if (message === undefined) throw new Error('hyperlane ICA bench: callRemote dispatched nothing')
    if (paid !== fee) throw new Error(`hyperlane ICA bench: IGP took ${paid}, expected ${fee}`)
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
    throw new Error('hyperlane ICA bench: off-chain tree differs from the MerkleTreeHook')
  const signatures = await signCheckpoint(checkpoint, validators)

  const delivers: bigint[] = []
  let firstDeliver = 0
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
    if ((await target.read.count()) !== BigInt(i + 1))
      throw new Error(`hyperlane ICA bench: process ${i} did not increment the counter`)
    if (i === 0) firstDeliver = Number(receipt.gasUsed)
    if (i >= WARMUP) delivers.push(receipt.gasUsed)
  }
  return {
    callRemoteSend: mean(sends),
    callRemoteDeliver: mean(delivers),
    firstDeliver,
    setup: `Hyperlane InterchainAccountRouter (@hyperlane-xyz/core bytecode) over the main bench's bare Mailbox/MerkleTreeHook/IGP; callRemote(destination, calls) from an EOA paying exactly the IGP quote for its default ${IGP_DEFAULT_GAS_LIMIT} gas; process through the router's routing ISM to a ${SIGNATURES}-of-${SIGNATURES} merkle-root multisig ISM (the Mailbox default).`,
  }
}

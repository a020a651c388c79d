import {
  type Checkpoint,
  encodeBatchProofs,
  evmAddressToBytes32,
  MerkleTree,
  MessageStatus,
  signCheckpoint,
  sortSignaturesBySigner,
} from '@ferry/protocol'
import { type Address, type Hex, type PublicClient, parseEventLogs, type WalletClient } from 'viem'
import { endpointAbi } from '../generated/endpoint.js'
import { getSentMessages, type SentMessage } from './getSentMessages.js'

export type RelayMessagesParameters = {
  origin: { client: PublicClient; endpoint: Address; domain: number }
  destination: { client: PublicClient; wallet: WalletClient; endpoint: Address; domain: number }
  /** Private keys of the origin's validators; each signs the origin's latest checkpoint. */
  validatorKeys: readonly Hex[]
}

export type RelayedMessage = SentMessage & { status: number; result: Hex }

export type RelayMessagesReturnType = {
  checkpoint: Checkpoint
  delivered: RelayedMessage[]
  transactionHash?: Hex
  gasUsed?: bigint
}

/** The origin's tree, rebuilt from its events, disagrees with its on-chain root. */
export class RelayTreeMismatchError extends Error {
  override name = 'RelayTreeMismatchError'
  constructor(expected: Hex, actual: Hex) {
    super(`Rebuilt tree root ${actual} differs from the origin endpoint's root ${expected}.`)
  }
}

/**
 * A one-shot relay for tests, demos and benchmarks: signs the origin endpoint's latest checkpoint
 * with `validatorKeys`, proves every message for `destination` that it has not delivered yet
 * against that checkpoint, and delivers them in one `deliverBatch` (signatures on the first
 * proof only: the verifier remembers the checkpoint for the rest of the transaction).
 * The production relayer (packages/relayer) adds finality, persistence and retries.
 *
 * @example
 * const { delivered } = await relayMessages({ origin, destination, validatorKeys })
 */
export async function relayMessages({
  origin,
  destination,
  validatorKeys,
}: RelayMessagesParameters): Promise<RelayMessagesReturnType> {
  const sent = await getSentMessages(origin.client, { endpoint: origin.endpoint })
  const tree = new MerkleTree(sent.map((message) => message.id))
  const [root, index] = await origin.client.readContract({
    address: origin.endpoint,
    abi: endpointAbi,
    functionName: 'latestCheckpoint',
  })
  if (tree.root(index + 1) !== root) throw new RelayTreeMismatchError(root, tree.root(index + 1))
  const checkpoint: Checkpoint = {
    origin: origin.domain,
    originEndpoint: evmAddressToBytes32(origin.endpoint),
    root,
    index,
  }
  const signatures = await sortSignaturesBySigner({
    checkpoint,
    signatures: await Promise.all(
      validatorKeys.map((privateKey) => signCheckpoint({ privateKey, checkpoint })),
    ),
  })

  const pending: SentMessage[] = []
  for (const sentMessage of sent) {
    if (sentMessage.message.destination !== destination.domain) continue
    const status = await destination.client.readContract({
      address: destination.endpoint,
      abi: endpointAbi,
      functionName: 'messageStatus',
      args: [sentMessage.encoded],
    })
    if (status === MessageStatus.None) pending.push(sentMessage)
  }
  if (pending.length === 0) return { checkpoint, delivered: [] }

  const proofs = encodeBatchProofs({
    checkpointIndex: index,
    signatures,
    leaves: pending.map(({ leafIndex }) => ({
      leafIndex,
      branch: tree.getProof(leafIndex, index + 1).branch,
    })),
  })
  const { account, chain } = destination.wallet
  if (!account) throw new Error('relayMessages: the destination wallet client has no account.')
  const transactionHash = await destination.wallet.writeContract({
    address: destination.endpoint,
    abi: endpointAbi,
    functionName: 'deliverBatch',
    args: [pending.map((message) => message.encoded), proofs],
    account,
    chain,
  })
  const receipt = await destination.client.waitForTransactionReceipt({ hash: transactionHash })
  const outcomes = new Map(
    parseEventLogs({ abi: endpointAbi, eventName: 'MessageDelivered', logs: receipt.logs }).map(
      (log) => [log.args.id, log.args] as const,
    ),
  )
  const delivered = pending.map((message) => {
    const outcome = outcomes.get(message.id)
    return {
      ...message,
      status: outcome?.status ?? MessageStatus.None,
      result: outcome?.result ?? '0x',
    }
  })
  return { checkpoint, delivered, transactionHash, gasUsed: receipt.gasUsed }
}

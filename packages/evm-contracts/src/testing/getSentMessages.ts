import { decodeMessage, type Message } from '@ferry/protocol'
import type { Address, BlockNumber, Hex, PublicClient } from 'viem'
import { endpointAbi } from '../generated/endpoint.js'

export type SentMessage = {
  id: Hex
  leafIndex: number
  /** The encoded message, as emitted. */
  encoded: Hex
  message: Message
  blockNumber: bigint
  transactionHash: Hex
}

export type GetSentMessagesParameters = {
  endpoint: Address
  fromBlock?: BlockNumber
  toBlock?: BlockNumber
}

/**
 * Every `MessageSent` of `endpoint`, in leaf order, decoded. The leaves are the ids, so the
 * result rebuilds the endpoint's merkle tree: `new MerkleTree(sent.map((m) => m.id))`.
 *
 * @example
 * const sent = await getSentMessages(publicClient, { endpoint })
 */
export async function getSentMessages(
  client: PublicClient,
  { endpoint, fromBlock = 0n, toBlock }: GetSentMessagesParameters,
): Promise<SentMessage[]> {
  const logs = await client.getContractEvents({
    address: endpoint,
    abi: endpointAbi,
    eventName: 'MessageSent',
    fromBlock,
    ...(toBlock === undefined ? {} : { toBlock }),
    strict: true,
  })
  return logs
    .map((log) => ({
      id: log.args.id,
      leafIndex: log.args.leafIndex,
      encoded: log.args.message,
      message: decodeMessage(log.args.message),
      blockNumber: log.blockNumber,
      transactionHash: log.transactionHash,
    }))
    .sort((a, b) => a.leafIndex - b.leafIndex)
}

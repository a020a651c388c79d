import type { EndpointExecuteReturnType } from '@ferry/cosmwasm-bindings'
import type { CosmWasmChainReader } from '../../../chains/cosmwasm/createCosmWasmChainReader.js'
import { toSentMessageEvents } from '../../../chains/cosmwasm/toSentMessageEvents.js'
import type { SentMessageEvent } from '../../../chains/types.js'

/**
 * The messages an endpoint execute sent (a `send`, or the ack a retry or timeout sends), decoded
 * as the reader decodes them, with the block's hash read from the chain's source.
 *
 * @example
 * const [sent] = await toCosmWasmSentMessages(client.reader(chain), await send(executor, parameters))
 */
export async function toCosmWasmSentMessages(
  { source, contract }: CosmWasmChainReader,
  { height, transactionHash, outcome }: EndpointExecuteReturnType,
): Promise<SentMessageEvent[]> {
  const number = BigInt(height)
  const transaction = {
    height: number,
    blockHash: (await source.getBlockHash(number)) ?? '',
    transactionHash,
    events: outcome.events,
  }
  return toSentMessageEvents([transaction], contract)
}

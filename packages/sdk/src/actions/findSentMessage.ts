import type { Hex } from 'viem'
import type { SentMessageEvent } from '../chains/types.js'
import type { ChainRef, FerryClient } from '../client/createFerryClient.js'
import type { FerryChain } from '../client/defineFerryChain.js'

export type FindSentMessageParameters<
  chains extends readonly FerryChain[] = readonly FerryChain[],
> = (
  | { id: Hex; where?: undefined }
  | {
      id?: undefined
      /** Finds the newest event this accepts, rather than one by id (an ack by its original). */
      where: (event: SentMessageEvent) => boolean
    }
) & {
  /** The origin, when known; otherwise every chain of the client is searched. */
  origin?: ChainRef<chains> | undefined
  /** Blocks per `getSentMessages` call (RPC log-range limits). Default 5000. */
  blockRange?: bigint | undefined
  signal?: AbortSignal | undefined
}

/** The `MessageSent` event, with its origin chain; `undefined` when no chain emitted it. */
export type FindSentMessageReturnType = { chain: FerryChain; event: SentMessageEvent } | undefined

/**
 * Finds a message by id on the chains alone: scans each origin's `MessageSent` events from its
 * endpoint's deployment (`deploymentBlock` / `deploymentHeight`) to its head, newest range
 * first (a message being tracked was most likely sent recently). What `getMessage`,
 * `waitForMessage` and `relayMessage` fall back to without a relayer API.
 *
 * @example
 * const found = await findSentMessage(client, { id, origin: 'base' })
 * if (found) console.log(found.event.leafIndex, found.event.message.destination)
 */
export async function findSentMessage<const chains extends readonly FerryChain[]>(
  client: FerryClient<chains>,
  { id, where, origin, blockRange = 5_000n, signal }: FindSentMessageParameters<chains>,
): Promise<FindSentMessageReturnType> {
  const chains = origin === undefined ? client.chains : [client.chain(origin)]
  const wanted = id?.toLowerCase()
  const accepts = where ?? ((event: SentMessageEvent) => event.id.toLowerCase() === wanted)
  for (const chain of chains) {
    const reader = client.reader(chain)
    const first =
      chain.kind === 'evm' ? (chain.deploymentBlock ?? 0n) : (chain.deploymentHeight ?? 1n)
    const head = (await reader.getHead(signal)).number
    for (let to = head; to >= first; to -= blockRange) {
      const from = to - blockRange + 1n > first ? to - blockRange + 1n : first
      const events = await reader.getSentMessages(from, to, signal)
      const event = events.findLast(accepts)
      if (event) return { chain, event }
    }
  }
  return undefined
}

import { getChannelKey } from '@ferry/protocol'
import type { Hex } from 'viem'
import { callApi } from '../../api/callApi.js'
import type { FerryClient } from '../../client/createFerryClient.js'
import { readSentMessage, type SentMessage } from './readSentMessage.js'

/**
 * The messages of `sent`'s channel that its destination has not delivered and that come before
 * it (nonces `inbound + 1` to `sent.nonce - 1`), in nonce order: what must be delivered first,
 * since a channel is delivered in order (protocol §7). From the relayer API when it knows every
 * one of them, otherwise from the origin's `MessageSent` events since the endpoint's deployment
 * (the chains are the truth; the API only saves the scan). With `apiOnly`, what the API knows
 * or nothing: no scan (a state read, not a delivery, must stay cheap).
 */
export async function readChannelGap(
  client: FerryClient,
  {
    sent,
    inbound,
    signal,
    apiOnly = false,
  }: {
    sent: SentMessage
    inbound: bigint
    signal?: AbortSignal | undefined
    apiOnly?: boolean | undefined
  },
): Promise<SentMessage[]> {
  const count = Number(sent.nonce - inbound - 1n)
  if (count <= 0) return []
  const channel = getChannelKey(sent)
  const wanted = (nonce: bigint) => nonce > inbound && nonce < sent.nonce
  const fromApi = await gapFromApi(client, { channel, count, wanted, signal })
  if (fromApi || apiOnly) return fromApi ?? []
  return gapFromOrigin(client, { sent, channel, count, wanted, signal })
}

type GapQuery = {
  channel: Hex
  count: number
  wanted: (nonce: bigint) => boolean
  signal: AbortSignal | undefined
}

async function gapFromApi(
  client: FerryClient,
  { channel, count, wanted, signal }: GapQuery,
): Promise<SentMessage[] | undefined> {
  if (client.apiUrl === undefined) return undefined
  const ids: Hex[] = []
  try {
    let cursor: string | undefined
    do {
      const page = await callApi(client, '/v1/messages', {
        query: { channel, status: 'none', limit: 200, ...(cursor === undefined ? {} : { cursor }) },
        signal,
      })
      if (!page.ok) return undefined
      // CAST: the API's ids are 32-byte hex
      for (const item of page.data.items) if (wanted(BigInt(item.nonce))) ids.push(item.id as Hex)
      cursor = page.data.nextCursor ?? undefined
    } while (cursor !== undefined && ids.length < count)
  } catch (error) {
    if (signal?.aborted) throw error
    return undefined
  }
  if (ids.length !== count) return undefined
  const messages: SentMessage[] = []
  for (const id of ids) {
    const { sent, detail } = await readSentMessage(client, { id, signal })
    // Only what the API itself answered: a scan per message would be slower than one scan.
    if (!sent || !detail) return undefined
    messages.push(sent)
  }
  return messages.sort((a, b) => (a.nonce < b.nonce ? -1 : 1))
}

async function gapFromOrigin(
  client: FerryClient,
  { sent, channel, count, wanted, signal }: GapQuery & { sent: SentMessage },
): Promise<SentMessage[]> {
  const chain = client.chain(sent.origin)
  const reader = client.reader(chain)
  const head = (await reader.getHead(signal)).number
  const span = 5_000n
  const found: SentMessage[] = []
  let from = chain.kind === 'evm' ? (chain.deploymentBlock ?? 0n) : (chain.deploymentHeight ?? 1n)
  for (; from <= head && found.length < count; from += span) {
    const to = from + span - 1n < head ? from + span - 1n : head
    for (const { message, id, encoded, leafIndex } of await reader.getSentMessages(
      from,
      to,
      signal,
    ))
      if (wanted(message.nonce) && getChannelKey(message) === channel)
        found.push({ ...message, id, encoded, leafIndex })
  }
  if (found.length < count)
    throw new Error(
      `only ${found.length} of the ${count} undelivered messages before nonce ${sent.nonce} found on ${chain.name}: is the deployment block right?`,
    )
  return found.sort((a, b) => (a.nonce < b.nonce ? -1 : 1))
}

import { parseSignedCheckpoint, type SignedCheckpoint } from '@ferry/protocol'
import type { FerryClient } from '../client/createFerryClient.js'

/**
 * One validator's signed checkpoint, `latest` or at an index, through the client's `fetch`;
 * `undefined` when it is unreachable, has none (404), or answers something else than a signed
 * checkpoint: a validator is one of several, and the caller counts those that answered.
 *
 * @example
 * const latest = await fetchSignedCheckpoint(client, { url, index: 'latest' })
 */
export async function fetchSignedCheckpoint(
  client: Pick<FerryClient, 'fetch'>,
  {
    url,
    index,
    signal,
  }: { url: string; index: number | 'latest'; signal?: AbortSignal | undefined },
): Promise<SignedCheckpoint | undefined> {
  try {
    const response = await client.fetch(`${url.replace(/\/+$/, '')}/v1/checkpoints/${index}`, {
      signal: signal ?? null,
      headers: { accept: 'application/json' },
    })
    if (!response.ok) {
      await response.body?.cancel()
      return undefined
    }
    return parseSignedCheckpoint(await response.json())
  } catch {
    if (signal?.aborted) throw signal.reason
    return undefined
  }
}

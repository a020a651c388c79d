import type { FerryClient } from '../client/createFerryClient.js'
import { fetchSignedCheckpoint } from '../validators/fetchSignedCheckpoint.js'

export type GetSignedIndexParameters = {
  origin: number
  /** Validators that must have reached an index. Default: a majority of the origin's URLs. */
  threshold?: number | undefined
  signal?: AbortSignal | undefined
}

/**
 * How far the origin's validators (`client.validators[origin]`) have signed: the highest leaf
 * index `threshold` of them have reached, from each one's `GET /v1/checkpoints/latest`. Answers
 * are checked for shape (an answer for another origin, or malformed, does not count) but their
 * signatures are not recovered: this is a status hint (`getMessage` without an API), and
 * `relayMessage` verifies every signature it uses. `undefined` when too few have signed, or the
 * client has no validators for the origin.
 *
 * @example
 * const signed = await getSignedIndex(client, { origin: 8453 })
 */
export async function getSignedIndex(
  client: FerryClient,
  { origin, threshold, signal }: GetSignedIndexParameters,
): Promise<number | undefined> {
  const urls = client.validators[origin] ?? []
  const reached = await Promise.all(
    urls.map(async (url) => {
      const answer = await fetchSignedCheckpoint(client, { url, index: 'latest', signal })
      return answer?.checkpoint.origin === origin ? answer.checkpoint.index : undefined
    }),
  )
  const sorted = reached.filter((index) => index !== undefined).sort((a, b) => b - a)
  return sorted[(threshold ?? Math.floor(urls.length / 2) + 1) - 1]
}

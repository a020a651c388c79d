import type { FerryClient } from '../client/createFerryClient.js'

export type GetSignedIndexParameters = { origin: number; signal?: AbortSignal | undefined }

/**
 * How far the origin's validators (`client.validators[origin]`) have signed: the highest leaf
 * index a majority of them has reached, from each one's `GET /v1/checkpoints/latest`. A status
 * hint only (`getMessage` without an API), so answers are not verified here; `relayMessage`
 * verifies every signature it uses. `undefined` when none has signed, or the client has no
 * validators for the origin.
 *
 * @example
 * const signed = await getSignedIndex(client, { origin: 8453 })
 */
export async function getSignedIndex(
  client: FerryClient,
  { origin, signal }: GetSignedIndexParameters,
): Promise<number | undefined> {
  const urls = client.validators[origin] ?? []
  const reached = await Promise.all(
    urls.map(async (url) => {
      try {
        const response = await client.fetch(`${url.replace(/\/+$/, '')}/v1/checkpoints/latest`, {
          signal: signal ?? null,
        })
        if (!response.ok) return undefined
        const body: unknown = await response.json()
        const index =
          typeof body === 'object' && body !== null && 'checkpoint' in body
            ? (body.checkpoint as { index?: unknown } | null)?.index // CAST: read defensively below
            : undefined
        return typeof index === 'number' ? index : undefined
      } catch {
        return undefined
      }
    }),
  )
  const sorted = reached.filter((index) => index !== undefined).sort((a, b) => b - a)
  return sorted[Math.floor(urls.length / 2)]
}

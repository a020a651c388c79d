import type { Hex } from 'viem'
import { callApi } from '../../api/callApi.js'
import type { FerryClient } from '../../client/createFerryClient.js'
import type { FerryChain } from '../../client/defineFerryChain.js'
import { ApiRequestError } from '../../errors/ApiRequestError.js'
import { NotProvableError } from '../../errors/NotProvableError.js'
import { buildValidatorProofs } from './buildValidatorProofs.js'
import type { SentMessage } from './readSentMessage.js'

/**
 * The proofs of `messages` (one origin, one destination) for one `deliverBatch` in their order:
 * the relayer API's `/proof` when the client has a reachable API that proves every one of them,
 * else built from the origin's validators (`buildValidatorProofs`). Shared by `relayMessage`,
 * which delivers with them, and `simulateDelivery`, which dry-runs a delivery with the real proof.
 */
export async function readDeliveryProofs(
  client: FerryClient,
  {
    messages,
    destination,
    signal,
  }: {
    messages: readonly SentMessage[]
    destination: FerryChain
    signal?: AbortSignal | undefined
  },
): Promise<Hex[]> {
  return (
    (await proofsFromApi(client, messages, signal)) ??
    (await buildValidatorProofs(client, { messages, destination, signal }))
  )
}

/** The relayer API's proofs of `batch`, or undefined unless it proves every one of them. */
async function proofsFromApi(
  client: FerryClient,
  batch: readonly SentMessage[],
  signal: AbortSignal | undefined,
): Promise<Hex[] | undefined> {
  const proofs: Hex[] = []
  for (const sent of batch) {
    const proof = await proofFromApi(client, sent, signal)
    if (proof === undefined) return undefined
    proofs.push(proof)
  }
  return proofs
}

/**
 * The relayer API's proof of `sent`; undefined when there is no API, it is unreachable or does
 * not know the message (the validators are asked instead). A 409 says it cannot be proven yet.
 */
async function proofFromApi(
  client: FerryClient,
  sent: SentMessage,
  signal: AbortSignal | undefined,
): Promise<Hex | undefined> {
  if (client.apiUrl === undefined) return undefined
  let answer: Awaited<ReturnType<typeof callApi<'/v1/messages/{id}/proof'>>>
  try {
    answer = await callApi(client, '/v1/messages/{id}/proof', { path: { id: sent.id }, signal })
  } catch (error) {
    if (signal?.aborted || !(error instanceof ApiRequestError)) throw error
    return undefined
  }
  // CAST: the API's proof is `deliver`'s hex argument
  if (answer.ok) return answer.data.proof as Hex
  if (answer.status !== 409) return undefined
  const { details } = answer.error
  const reason =
    typeof details === 'object' && details !== null && 'reason' in details
      ? details.reason
      : undefined
  if (reason === 'waiting_finality' || reason === 'waiting_signatures' || reason === 'orphaned')
    throw new NotProvableError({ id: sent.id, reason, detail: answer.error.message })
  // `no_validators` (the relayer knows none): the client's own validators may do.
  return undefined
}

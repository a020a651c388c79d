import { decodeMessage, type Message } from '@ferry/protocol'
import type { Hex } from 'viem'
import { callApi } from '../../api/callApi.js'
import type { FerryClient } from '../../client/createFerryClient.js'
import { findSentMessage } from '../findSentMessage.js'
import type { ApiMessageDetail } from '../toMessageState.js'

/** A sent message as the SDK's actions need it: decoded, as emitted, and its leaf. */
export type SentMessage = Message & { id: Hex; encoded: Hex; leafIndex: number }

/**
 * The message `id` and, when the client has an API that knows it, the API's detail: from the
 * API when it answers (it indexed the message), otherwise from the chains (`findSentMessage`).
 * The API is the why, never the truth: when it is down, the chains still answer.
 */
export async function readSentMessage(
  client: FerryClient,
  {
    id,
    origin,
    signal,
  }: { id: Hex; origin?: number | string | undefined; signal?: AbortSignal | undefined },
): Promise<{ sent: SentMessage | undefined; detail: ApiMessageDetail | undefined }> {
  const detail = await readDetail(client, id, signal)
  if (detail) {
    // CAST: the API's `encoded` is the message's hex, as emitted
    const encoded = detail.encoded as Hex
    return { sent: { ...decodeMessage(encoded), id, encoded, leafIndex: detail.leafIndex }, detail }
  }
  const found = await findSentMessage(client, { id, origin, signal })
  if (!found) return { sent: undefined, detail: undefined }
  const { message, encoded, leafIndex } = found.event
  return { sent: { ...message, id, encoded, leafIndex }, detail: undefined }
}

async function readDetail(
  client: FerryClient,
  id: Hex,
  signal: AbortSignal | undefined,
): Promise<ApiMessageDetail | undefined> {
  if (client.apiUrl === undefined) return undefined
  try {
    const answer = await callApi(client, '/v1/messages/{id}', { path: { id }, signal })
    return answer.ok ? answer.data : undefined
  } catch (error) {
    if (signal?.aborted) throw error
    return undefined
  }
}

import { callRpc } from '@ferry/sdk/internal'
import type { JournalEntry } from '../types.js'
import type { EvmContext } from './context.js'

/**
 * What a node said to a signed transaction: taken (or already known, which is as good),
 * its nonce already used, or a transaction with the same nonce pending at higher fees.
 */
export type BroadcastResult =
  | { type: 'accepted' }
  | { type: 'nonceUsed'; detail: string }
  | { type: 'underpriced'; detail: string }

// Node wordings: geth, erigon, nethermind, besu, reth, Hardhat's EDR, anvil.
const known = /already known|known transaction|already imported|alreadyknown|already exists/i
const nonceUsed = /nonce too low|nonce has already been used|oldnonce|nonce is too low/i
const underpriced = /underpriced|fee too low|replacement fee|feetoolow/i

/**
 * `eth_sendRawTransaction` of a journal entry, with the node's refusals that the caller acts on
 * turned into results. Anything else (every URL down) throws `RpcError`.
 *
 * @example
 * const result = await broadcast(ctx, entry, signal)
 * if (result.type === 'nonceUsed') // resync
 */
export async function broadcast(
  ctx: EvmContext,
  entry: JournalEntry,
  signal?: AbortSignal,
): Promise<BroadcastResult> {
  try {
    await callRpc(
      ctx,
      'eth_sendRawTransaction',
      () => ctx.client.request({ method: 'eth_sendRawTransaction', params: [entry.raw] }),
      signal,
    )
    return { type: 'accepted' }
  } catch (error) {
    if (signal?.aborted) throw error
    const text = messagesOf(error)
    if (known.test(text)) return { type: 'accepted' }
    if (nonceUsed.test(text)) return { type: 'nonceUsed', detail: lineMatching(text, nonceUsed) }
    if (underpriced.test(text))
      return { type: 'underpriced', detail: lineMatching(text, underpriced) }
    throw error
  }
}

/** Every message and detail along the cause chain: wrappers reword, the node's text is deepest. */
function messagesOf(error: unknown): string {
  const parts: string[] = []
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    parts.push(e.message)
    if ('details' in e && typeof e.details === 'string') parts.push(e.details)
  }
  return parts.join('\n')
}

function lineMatching(text: string, pattern: RegExp): string {
  return text.split('\n').find((line) => pattern.test(line)) ?? ''
}

import { callRpc } from '@ferry/sdk/internal'
import type { EvmContext } from './context.js'

/**
 * The adapter's own nonce manager for its one key. Nonces come from the chain and the journal,
 * never from memory alone, so a restart or a foreign transaction from the same key is seen; and
 * `exclusive` lets one transaction at a time choose its nonce, sign, journal and broadcast,
 * so concurrent submits never take the same nonce or leave a gap.
 *
 * @example
 * const nonces = createNonceManager(ctx)
 * await nonces.exclusive(async () => {
 *   const nonce = await nonces.next(signal)
 *   // sign, journal.recordSigned, broadcast
 * })
 */
export function createNonceManager(ctx: EvmContext) {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    /** Runs `fn` after every earlier `exclusive` call has settled, and before any later one. */
    exclusive<T>(fn: () => Promise<T>): Promise<T> {
      const run = tail.then(fn, fn)
      tail = run.catch(() => {}) // a failure ends that turn, not the queue
      return run
    },

    /**
     * The next nonce: `max(chain pending nonce, journal's highest live nonce + 1)`. The journal
     * covers transactions signed but not yet seen by this node (or not includable at its base
     * fee, which some nodes leave out of the pending count); the chain covers foreign ones.
     */
    async next(signal?: AbortSignal): Promise<bigint> {
      const address = ctx.account.address
      const [pending, highest] = await Promise.all([
        callRpc(
          ctx,
          'eth_getTransactionCount',
          () => ctx.client.getTransactionCount({ address, blockTag: 'pending' }),
          signal,
        ),
        ctx.journal.highestNonce(ctx.domain, address),
      ])
      const fromChain = BigInt(pending)
      const fromJournal = highest === undefined ? 0n : highest + 1n
      return fromChain > fromJournal ? fromChain : fromJournal
    },
  }
}

export type NonceManager = ReturnType<typeof createNonceManager>

/**
 * How many transactions of the adapter's key are mined (the `latest` nonce): a journal nonce
 * below it was used, by one of the journal's transactions or by a foreign one.
 *
 * @example
 * if ((await minedNonce(ctx, signal)) > entry.nonce) // the nonce is spent
 */
export async function minedNonce(ctx: EvmContext, signal?: AbortSignal): Promise<bigint> {
  const address = ctx.account.address
  const count = await callRpc(
    ctx,
    'eth_getTransactionCount',
    () => ctx.client.getTransactionCount({ address, blockTag: 'latest' }),
    signal,
  )
  return BigInt(count)
}

import { getChannelKey } from '@ferry/protocol'
import type { ChainReader, SentMessageEvent } from '@ferry/sdk'
import type { Logger } from 'pino'
import type { NewMessage, RelayerStore, SeenBlock } from '../../store/types.js'
import { type Finality, getFinalBlock } from '../finality/getFinalBlock.js'
import type { OriginTree } from './originTree.js'

export type CreateOriginIndexerParameters = {
  chain: ChainReader
  store: RelayerStore
  tree: OriginTree
  /** When a block is final: only messages at or below it become `ready`. */
  finality: Finality
  /** Most blocks one pass reads events from. */
  maxBlockSpan?: number | undefined
  /**
   * Whether to read what each message paid (one call per message) and its fee top-ups (one more
   * event query per pass): only a fee policy needs them.
   */
  readFees: boolean
  logger: Logger
}

const STREAM = 'relayer'
/** How many remembered blocks a reorg search walks back through before giving up. */
const REORG_SEARCH_DEPTH = 512

/**
 * Indexes one origin's `MessageSent` events into the store from a persisted cursor, up to the
 * head (so a message is visible while it waits for finality), then promotes messages whose
 * blocks are final to `ready`. With `readFees`, also what each message paid and its fee top-ups
 * (`FeeAdded`), which add to it at once (a reorg takes them off again). Reorgs: the cursor's block hash is checked on every pass; when it
 * left the canonical chain, the indexer walks back through the block hashes it remembered to
 * the fork, orphans every message above it, and indexes again from there. Before promoting, it
 * checks each final block that holds messages is still canonical, so a message that vanished
 * from the origin is never delivered.
 *
 * @example
 * const indexer = createOriginIndexer({ chain, store, tree, finality: { confirmations: 2 }, readFees: false, logger })
 * await indexer.pass()
 */
export function createOriginIndexer({
  chain,
  store,
  tree,
  finality,
  maxBlockSpan = 2_000,
  readFees,
  logger,
}: CreateOriginIndexerParameters) {
  const domain = chain.domain
  const log = logger.child({ module: 'indexer', domain })
  // The head and final block a pass last finished at, caught up: while the chain's head and final
  // block are the same, nothing can have changed, and a poll costs one RPC call (two for a tag)
  // instead of four store queries.
  let settled: { number: bigint; hash: string; final: bigint } | undefined

  async function rewind(from: SeenBlock, signal?: AbortSignal): Promise<void> {
    const known = await store.getBlocks(STREAM, domain, from.number, REORG_SEARCH_DEPTH)
    let fork: SeenBlock | undefined
    for (const block of known) {
      if ((await chain.getBlockHash(block.number, signal)) === block.hash) {
        fork = block
        break
      }
    }
    const forkNumber = fork?.number ?? (known.at(-1)?.number ?? 1n) - 1n
    const orphaned = await store.orphanMessagesAbove(domain, forkNumber)
    await store.removeFeeTopUpsAbove(domain, forkNumber)
    await store.recordAttempts(
      orphaned.map((messageId) => ({
        messageId,
        reason: 'orphaned' as const,
        detail: `reorg below block ${from.number}`,
      })),
    )
    await store.pruneBlocks(STREAM, domain, forkNumber, 0n)
    await store.setCursor(
      STREAM,
      fork ?? {
        domain,
        number: forkNumber,
        hash: (await chain.getBlockHash(forkNumber, signal)) ?? '',
      },
    )
    tree.reset()
    log.warn(
      { from: from.number, fork: forkNumber, orphaned: orphaned.length },
      'reorg: rewound the cursor',
    )
  }

  async function toNewMessage(event: SentMessageEvent, signal?: AbortSignal): Promise<NewMessage> {
    const { message } = event
    return {
      id: event.id,
      origin: message.origin,
      destination: message.destination,
      channel: getChannelKey(message),
      nonce: message.nonce,
      leafIndex: event.leafIndex,
      sender: message.sender,
      recipient: message.recipient,
      flags: message.flags,
      deadline: message.deadline,
      gasLimit: message.gasLimit,
      ackGasLimit: message.ackGasLimit,
      encoded: event.encoded,
      feePaid: readFees ? await chain.getFeePaid(event, signal) : 0n,
      originBlockNumber: event.block.number,
      originBlockHash: event.block.hash,
      originTransactionHash: event.transactionHash,
      sentAt: new Date(),
    }
  }

  /** Orphans pending messages whose (final) block is no longer canonical; true if any were. */
  async function checkFinalBlocks(final: bigint, signal?: AbortSignal): Promise<boolean> {
    for (const block of await store.getPendingBlocks(domain, final)) {
      const canonical = await chain.getBlockHash(block.number, signal)
      if (canonical !== block.hash) {
        await rewind({ ...block, number: block.number }, signal)
        return true
      }
    }
    return false
  }

  return {
    /** One pass; `'again'` while behind the head. */
    async pass(signal?: AbortSignal): Promise<'again' | undefined> {
      const { head, final } = await getFinalBlock(chain, finality, signal)
      if (settled?.number === head.number && settled.hash === head.hash && settled.final === final)
        return undefined
      settled = undefined
      const cursor = await store.getCursor(STREAM, domain)
      if (cursor && cursor.number <= head.number) {
        const canonical =
          cursor.number === head.number
            ? head.hash
            : await chain.getBlockHash(cursor.number, signal)
        if (canonical !== cursor.hash) {
          await rewind(cursor, signal)
          return 'again'
        }
      } else if (cursor && cursor.number > head.number) {
        // The chain is shorter than what we indexed: blocks above its head are gone.
        await rewind(cursor, signal)
        return 'again'
      }

      const from = cursor ? cursor.number + 1n : 0n
      const to =
        head.number < from + BigInt(maxBlockSpan) - 1n
          ? head.number
          : from + BigInt(maxBlockSpan) - 1n
      if (from <= to) {
        const events = await chain.getSentMessages(from, to, signal)
        const messages = await Promise.all(events.map((event) => toNewMessage(event, signal)))
        await store.insertMessages(messages)
        // Top-ups after the messages: one may top up a message sent in the same range.
        const topUps = readFees ? await chain.getFeesAdded(from, to, signal) : []
        if (topUps.length > 0) {
          const added = await store.insertFeeTopUps(
            topUps.map((topUp) => ({
              origin: domain,
              messageId: topUp.id,
              amount: topUp.amount,
              blockNumber: topUp.block.number,
              blockHash: topUp.block.hash,
              transactionHash: topUp.transactionHash,
              eventIndex: topUp.eventIndex,
            })),
          )
          log.debug(
            { from, to, topUps: topUps.length, messages: added.length },
            'indexed fee top-ups',
          )
        }
        const hash = to === head.number ? head.hash : ((await chain.getBlockHash(to, signal)) ?? '')
        const blocks = new Map<bigint, SeenBlock>(
          [...events, ...topUps].map((e) => [e.block.number, { domain, ...e.block }]),
        )
        blocks.set(to, { domain, number: to, hash })
        await store.recordBlocks(STREAM, [...blocks.values()])
        await store.setCursor(STREAM, { domain, number: to, hash })
        if (events.length > 0) log.debug({ from, to, messages: events.length }, 'indexed')
      }

      if (final >= 0n) {
        if (await checkFinalBlocks(final, signal)) return 'again'
        const finalized = await store.finalizeMessages(domain, final, new Date())
        if (finalized > 0) log.debug({ final, finalized }, 'final')
        // Blocks at or below the final one cannot fork any more; keep one as the search floor.
        await store.pruneBlocks(STREAM, domain, head.number + 1n, final)
      }
      if (to < head.number) return 'again'
      settled = { number: head.number, hash: head.hash, final }
      return undefined
    },
  }
}

export type OriginIndexer = ReturnType<typeof createOriginIndexer>

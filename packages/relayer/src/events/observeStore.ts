import type { Logger } from 'pino'
import type { Hex } from 'viem'
import type { MessageUpdate, RelayerStore, StoredMessage } from '../store/types.js'
import type { EventBus } from './createEventBus.js'
import { eventTypeOf, toLifecycleEvent } from './toLifecycleEvent.js'
import type { NewLifecycleEvent } from './types.js'

export type ObserveStoreOptions = {
  /** Where a failure to read back what a write changed is reported (the write itself succeeded). */
  logger?: Logger | undefined
}

/**
 * `store`, with its message writes (`insertMessages`, `finalizeMessages`, `orphanMessagesAbove`,
 * `updateMessages`, `insertFeeTopUps`) publishing lifecycle events on `bus` once they have
 * committed. The core runs on the result unchanged: each write behaves and returns as before. Afterwards it reads back
 * the rows it touched (one query by key) to fill in each event; that read happens only while
 * the bus has listeners, and a failure of it is logged, never thrown: the write is done.
 * Events of successive writes are published in the order the writes finished.
 *
 * @example
 * ```ts
 * const bus = createEventBus()
 * const store = observeStore(await openStore(config.store.url), bus, { logger })
 * await runRelayer({ store, ... })
 * ```
 */
export function observeStore(
  store: RelayerStore,
  bus: EventBus,
  { logger }: ObserveStoreOptions = {},
): RelayerStore {
  let tail: Promise<void> = Promise.resolve()

  /** Runs `collect` after the writes before it have published, then publishes what it found. */
  function publishAfter(collect: () => Promise<NewLifecycleEvent[]>): Promise<void> {
    if (bus.listenerCount === 0) return tail
    const next = tail.then(async () => {
      try {
        for (const event of await collect()) bus.publish(event)
      } catch (error) {
        logger?.warn({ err: error }, 'could not publish lifecycle events')
      }
    })
    tail = next
    return next
  }

  const byId = async (ids: readonly Hex[]) =>
    new Map((await store.getMessagesByIds(ids)).map((message) => [message.id, message]))

  return {
    ...store,

    async insertMessages(messages) {
      await store.insertMessages(messages)
      await publishAfter(async () => {
        const at = new Date()
        const stored = await byId(messages.map((message) => message.id))
        // A message already stored is left as it was: only rows this write created (or brought
        // back from orphaned) carry its `sentAt`.
        return messages.flatMap((message) => {
          const row = stored.get(message.id.toLowerCase() as Hex) // CAST: lower-case hex is hex
          return row && row.stage === 'pending' && row.sentAt.getTime() === message.sentAt.getTime()
            ? [toLifecycleEvent(row, 'indexed', { at })]
            : []
        })
      })
    },

    async finalizeMessages(origin, number, at) {
      const count = await store.finalizeMessages(origin, number, at)
      if (count > 0)
        await publishAfter(async () =>
          (await store.getMessagesFinalizedAt(origin, at)).map((row) =>
            toLifecycleEvent(row, 'finalized', { at }),
          ),
        )
      return count
    },

    async insertFeeTopUps(topUps) {
      const logged = await store.insertFeeTopUps(topUps)
      if (logged.length > 0)
        await publishAfter(async () => {
          const at = new Date()
          const stored = await byId(logged.map((attempt) => attempt.messageId))
          return logged.flatMap(({ messageId, reason, detail, transactionHash }) => {
            const row = stored.get(messageId)
            const update = {
              id: messageId,
              stage: row?.stage ?? 'ready',
              reason,
              detail,
              transactionHash,
            }
            return row ? [toLifecycleEvent(row, 'fee_added', { at, update })] : []
          })
        })
      return logged
    },

    async orphanMessagesAbove(origin, number) {
      const ids = await store.orphanMessagesAbove(origin, number)
      if (ids.length > 0)
        await publishAfter(async () => {
          const at = new Date()
          const stored = await byId(ids)
          return ids.flatMap((id) => {
            const row = stored.get(id)
            return row ? [toLifecycleEvent(row, 'orphaned', { at })] : []
          })
        })
      return ids
    },

    async updateMessages(all) {
      await store.updateMessages(all)
      const updates = all.filter((update) => !update.quiet)
      if (updates.length > 0)
        await publishAfter(async () => {
          const at = new Date()
          const stored = await byId(updates.map((update) => update.id))
          return updates.flatMap((update: MessageUpdate) => {
            const row: StoredMessage | undefined = stored.get(
              update.id.toLowerCase() as Hex, // CAST: lower-case hex is hex
            )
            return row ? [toLifecycleEvent(row, eventTypeOf(update), { at, update })] : []
          })
        })
    },
  }
}

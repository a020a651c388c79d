import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { Hex } from 'viem'
import type {
  ChannelSummary,
  ListChannelsParams,
  ListMessagesParams,
  MessageFilter,
  RouteDepth,
  StoreQueries,
} from './queryTypes.js'
import { lower, toStoredMessage } from './rows.js'
import type { Database, StoreDb } from './schema.js'
import type { MessageStage, SignedCheckpointRow, StoredMessage } from './types.js'

// The operator API's read queries. Every value reaches SQL as a bound parameter through
// Kysely; the only raw SQL fragments are constant expressions that must match 0002's indexes.

/** Stages that hold a channel: the destination takes nonces in order (PROTOCOL §7). */
const BLOCKING: readonly MessageStage[] = ['pending', 'ready', 'submitted']
/** Stages not final: what a route still has to do. */
const UNFINISHED: readonly MessageStage[] = ['pending', 'ready', 'submitted', 'failed']

/**
 * The read queries over `db`, as the store's methods.
 *
 * @example
 * ```ts
 * const queries = createQueries(db)
 * const page = await queries.listMessages({ limit: 50 })
 * ```
 */
export function createQueries(db: StoreDb): StoreQueries {
  return {
    listMessages: (params) => listMessages(db, params),
    getMessagesByIds: (ids) => getMessagesByIds(db, ids),
    getMessagesFinalizedAt: (origin, at) => getMessagesFinalizedAt(db, origin, at),
    getAcksOf: (originalId) => getAcksOf(db, originalId),
    getCheckpointSigners: (origin, leafIndex) => getCheckpointSigners(db, origin, leafIndex),
    listChannels: (params) => listChannels(db, params),
    getChannel: async (channel) =>
      (await channelSummaries(db).where('c.channel', '=', lower(channel)).execute()).map(
        toChannelSummary,
      )[0],
    getRouteDepths: () => getRouteDepths(db),
    ping: async () => {
      await sql`select 1`.execute(db)
    },
  }
}

/**
 * Messages matching the filter, newest first, keyset-paginated on `(sent_at, id)`: a page starts
 * strictly after `params.after`, so rows inserted while a client walks the pages (always newer)
 * never shift the pages it has not read yet.
 *
 * @example
 * ```ts
 * const page = await listMessages(db, { channel, limit: 51 })
 * ```
 */
export async function listMessages(
  db: StoreDb,
  params: ListMessagesParams,
): Promise<StoredMessage[]> {
  let query = filterMessages(db.selectFrom('messages').selectAll(), params)
  const { after } = params
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('sent_at', 'id'), '<', eb.tuple(after.sentAt, lower(after.id))),
    )
  const rows = await query
    .orderBy('sent_at', 'desc')
    .orderBy('id', 'desc')
    .limit(params.limit)
    .execute()
  return rows.map(toStoredMessage)
}

function filterMessages<output>(
  query: SelectQueryBuilder<Database, 'messages', output>,
  filter: MessageFilter,
): SelectQueryBuilder<Database, 'messages', output> {
  let q = query
  if (filter.stage !== undefined) q = q.where('stage', '=', filter.stage)
  if (filter.status !== undefined) q = q.where('status', '=', filter.status)
  if (filter.origin !== undefined) q = q.where('origin', '=', filter.origin)
  if (filter.destination !== undefined) q = q.where('destination', '=', filter.destination)
  if (filter.sender !== undefined) q = q.where('sender', '=', lower(filter.sender))
  if (filter.recipient !== undefined) q = q.where('recipient', '=', lower(filter.recipient))
  if (filter.channel !== undefined) q = q.where('channel', '=', lower(filter.channel))
  if (filter.originTransactionHash !== undefined) {
    const bare = filter.originTransactionHash.toLowerCase().replace(/^0x/, '')
    // The expression matches 0002's `messages_origin_transaction` index.
    q = q.where(sql<string>`lower(origin_transaction_hash)`, 'in', [`0x${bare}`, bare])
  }
  return q
}

/**
 * The stored messages among `ids`.
 *
 * @example
 * ```ts
 * const messages = await getMessagesByIds(db, orphanedIds)
 * ```
 */
export async function getMessagesByIds(db: StoreDb, ids: readonly Hex[]): Promise<StoredMessage[]> {
  const unique = [...new Set(ids.map(lower))]
  if (unique.length === 0) return []
  const rows = await db.selectFrom('messages').selectAll().where('id', 'in', unique).execute()
  return rows.map(toStoredMessage)
}

/**
 * `origin`'s messages finalized at exactly `at` (the `at` one `finalizeMessages` call was given),
 * in leaf order: the ids that call moved to `ready`.
 *
 * @example
 * ```ts
 * if ((await finalizeMessages(db, 1, block, at)) > 0) await getMessagesFinalizedAt(db, 1, at)
 * ```
 */
export async function getMessagesFinalizedAt(
  db: StoreDb,
  origin: number,
  at: Date,
): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    .where('origin', '=', origin)
    .where('finalized_at', '=', at)
    .orderBy('leaf_index')
    .execute()
  return rows.map(toStoredMessage)
}

/**
 * Acks (flag `IS_ACK`) whose body starts with `originalId`, newest first. Usually one; an ack
 * orphaned by a reorg and indexed again is still one row (same id).
 *
 * @example
 * ```ts
 * const [ack] = await getAcksOf(db, id)
 * ```
 */
export async function getAcksOf(db: StoreDb, originalId: Hex): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom('messages')
    .selectAll()
    // `ack_of` is decoded from the ack's body at insert (0004's partial index `messages_ack_of_id`).
    .where('ack_of', '=', lower(originalId))
    .orderBy('sent_at', 'desc')
    .execute()
  return rows.map(toStoredMessage)
}

/**
 * Per validator, the lowest-index checkpoint it signed over `origin` that covers `leafIndex`,
 * sorted by validator address.
 *
 * @example
 * ```ts
 * const signers = await getCheckpointSigners(db, 31337, message.leafIndex)
 * ```
 */
export async function getCheckpointSigners(
  db: StoreDb,
  origin: number,
  leafIndex: number,
): Promise<SignedCheckpointRow[]> {
  const rows = await db
    .selectFrom('signed_checkpoints')
    .distinctOn('validator')
    .selectAll()
    .where('origin', '=', origin)
    .where('index', '>=', leafIndex)
    .orderBy('validator')
    .orderBy('index')
    .execute()
  return rows.map((row) => ({
    validator: row.validator,
    origin: Number(row.origin),
    originEndpoint: row.origin_endpoint,
    index: Number(row.index),
    root: row.root,
    signature: row.signature,
  }))
}

/**
 * Channels sorted by key, with their nonces, what blocks them and their lease.
 *
 * @example
 * ```ts
 * const page = await listChannels(db, { origin: 31337, limit: 51 })
 * ```
 */
export async function listChannels(
  db: StoreDb,
  params: ListChannelsParams,
): Promise<ChannelSummary[]> {
  let query = channelSummaries(db)
  if (params.origin !== undefined) query = query.where('c.origin', '=', params.origin)
  if (params.destination !== undefined)
    query = query.where('c.destination', '=', params.destination)
  if (params.after !== undefined) query = query.where('c.channel', '>', lower(params.after))
  const rows = await query.orderBy('c.channel').limit(params.limit).execute()
  return rows.map(toChannelSummary)
}

/**
 * One row per channel: each lateral subquery reads a few rows through an index (0001's
 * `messages_undelivered`, 0002's `messages_channel_nonce`), so a page costs little however
 * long its channels are.
 */
function channelSummaries(db: StoreDb) {
  const ofChannel = (eb: ExpressionBuilder<Database & { c: Database['channels'] }, 'c'>) =>
    eb.selectFrom('messages as m').whereRef('m.channel', '=', 'c.channel')
  return db
    .selectFrom('channels as c')
    .leftJoinLateral(
      (eb) =>
        ofChannel(eb)
          .select(['m.sender', 'm.recipient', 'm.flags'])
          .orderBy('m.nonce')
          .limit(1)
          .as('first'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        ofChannel(eb)
          .select('m.nonce as highest_sent')
          .where('m.stage', '<>', 'orphaned')
          .orderBy('m.nonce', 'desc')
          .limit(1)
          .as('sent'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        ofChannel(eb)
          .select('m.nonce as highest_delivered')
          .where('m.status', '<>', 0)
          .orderBy('m.nonce', 'desc')
          .limit(1)
          .as('delivered'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        ofChannel(eb)
          .select([
            'm.id as blocker_id',
            'm.nonce as blocker_nonce',
            'm.stage as blocker_stage',
            'm.reason as blocker_reason',
            'm.next_attempt_at as blocker_next_attempt_at',
          ])
          .where('m.stage', 'in', BLOCKING)
          .orderBy('m.nonce')
          .limit(1)
          .as('blocker'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('attempts as a')
          .select('a.detail as blocker_detail')
          .whereRef('a.message_id', '=', 'blocker.blocker_id')
          .orderBy('a.seq', 'desc')
          .limit(1)
          .as('why'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        ofChannel(eb)
          .select((count) => count.fn.countAll<string | number | bigint>().as('undelivered'))
          .where('m.stage', 'in', UNFINISHED)
          .as('queue'),
      (join) => join.onTrue(),
    )
    .select([
      'c.channel',
      'c.origin',
      'c.destination',
      'c.lease_owner',
      'c.lease_until',
      'first.sender',
      'first.recipient',
      'first.flags',
      'sent.highest_sent',
      'delivered.highest_delivered',
      'blocker.blocker_id',
      'blocker.blocker_nonce',
      'blocker.blocker_stage',
      'blocker.blocker_reason',
      'blocker.blocker_next_attempt_at',
      'why.blocker_detail',
      'queue.undelivered',
    ])
}

type ChannelRow = Awaited<ReturnType<ReturnType<typeof channelSummaries>['execute']>>[number]

function toChannelSummary(row: ChannelRow): ChannelSummary {
  const optionalBigInt = (value: string | number | bigint | null) =>
    value === null ? undefined : BigInt(value)
  return {
    channel: row.channel,
    origin: Number(row.origin),
    destination: Number(row.destination),
    sender: row.sender ?? undefined,
    recipient: row.recipient ?? undefined,
    isAck: ((row.flags ?? 0) & 1) === 1,
    highestSentNonce: optionalBigInt(row.highest_sent),
    highestDeliveredNonce: optionalBigInt(row.highest_delivered),
    undelivered: Number(row.undelivered ?? 0),
    blockedBy:
      row.blocker_id === null ||
      row.blocker_nonce === null ||
      row.blocker_stage === null ||
      row.blocker_reason === null
        ? undefined
        : {
            id: row.blocker_id,
            nonce: BigInt(row.blocker_nonce),
            stage: row.blocker_stage,
            reason: row.blocker_reason,
            detail: row.blocker_detail ?? undefined,
            nextAttemptAt: row.blocker_next_attempt_at,
          },
    lease:
      row.lease_owner !== null && row.lease_until !== null
        ? { owner: row.lease_owner, until: row.lease_until }
        : undefined,
  }
}

/**
 * Messages not final yet (pending, ready, submitted, failed) per route.
 *
 * @example
 * ```ts
 * for (const { origin, destination, count } of await getRouteDepths(db)) gauge.set({ origin, destination }, count)
 * ```
 */
export async function getRouteDepths(db: StoreDb): Promise<RouteDepth[]> {
  const rows = await db
    .selectFrom('messages')
    .select((eb) => ['origin', 'destination', eb.fn.countAll<string | number | bigint>().as('n')])
    .where('stage', 'in', UNFINISHED)
    .groupBy(['origin', 'destination'])
    .execute()
  return rows.map((row) => ({
    origin: Number(row.origin),
    destination: Number(row.destination),
    count: Number(row.n),
  }))
}

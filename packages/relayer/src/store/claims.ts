import { type Selectable, sql, type Transaction } from 'kysely'
import type { Hex } from 'viem'
import { toStoredMessage } from './rows.js'
import type { Database, MessagesTable, StoreDb } from './schema.js'
import type { ClaimParams, StoredMessage } from './types.js'

// A claim is one transaction: lock the route's eligible channels (FOR UPDATE SKIP LOCKED, so a
// second relayer on the same PostgreSQL passes over them instead of waiting), pick the messages,
// and lease the channels that got any. The lease outlives the transaction: until `leaseUntil`
// (or `releaseLeases`) no other owner's claim selects the channel.

/**
 * Claims `ready` messages from `origin` to `destination`: on each free channel, the run of
 * lowest undelivered nonces (pending, ready or submitted) that are all `ready`, due and
 * contiguous. A channel whose lowest undelivered message is pending, in flight or not yet due
 * gives nothing: delivering past it would break channel order.
 *
 * @example
 * ```ts
 * const batch = await claimReady(db, { origin: 1, destination: 2, owner, leaseUntil, now, limit: 50 })
 * ```
 */
export async function claimReady(db: StoreDb, params: ClaimParams): Promise<StoredMessage[]> {
  const { origin, destination, owner, now, limit } = params
  return await db.transaction().execute(async (trx) => {
    // CAST (the row types of both raw queries): `channel` columns hold lower-case hex, and `run.*`
    // is a messages row plus `due` and `gap`, which `toStoredMessage` ignores.
    const locked = await sql<{ channel: Hex }>`
      select c.channel from channels c
      where c.origin = ${origin} and c.destination = ${destination}
        and (c.lease_owner is null or c.lease_owner = ${owner} or c.lease_until <= ${now})
        and (
          select m.stage = 'ready' and (m.next_attempt_at is null or m.next_attempt_at <= ${now})
          from messages m
          where m.channel = c.channel and m.stage in ('pending', 'ready', 'submitted')
          order by m.nonce
          limit 1
        )
      order by c.channel
      limit ${limit}
      for update of c skip locked`.execute(trx)
    const channels = locked.rows.map((row) => row.channel)
    if (channels.length === 0) return []
    // Per channel, its first `limit` undelivered messages, kept while every one so far is ready and
    // due (`due`) and the nonces so far are consecutive (`gap` = 0). Channels are walked in order
    // (the primary key) and the sort only completes each channel's nonces (an incremental sort),
    // so the walk stops at the channel that fills `limit`: a claim reads about `limit` messages,
    // not `limit` from every locked channel.
    const { rows } = await sql<Selectable<MessagesTable>>`
      select run.* from channels c
      cross join lateral (
        select * from (
          select m.*,
            bool_and(m.stage = 'ready' and (m.next_attempt_at is null or m.next_attempt_at <= ${now}))
              over w as due,
            m.nonce - first_value(m.nonce) over w - (row_number() over w - 1) as gap
          from messages m
          where m.channel = c.channel and m.stage in ('pending', 'ready', 'submitted')
          window w as (order by m.nonce rows unbounded preceding)
          order by m.nonce
          limit ${limit}
        ) head
        where head.due and head.gap = 0
      ) run
      where c.channel in (${sql.join(channels)})
      order by c.channel, run.nonce
      limit ${limit}`.execute(trx)
    await lease(trx, rows, params)
    return rows.map(toStoredMessage)
  })
}

/**
 * Claims `failed` messages from `origin` to `destination` whose retry or timeout is due, in
 * (channel, nonce) order, on channels nobody else holds. A Failed message does not block its
 * channel (PROTOCOL §7), so there is no order to keep among them.
 *
 * @example
 * ```ts
 * const due = await claimFailed(db, { origin: 1, destination: 2, owner, leaseUntil, now, limit: 20 })
 * ```
 */
export async function claimFailed(db: StoreDb, params: ClaimParams): Promise<StoredMessage[]> {
  const { origin, destination, owner, now, limit } = params
  return await db.transaction().execute(async (trx) => {
    // CAST: `channel` columns hold lower-case hex.
    const locked = await sql<{ channel: Hex }>`
      select c.channel from channels c
      where c.origin = ${origin} and c.destination = ${destination}
        and (c.lease_owner is null or c.lease_owner = ${owner} or c.lease_until <= ${now})
        and exists (
          select from messages m
          where m.channel = c.channel and m.stage = 'failed'
            and (m.next_attempt_at is null or m.next_attempt_at <= ${now})
        )
      order by c.channel
      limit ${limit}
      for update of c skip locked`.execute(trx)
    const channels = locked.rows.map((row) => row.channel)
    if (channels.length === 0) return []
    const rows = await trx
      .selectFrom('messages')
      .selectAll()
      .where('channel', 'in', channels)
      .where('stage', '=', 'failed')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('channel')
      .orderBy('nonce')
      .limit(limit)
      .execute()
    await lease(trx, rows, params)
    return rows.map(toStoredMessage)
  })
}

/** Leases to the claimer the channels its claimed messages are on (not every channel locked). */
async function lease(
  trx: Transaction<Database>,
  claimed: readonly { channel: Hex }[],
  { owner, leaseUntil }: ClaimParams,
): Promise<void> {
  const channels = [...new Set(claimed.map((message) => message.channel))]
  if (channels.length === 0) return
  await trx
    .updateTable('channels')
    .set({ lease_owner: owner, lease_until: leaseUntil })
    .where('channel', 'in', channels)
    .execute()
}

/**
 * Gives back every lease `owner` holds, so another relayer can claim those channels at once.
 *
 * @example
 * ```ts
 * await releaseLeases(db, 'relayer-1')
 * ```
 */
export async function releaseLeases(db: StoreDb, owner: string): Promise<void> {
  await db
    .updateTable('channels')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', '=', owner)
    .execute()
}

/**
 * `submitted` messages a relayer starting as `owner` may take back (at most `limit`): those on
 * channels whose lease `owner` held (its own previous run) or whose lease is free or has
 * expired by `now`. A channel another relayer holds is left alone: that relayer may have the
 * messages' transaction in flight, and resubmitting them would send them twice.
 *
 * @example
 * ```ts
 * const stuck = await getResumableSubmitted(db, { owner: 'relayer-1', now: new Date(), limit: 1000 })
 * ```
 */
export async function getResumableSubmitted(
  db: StoreDb,
  { owner, now, limit }: { owner: string; now: Date; limit: number },
): Promise<StoredMessage[]> {
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('channels as c', 'c.channel', 'm.channel')
    .selectAll('m')
    .where('m.stage', '=', 'submitted')
    .where((eb) =>
      eb.or([
        eb('c.lease_owner', 'is', null),
        eb('c.lease_owner', '=', owner),
        eb('c.lease_until', 'is', null),
        eb('c.lease_until', '<=', now),
      ]),
    )
    .orderBy('m.channel')
    .orderBy('m.nonce')
    .limit(limit)
    .execute()
  return rows.map(toStoredMessage)
}

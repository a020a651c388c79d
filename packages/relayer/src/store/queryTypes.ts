import type { MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { MessageStage, ReasonCode, SignedCheckpointRow, StoredMessage } from './types.js'

// Read queries for the operator API, the lifecycle events and the metrics. None of
// them writes; each is one statement.

/**
 * Which messages `listMessages` returns: every field set must match. Hex values match in any
 * case. `originTransactionHash` matches the hash with or without `0x` (CosmWasm nodes report it
 * bare), in any case.
 */
export type MessageFilter = {
  stage?: MessageStage | undefined
  status?: MessageStatus | undefined
  origin?: number | undefined
  destination?: number | undefined
  /** bytes32. */
  sender?: Hex | undefined
  /** bytes32. */
  recipient?: Hex | undefined
  channel?: Hex | undefined
  originTransactionHash?: string | undefined
}

/** Where a page of messages starts: strictly after (older than) this message. */
export type MessagePosition = { sentAt: Date; id: Hex }

export type ListMessagesParams = MessageFilter & {
  /** Newest first; only messages strictly older than this one (`(sentAt, id)` order). */
  after?: MessagePosition | undefined
  limit: number
}

/** One channel as the store knows it, with how far it got and what holds it up. */
export type ChannelSummary = {
  channel: Hex
  origin: number
  destination: number
  /** From the channel's first message; undefined only for a channel whose messages are gone. */
  sender: Hex | undefined
  recipient: Hex | undefined
  /** Bit 0 of the first message's flags: an ack channel (PROTOCOL §1, `kind`). */
  isAck: boolean
  /** Highest nonce indexed and not orphaned. */
  highestSentNonce: bigint | undefined
  /** Highest nonce with a destination status (Executed, Failed or TimedOut). */
  highestDeliveredNonce: bigint | undefined
  /** Messages not final yet (pending, ready, submitted or failed). */
  undelivered: number
  /**
   * The lowest message still holding the channel (pending, ready or submitted): the destination
   * takes nonces in order, so everything after it waits for it. Undefined when nothing blocks.
   */
  blockedBy:
    | {
        id: Hex
        nonce: bigint
        stage: MessageStage
        reason: ReasonCode
        /** Detail of its latest attempt-log row, if any. */
        detail: string | undefined
        nextAttemptAt: Date | null
      }
    | undefined
  lease: { owner: string; until: Date } | undefined
}

export type ListChannelsParams = {
  origin?: number | undefined
  destination?: number | undefined
  /** Channels sorted by key; only those strictly after this one. */
  after?: Hex | undefined
  limit: number
}

/** Messages not final yet on one route, for queue-depth metrics. */
export type RouteDepth = { origin: number; destination: number; count: number }

/** The store's read queries for the API (see `queries.ts`). */
export type StoreQueries = {
  /** Messages matching `params`, newest first (`sentAt`, then `id`, descending). */
  listMessages(params: ListMessagesParams): Promise<StoredMessage[]>
  /** The messages with these ids (any case) that exist, in no particular order. */
  getMessagesByIds(ids: readonly Hex[]): Promise<StoredMessage[]>
  /** `origin`'s messages that `finalizeMessages(origin, _, at)` finalized at exactly `at`. */
  getMessagesFinalizedAt(origin: number, at: Date): Promise<StoredMessage[]>
  /** Ack messages whose body names `originalId` (PROTOCOL §8), newest first. */
  getAcksOf(originalId: Hex): Promise<StoredMessage[]>
  /**
   * Per validator, the lowest-index checkpoint it signed over `origin` covering `leafIndex`
   * (index ≥ leafIndex), as far as this store knows (a validator sharing the store).
   */
  getCheckpointSigners(origin: number, leafIndex: number): Promise<SignedCheckpointRow[]>
  listChannels(params: ListChannelsParams): Promise<ChannelSummary[]>
  getChannel(channel: Hex): Promise<ChannelSummary | undefined>
  /** Messages not final yet, per route. */
  getRouteDepths(): Promise<RouteDepth[]>
  /** Resolves when the database answers a trivial query (readiness). */
  ping(): Promise<void>
}

import type { MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'
import type { TransactionJournal } from '../chains/types.js'
import type { StoreQueries } from './queryTypes.js'

/**
 * Where a message is in the relayer, as a tagged state (`stage`):
 * - `pending`: indexed, its origin block is not final yet;
 * - `ready`: final on the origin, waiting to be delivered (see `reason` for why it waits);
 * - `submitted`: a delivery transaction is in flight (`transactionHash`);
 * - `failed`: delivered with status Failed; `nextAttemptAt` schedules a retry (or a timeout
 *   once past its deadline); with reason `retries_exhausted` the relayer no longer retries it and
 *   `nextAttemptAt` is when it next reads its status, in case someone else retried it;
 * - `done`: final on the destination (Executed or TimedOut);
 * - `orphaned`: its origin block left the canonical chain; never delivered.
 */
export type MessageStage = 'pending' | 'ready' | 'submitted' | 'failed' | 'done' | 'orphaned'

/** Why a message is where it is: each attempt and each wait records one. */
export type ReasonCode =
  | 'indexed'
  | 'waiting_finality'
  | 'waiting_signatures'
  | 'waiting_channel_order'
  | 'underpaid'
  | 'gas_estimate_reverted'
  | 'tx_reverted'
  | 'rpc_error'
  | 'nonce_conflict'
  | 'gas_price_above_cap'
  | 'internal_error'
  | 'delivered'
  | 'delivered_by_other'
  | 'retry_scheduled'
  | 'retries_exhausted'
  | 'retried'
  | 'timed_out'
  | 'orphaned'
  | 'submitting'
  | 'resumed_after_restart'
  | 'fee_added'

export type StoredMessage = {
  id: Hex
  origin: number
  destination: number
  /** `getChannelKey(origin, sender, destination, recipient)`. */
  channel: Hex
  nonce: bigint
  leafIndex: number
  sender: Hex
  recipient: Hex
  flags: number
  deadline: bigint
  gasLimit: number
  ackGasLimit: number
  encoded: Hex
  /**
   * What the message has paid on its origin, in base units: the fee charged at send plus every
   * top-up (`feeAdded`). What a fee policy compares; 0 when the relayer does not read fees.
   */
  feePaid: bigint
  /** The sum of its fee top-ups (PROTOCOL §9 `FeeAdded`), included in `feePaid`. */
  feeAdded: bigint
  originBlockNumber: bigint
  originBlockHash: string
  originTransactionHash: string
  stage: MessageStage
  /** Destination status once delivered (PROTOCOL §7): 0 until then. */
  status: MessageStatus
  result: Hex | null
  reason: ReasonCode
  attempts: number
  nextAttemptAt: Date | null
  /** Last delivery / retry / timeout transaction. */
  transactionHash: string | null
  sentAt: Date
  finalizedAt: Date | null
  deliveredAt: Date | null
}

/** One row of the attempt log: every decision about a message, with its reason. */
export type AttemptRecord = {
  messageId: Hex
  reason: ReasonCode
  detail?: string | undefined
  transactionHash?: string | undefined
}

export type StoredAttempt = AttemptRecord & { seq: bigint; at: Date }

/** A checkpoint signature, as a validator made it (its own store) or a relayer fetched it. */
export type SignedCheckpointRow = {
  validator: Hex
  origin: number
  originEndpoint: Hex
  index: number
  root: Hex
  signature: Hex
}

/** A fee top-up (PROTOCOL §9: `FeeAdded(id, amount)`, `ferry_fee_added`), as indexed on its origin. */
export type FeeTopUp = {
  origin: number
  messageId: Hex
  amount: bigint
  blockNumber: bigint
  blockHash: string
  transactionHash: string
  /** The event's position in its transaction (EVM: the log index), so it is stored once. */
  eventIndex: number
}

/** A block hash the indexer saw, for reorg detection. */
export type SeenBlock = { domain: number; number: bigint; hash: string }

/**
 * The relayer's and validator's persistent state, one small typed query layer over PostgreSQL
 * (PGlite embedded, or a server). Every method is one statement or one transaction. The operator
 * API's read queries are `StoreQueries` (`queryTypes.ts`).
 */
export type RelayerStore = TransactionJournal & {
  // -- cursors and reorgs -------------------------------------------------------------------
  /** Last block `stream` (e.g. `relayer`, `validator:0xabc`) finished on `domain`. */
  getCursor(stream: string, domain: number): Promise<SeenBlock | undefined>
  setCursor(stream: string, cursor: SeenBlock): Promise<void>
  /** Remembers block hashes (idempotent) so a later pass can find where a reorg forked. */
  recordBlocks(stream: string, blocks: readonly SeenBlock[]): Promise<void>
  /** Remembered blocks of `stream` on `domain` at or below `number`, highest first, at most `limit`. */
  getBlocks(stream: string, domain: number, below: bigint, limit: number): Promise<SeenBlock[]>
  /** Forgets remembered blocks above `number` (after a reorg) and below `keepFrom` (pruning). */
  pruneBlocks(stream: string, domain: number, above: bigint, keepFrom: bigint): Promise<void>

  // -- messages -----------------------------------------------------------------------------
  /**
   * Inserts newly indexed messages as `pending` (idempotent by id: a message seen again after a
   * reorg comes back from `orphaned` with its new block and leaf index). One transaction.
   */
  insertMessages(messages: readonly NewMessage[]): Promise<void>
  /** Marks every non-final message of `origin` emitted above block `number` `orphaned`; returns their ids. */
  orphanMessagesAbove(origin: number, number: bigint): Promise<Hex[]>
  /** Distinct origin blocks (number, hash) of `origin`'s `pending` messages at or below `number`. */
  getPendingBlocks(origin: number, number: bigint): Promise<SeenBlock[]>
  /**
   * Records fee top-ups (idempotent by where each was emitted) and adds each new one's amount to
   * its message's `feePaid`, logging a `fee_added` attempt with the amount and transaction. An
   * `underpaid` message that was waiting becomes due at once. A top-up of a message not stored
   * yet is kept and counted when the message is inserted. Returns the `fee_added` attempts it
   * logged, one per stored message that gained a top-up.
   */
  insertFeeTopUps(topUps: readonly FeeTopUp[]): Promise<AttemptRecord[]>
  /** Forgets `origin`'s top-ups emitted above block `number` (a reorg) and takes them off their messages' fees. */
  removeFeeTopUpsAbove(origin: number, number: bigint): Promise<void>
  /** `pending` messages of `origin` at or below block `number` become `ready`; returns how many. */
  finalizeMessages(origin: number, number: bigint, at: Date): Promise<number>
  getMessage(id: Hex): Promise<StoredMessage | undefined>
  /**
   * Leaf ids of `origin` for leaves `[from, to)`, in leaf order, skipping orphaned rows, to
   * rebuild the tree.
   */
  getLeaves(origin: number, from: number, to: number): Promise<Hex[]>
  /**
   * Claims up to `limit` `ready` messages from `origin` to `destination` whose `nextAttemptAt` is
   * due, in (channel, nonce) order, on channels nobody else holds: each claimed channel is leased
   * to `owner` until `leaseUntil` (`FOR UPDATE SKIP LOCKED`, so two relayers never claim one
   * channel). Only the lowest undelivered nonces of each channel, contiguous.
   */
  claimReady(params: ClaimParams): Promise<StoredMessage[]>
  /** Claims `failed` messages due for retry/timeout, same lease rules. */
  claimFailed(params: ClaimParams): Promise<StoredMessage[]>
  /** Gives back the leases `owner` holds (at shutdown, or after a pass). */
  releaseLeases(owner: string): Promise<void>
  /**
   * `submitted` messages a relayer starting as `owner` may take back, at most `limit`: on
   * channels whose lease `owner` held, or that nobody holds, or whose lease expired by `now`.
   * Another relayer's live lease means its transaction may be in flight: those stay as they are.
   */
  getResumableSubmitted(owner: string, now: Date, limit: number): Promise<StoredMessage[]>
  /** Sets stage/reason/etc. of several messages and appends one attempt each; one transaction. */
  updateMessages(updates: readonly MessageUpdate[]): Promise<void>
  /** Messages in `stage` (e.g. `submitted` at start-up), up to `limit`. */
  getMessagesInStage(stage: MessageStage, limit: number): Promise<StoredMessage[]>
  /** Appends to the attempt log without changing the message. */
  recordAttempts(attempts: readonly AttemptRecord[]): Promise<void>
  getAttempts(messageId: Hex): Promise<StoredAttempt[]>
  /** Counts by stage (metrics, bench). */
  countByStage(): Promise<Record<MessageStage, number>>

  // -- validator tree ------------------------------------------------------------------------
  /** Appends final leaves to `validator`'s copy of `origin`'s tree (idempotent by index). */
  saveValidatorLeaves(
    validator: Hex,
    origin: number,
    leaves: readonly { index: number; id: Hex }[],
  ): Promise<void>
  /** `validator`'s leaves of `origin` in `[from, to)`, in order. */
  getValidatorLeaves(validator: Hex, origin: number, from: number, to: number): Promise<Hex[]>

  // -- checkpoints --------------------------------------------------------------------------
  /**
   * Records a checkpoint this validator signed. Refuses (returns the stored row) when the
   * validator already signed a different root at that index: the caller must not serve the new
   * one. Returns the row that is stored.
   */
  saveSignedCheckpoint(row: SignedCheckpointRow): Promise<SignedCheckpointRow>
  getSignedCheckpoint(
    validator: Hex,
    origin: number,
    index: number,
  ): Promise<SignedCheckpointRow | undefined>
  latestSignedCheckpoint(validator: Hex, origin: number): Promise<SignedCheckpointRow | undefined>

  // -- API keys and audit log (see apiKeys.ts) ------------------------------------------------
  createApiKey(key: {
    name: string
    scope: ApiKeyScope
    keyHash: Uint8Array
  }): Promise<ApiKeyRecord>
  listApiKeys(): Promise<ApiKeyRecord[]>
  revokeApiKey(idOrName: string): Promise<ApiKeyRecord | undefined>
  useApiKey(keyHash: Uint8Array): Promise<(ApiKeyRecord & { keyHash: Uint8Array }) | undefined>
  recordAudit(entry: NewAuditEntry): Promise<AuditEntry>
  listAuditLog(params: { limit: number; before?: number | undefined }): Promise<AuditEntry[]>
  /** The action key `keyId` sent with this `Idempotency-Key`, if any. */
  findAuditByIdempotencyKey(keyId: number, idempotencyKey: string): Promise<AuditEntry | undefined>

  close(): Promise<void>
} & StoreQueries

/** `read` keys may read when reads need a key; `operate` keys may also act (write routes). */
export type ApiKeyScope = 'read' | 'operate'

/** An API key as listed: never the key, nor its hash. */
export type ApiKeyRecord = {
  id: number
  name: string
  scope: ApiKeyScope
  createdAt: Date
  revokedAt: Date | null
  lastUsedAt: Date | null
}

/** One operator action: who (key), what (action, target) and the request's summary. */
export type NewAuditEntry = {
  keyId: number
  keyName: string
  action: string
  target: string
  request: unknown
  /** The client's `Idempotency-Key`, unique per API key. */
  idempotencyKey?: string | null | undefined
}

export type AuditEntry = NewAuditEntry & { id: number; at: Date }

/** A message as indexed: `feePaid` is the fee charged at send (top-ups are stored apart). */
export type NewMessage = Omit<
  StoredMessage,
  | 'feeAdded'
  | 'stage'
  | 'status'
  | 'result'
  | 'reason'
  | 'attempts'
  | 'nextAttemptAt'
  | 'transactionHash'
  | 'finalizedAt'
  | 'deliveredAt'
>

export type ClaimParams = {
  origin: number
  destination: number
  owner: string
  leaseUntil: Date
  now: Date
  limit: number
}

export type MessageUpdate = {
  id: Hex
  stage: MessageStage
  reason: ReasonCode
  detail?: string | undefined
  status?: MessageStatus | undefined
  result?: Hex | null | undefined
  transactionHash?: string | null | undefined
  nextAttemptAt?: Date | null | undefined
  deliveredAt?: Date | null | undefined
  /** Whether this update counts as a delivery attempt (increments `attempts`). */
  attempt?: boolean | undefined
  /**
   * Leaves the attempt log (and lifecycle events) alone: a periodic check that found nothing
   * new, such as a parked message read back still Failed.
   */
  quiet?: boolean | undefined
}

import type { Message, MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'

/** A block on a chain, by height and hash: the unit of finality and reorg detection. */
export type BlockRef = {
  number: bigint
  hash: string
  /** Unix seconds. */
  timestamp: bigint
}

/** A `MessageSent` event (PROTOCOL §4), decoded, with where it was emitted. */
export type SentMessageEvent = {
  id: Hex
  leafIndex: number
  /** The encoded message, as emitted. */
  encoded: Hex
  message: Message
  block: Omit<BlockRef, 'timestamp'>
  transactionHash: string
}

/** A fee top-up (PROTOCOL §9: `FeeAdded(id, amount)`, CosmWasm `ferry_fee_added`) on an origin. */
export type FeeAddedEvent = {
  /** The message topped up. */
  id: Hex
  /** In the origin's native token's base units. */
  amount: bigint
  block: Omit<BlockRef, 'timestamp'>
  transactionHash: string
  /** Its position among the transaction's events (EVM: the log index): with the hash, its key. */
  eventIndex: number
}

/** What one delivery, retry or timeout did to one message, from the destination's events. */
export type DeliveryOutcome = {
  id: Hex
  status: MessageStatus
  /** Handler's return or revert data (PROTOCOL §7), `0x` when none. */
  result: Hex
}

/**
 * Why a chain call failed, as an adapter tells the core: the reason code the attempt is recorded
 * with. `gas_estimate_reverted`: the destination refused the call before anything was mined
 * (a bad proof, a message delivered by someone first); `tx_reverted`: mined but reverted;
 * `gas_price_above_cap`: nothing signed, the price is above the relayer's cap; `nonce_conflict`:
 * transactions the relayer did not sign take its key's nonces; `rpc_error`: the chain could not
 * be reached or answered badly.
 */
export type ChainFailureReason =
  | 'gas_estimate_reverted'
  | 'tx_reverted'
  | 'gas_price_above_cap'
  | 'nonce_conflict'
  | 'rpc_error'

/**
 * What every error an adapter throws for a chain-side reason carries as `chainFailure` (on itself
 * or on an error in its `cause` chain), so the core tells failures apart by data, never by the
 * adapter's error classes. An error without one (a `TypeError`, a store failure) is the
 * relayer's own trouble: the core records it as `internal_error`.
 *
 * @example
 * class RpcError extends BaseError { readonly chainFailure: ChainFailure = { reason: 'rpc_error', retryable: true } }
 */
export type ChainFailure = {
  reason: ChainFailureReason
  /** Whether the same call may succeed if tried again later (the error's own `retryable`). */
  retryable: boolean
}

/** A contract call the relayer submits on a destination endpoint. */
export type EndpointCall =
  | { type: 'deliverBatch'; messages: readonly Hex[]; proofs: readonly Hex[] }
  | {
      type: 'retry'
      message: Hex
      /** Gas for the handler (PROTOCOL §7 `retry(message, gasLimit)`): at least the message's own. */
      gasLimit: number
    }
  | { type: 'timeout'; message: Hex }

/** A transaction's end, as the relayer records it. */
export type CallReceipt = {
  transactionHash: string
  blockNumber: bigint
  status: 'success' | 'reverted'
  /** `MessageDelivered` / `MessageRetried` / `MessageTimedOut` of this transaction, in order. */
  outcomes: DeliveryOutcome[]
  gasUsed: bigint
}

/**
 * One chain as the validator and relayer see it: its endpoint as an origin (heads, events, tree)
 * and as a destination (status reads and calls). EVM (viem) and CosmWasm (the bindings' typed
 * client over RPC or the embedded VM) implement it; core code never sees which.
 */
export type ChainAdapter = {
  readonly kind: 'evm' | 'cosmwasm'
  readonly domain: number
  /** The endpoint as bytes32 (PROTOCOL §2), the `originEndpoint` of its checkpoints. */
  readonly endpoint: Hex
  /** Latest block. Throws `RpcError` (retryable) when every RPC URL fails. */
  getHead(signal?: AbortSignal): Promise<BlockRef>
  /** Hash of the canonical block at `number`, `undefined` above the head. */
  getBlockHash(number: bigint, signal?: AbortSignal): Promise<string | undefined>
  /** `MessageSent` events of the endpoint in blocks `[fromBlock, toBlock]`, in leaf order. */
  getSentMessages(
    fromBlock: bigint,
    toBlock: bigint,
    signal?: AbortSignal,
  ): Promise<SentMessageEvent[]>
  /** Fee top-ups (`FeeAdded` / `ferry_fee_added`) of the endpoint in blocks `[fromBlock, toBlock]`, in chain order. */
  getFeesAdded(fromBlock: bigint, toBlock: bigint, signal?: AbortSignal): Promise<FeeAddedEvent[]>
  /** The endpoint's tree (`merkleRoot`, `merkleCount`) as of block `blockNumber`. */
  getTree(blockNumber: bigint, signal?: AbortSignal): Promise<{ root: Hex; count: number }>
  /** What the origin charged for `message` (PROTOCOL §9), in its native token's base units. */
  getFeePaid(event: SentMessageEvent, signal?: AbortSignal): Promise<bigint>
  /** `messageStatus` on this chain's endpoint as a destination. */
  getMessageStatus(message: Hex, signal?: AbortSignal): Promise<MessageStatus>
  /** `inboundNonce(channel)` on this chain's endpoint. */
  getInboundNonce(channel: Hex, signal?: AbortSignal): Promise<bigint>
  /**
   * Submits `call` and waits for its receipt. EVM: nonce from the journal, EIP-1559 fees, bumps a
   * stuck transaction; `journal.recordSigned` runs before each broadcast. Throws the adapter's
   * named errors, each with a {@link ChainFailure} (`chainFailure`) the core reads: the call
   * would revert (`gas_estimate_reverted`, not retryable as is), `rpc_error`, `tx_reverted`;
   * EVM also `gas_price_above_cap` and `nonce_conflict` (both retryable).
   */
  submit(call: EndpointCall, options: SubmitOptions): Promise<CallReceipt>
  /** Native balance of the relayer's account (for metrics and alerts). */
  getSignerBalance(signal?: AbortSignal): Promise<bigint>
  /**
   * Settles the journal's unfinished transactions of this chain's sender, left by a crash or an
   * abort; call it once at start, before any `submit`. Returns the receipts of those that were
   * mined (while the process was down, or after being sent again), with the ids they carried, so
   * the core can record their outcomes. A transaction whose nonce is still free and whose call
   * would still succeed is broadcast again and waited for; the rest are recorded `dropped`
   * (their calls are the core's to make again). Throws `RpcError` when the chain is unreachable.
   *
   * @example
   * for (const { receipt, messageIds } of await chain.recover(signal)) record(receipt, messageIds)
   */
  recover(signal?: AbortSignal): Promise<RecoveredTransaction[]>
}

/** A journal transaction `recover` found mined, and what it carried. */
export type RecoveredTransaction = {
  receipt: CallReceipt
  call: EndpointCall['type']
  /** The ids journaled with the transaction (`SubmitOptions.messageIds`). */
  messageIds: readonly Hex[]
}

export type SubmitOptions = {
  /** Sum of the messages' gas limits plus the endpoint's overhead: estimates never go below it. */
  gasFloor: bigint
  /**
   * Most gas the call can need if every handler spends its whole limit (what a batch is sized
   * by). An adapter may use it as the gas limit once a simulation at it succeeds.
   */
  gasBound?: bigint | undefined
  /** Ids the call concerns, written beside the transaction in the journal. */
  messageIds: readonly Hex[]
  signal?: AbortSignal | undefined
}

/**
 * Where a sender records its transactions before broadcasting them, so that after a crash it
 * knows which nonces it used and which hashes to look for. The relayer's store implements it.
 */
export type TransactionJournal = {
  /** Highest nonce recorded for `(domain, sender)` whose transaction is not `dropped`, or undefined. */
  highestNonce(domain: number, sender: string): Promise<bigint | undefined>
  /**
   * Called with the signed transaction before it is broadcast. A hash may come again: a dropped
   * transaction signed again with the same nonce, fees and call has the same signature and hash;
   * it is then signed (unfinished) again.
   */
  recordSigned(entry: JournalEntry): Promise<void>
  /**
   * Called once its receipt is in, or when it was replaced (fee bump) or dropped. A hash recorded
   * `replaced` may later be recorded `mined`: the replaced transaction is sometimes the one mined.
   */
  recordFinished(transactionHash: string, state: 'mined' | 'replaced' | 'dropped'): Promise<void>
  /** Transactions of `(domain, sender)` signed but not finished: to resume after a restart. */
  unfinished(domain: number, sender: string): Promise<JournalEntry[]>
}

export type JournalEntry = {
  domain: number
  sender: string
  nonce: bigint
  transactionHash: string
  /** Signed raw transaction, to rebroadcast. */
  raw: Hex
  call: EndpointCall['type']
  messageIds: readonly Hex[]
  maxFeePerGas: bigint
  maxPriorityFeePerGas: bigint
}

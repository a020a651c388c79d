import type { Message, MessageStatus } from '@ferry/protocol'
import type { Hex } from 'viem'

/** A block on a chain, by height and hash: the unit of finality and reorg detection. */
export type BlockRef = {
  number: bigint
  hash: string
  /** Unix seconds. */
  timestamp: bigint
}

/**
 * Which head a reader is asked for: the latest block, or the newest block the chain's consensus
 * calls `safe` (unlikely to reorg) or `finalized` (cannot reorg), as post-merge Ethereum nodes and
 * OP Stack nodes serve them (`eth_getBlockByNumber("safe" | "finalized")`).
 */
export type HeadTag = 'latest' | 'safe' | 'finalized'

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
 * Why a chain call failed, as a reader or submitter tells its caller: the reason code the
 * relayer records an attempt with. `gas_estimate_reverted`: the destination refused the call
 * before anything was mined (a bad proof, a message delivered by someone first); `tx_reverted`:
 * mined but reverted; `gas_price_above_cap`: nothing signed, the price is above the relayer's
 * cap; `nonce_conflict`: transactions the relayer did not sign take its key's nonces;
 * `rpc_error`: the chain could not be reached or answered badly.
 */
export type ChainFailureReason =
  | 'gas_estimate_reverted'
  | 'tx_reverted'
  | 'gas_price_above_cap'
  | 'nonce_conflict'
  | 'rpc_error'

/**
 * What every error a chain reader or submitter throws for a chain-side reason carries as
 * `chainFailure` (on itself or on an error in its `cause` chain), so that callers tell failures
 * apart by data, never by error classes. An error without one (a `TypeError`, a store failure)
 * is the caller's own trouble.
 *
 * @example
 * class RpcError extends BaseError { readonly chainFailure: ChainFailure = { reason: 'rpc_error', retryable: true } }
 */
export type ChainFailure = {
  reason: ChainFailureReason
  /** Whether the same call may succeed if tried again later (the error's own `retryable`). */
  retryable: boolean
}

/** The pino-like logger a reader writes to, an object first, then a message; silent when absent. */
export type ChainLogger = {
  debug(fields: Record<string, unknown>, message: string): void
  info(fields: Record<string, unknown>, message: string): void
  warn(fields: Record<string, unknown>, message: string): void
  error(fields: Record<string, unknown>, message: string): void
}

/**
 * One chain's Ferry endpoint, read without a key: as an origin (heads, events, its tree, fees
 * paid) and as a destination (statuses, inbound nonces). EVM (viem) and CosmWasm (the bindings'
 * typed client over RPC or the embedded chain) implement it; callers never see which. The
 * explorer, tracking, validators and the relayer's origins read through it; the relayer's
 * submitters wrap one.
 */
export type ChainReader = {
  readonly kind: 'evm' | 'cosmwasm'
  readonly domain: number
  /** The endpoint as bytes32 (PROTOCOL §2), the `originEndpoint` of its checkpoints. */
  readonly endpoint: Hex
  /**
   * Latest block, or with `tag` the chain's newest `safe` or `finalized` block (a CosmWasm chain's
   * blocks are final once committed, so there every tag is the latest block). Throws `RpcError`
   * (retryable) when every RPC URL fails or the node does not serve the tag.
   */
  getHead(signal?: AbortSignal, tag?: HeadTag): Promise<BlockRef>
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
   * The status and result the last delivery or retry of message `id` left on this chain's
   * endpoint as a destination (`MessageDelivered` / `MessageRetried`, PROTOCOL §11), searched in
   * blocks `[fromBlock, head]`; undefined when none is there.
   */
  getDeliveryResult(
    id: Hex,
    fromBlock: bigint,
    signal?: AbortSignal,
  ): Promise<DeliveryResult | undefined>
}

/** What a delivery (or its last retry) left: the message's status and its handler's result. */
export type DeliveryResult = { status: MessageStatus; result: Hex }

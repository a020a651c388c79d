import type { L1FeeConfig } from '@ferry/protocol'
import type { ChainReader, DeliveryOutcome } from '@ferry/sdk'
import type { Hex } from 'viem'

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
  /**
   * The fee manager's `setL1FeeConfig(domain, config)` (PROTOCOL §9): the relayer keeps a rollup
   * destination's L1 data fee parameters current when its key is the origin's fee manager. EVM
   * endpoints only.
   */
  | { type: 'setL1FeeConfig'; domain: number; config: L1FeeConfig }

/** A transaction's end, as the relayer records it. */
export type CallReceipt = {
  transactionHash: string
  blockNumber: bigint
  status: 'success' | 'reverted'
  /** `MessageDelivered` / `MessageRetried` / `MessageTimedOut` of this transaction, in order. */
  outcomes: DeliveryOutcome[]
  gasUsed: bigint
  /**
   * The L1 data fee the transaction paid besides its gas, in the chain's native base units: an
   * OP Stack chain's receipt `l1Fee`; 0 on other chains.
   */
  l1Fee: bigint
}

/**
 * One chain as the relayer writes to it: a {@link ChainReader} (the sdk's, keyless) plus a key,
 * a nonce manager and a journal. EVM (`createEvmChainSubmitter`) and CosmWasm
 * (`createCosmWasmChainSubmitter`) implement it; core code never sees which.
 */
export type ChainSubmitter = ChainReader & {
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

import {
  type CosmWasmExecutor,
  deliverBatch,
  inboundNonce,
  merkleCount,
  merkleRoot,
  messageStatus,
  quote,
  retry,
  timeout,
} from '@ferry/cosmwasm-bindings'
import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { bech32ToBytes32, MessageFlags } from '@ferry/protocol'
import type { Logger } from 'pino'
import { abortable } from '../evm/abortable.js'
import type { CallReceipt, ChainAdapter, EndpointCall, SentMessageEvent } from '../types.js'
import { checkSentComplete } from './checkSentComplete.js'
import { createEmbeddedSource } from './createEmbeddedSource.js'
import { createRpcSource } from './createRpcSource.js'
import { createSigner } from './createSigner.js'
import type { CosmWasmSource } from './source.js'
import { toAdapterError } from './toAdapterError.js'
import { toDeliveryOutcomes } from './toDeliveryOutcomes.js'
import { toFeeAddedEvents } from './toFeeAddedEvents.js'
import { toSentMessageEvents } from './toSentMessageEvents.js'

/** Where a CosmWasm chain is: in this process, or a node over CometBFT RPC. */
export type CosmWasmChainSource =
  | {
      type: 'embedded'
      chain: EmbeddedChain
      /** The relayer's account on the chain (no key: the embedded chain does not sign). */
      sender: string
    }
  | {
      type: 'rpc'
      /** CometBFT RPC URLs; the next is tried when one cannot be reached. */
      rpcUrls: readonly string[]
      /** The relayer's key: a BIP-39 mnemonic, or a 32-byte hex private key. */
      signer: string
      bech32Prefix: string
      /** Per unit of gas, amount and denom (`'0.025stake'`). */
      gasPrice: string
      /** The chain id the nodes must serve; default: whatever they serve. */
      chainId?: string | undefined
      /** Gas limit = simulated × this (at least the call's `gasFloor`). Default 1.4. */
      gasAdjustment?: number | undefined
      /** How often to look for a broadcast transaction. Default 500 ms (about a block or less). */
      broadcastPollIntervalMs?: number | undefined
      /** How long to wait for its inclusion before `RpcError`. Default 60 s. */
      broadcastTimeoutMs?: number | undefined
      /** Timeout of each RPC request. Default 10 s. */
      requestTimeoutMs?: number | undefined
    }

export type CreateCosmWasmChainParameters = {
  domain: number
  /** The endpoint contract, bech32. */
  endpoint: string
  source: CosmWasmChainSource
  logger?: Logger | undefined
}

export type CosmWasmChain = ChainAdapter & {
  readonly kind: 'cosmwasm'
  /** The relayer's account (bech32). */
  readonly sender: string
  /** Releases RPC connections. */
  close(): void
}

const SENT = 'wasm-ferry_message_sent'
const FEE_ADDED = 'wasm-ferry_fee_added'

/**
 * A Ferry CosmWasm chain as the relayer and validator see it (`ChainAdapter`), through the
 * bindings' typed client, over the embedded chain or a node's CometBFT RPC (tried URL by URL).
 *
 * - Origin: heads and block hashes; `ferry_message_sent` and `ferry_fee_added` events by height range (the embedded
 *   chain's block log, or the node's transaction index), decoded and in leaf order, and checked
 *   against how much the endpoint's tree grew over the range (a transaction index lags its
 *   blocks: `IncompleteEventsError`, retryable, rather than a silent gap); the tree
 *   queried at the given height (the embedded chain keeps its last `history.states` states, a
 *   node what its pruning keeps; older heights fail). CometBFT's finality is instant, so such a
 *   chain needs 0 confirmations; it never reorgs, but the interface stays the same.
 * - Fees: `getFeePaid` is the endpoint's `quote` for the message, in the state just before its
 *   block (or the latest state, when that is no longer kept). An ack paid nothing here: 0.
 * - Destination: status, inbound nonce, and `submit` of `deliverBatch`, `retry` and `timeout`,
 *   one transaction at a time (the account sequence is read from the chain for each), with gas
 *   `max(simulated × gasAdjustment, gasFloor)`. Outcomes come from the endpoint's events. A call
 *   the chain refuses before inclusion throws `CallRejectedError` (its `cause` the endpoint's
 *   error class); one included but failed (a node's non-zero code, e.g. out of gas) resolves
 *   with a `reverted` receipt; an unreachable node throws `RpcError`. An aborted `signal` stops
 *   reads and a write not yet started; a broadcast transaction is always waited for.
 * - `recover()` returns `[]`: this adapter keeps no transaction journal. A node assigns account
 *   sequences (no nonce to reserve, no fee bump, nothing stuck to replace) and a write resolves
 *   only once included, so what a crash can leave is a transaction whose receipt was not
 *   recorded; the relayer puts its messages back to `ready` at start, and the destination's
 *   inbound nonce and message status then show whether it landed.
 *
 * @example
 * const chain = await createCosmWasmChain({
 *   domain: 7001,
 *   endpoint: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
 *   source: { type: 'rpc', rpcUrls: ['http://127.0.0.1:26657'], signer: mnemonic, bech32Prefix: 'wasm', gasPrice: '0.025stake' },
 *   logger,
 * })
 * const events = await chain.getSentMessages(1n, (await chain.getHead()).number)
 */
export async function createCosmWasmChain({
  domain,
  endpoint: contract,
  source: params,
  logger,
}: CreateCosmWasmChainParameters): Promise<CosmWasmChain> {
  const log = logger?.child({ module: 'cosmwasm', domain })
  const source: CosmWasmSource =
    params.type === 'embedded'
      ? createEmbeddedSource({ chain: params.chain, sender: params.sender, endpoint: contract })
      : await createRpcSource({
          domain,
          rpcUrls: params.rpcUrls,
          chainId: params.chainId,
          signer: await createSigner(params.signer, params.bech32Prefix),
          gasPrice: params.gasPrice,
          gasAdjustment: params.gasAdjustment,
          broadcastPollIntervalMs: params.broadcastPollIntervalMs,
          broadcastTimeoutMs: params.broadcastTimeoutMs,
          requestTimeoutMs: params.requestTimeoutMs,
          logger: log,
        })

  /** Runs a read, surfacing an `RpcError` the typed client wrapped. */
  async function read<value>(run: () => Promise<value>, signal?: AbortSignal): Promise<value> {
    signal?.throwIfAborted()
    try {
      return await abortable(run(), signal)
    } catch (error) {
      throw toAdapterError(error)
    }
  }

  /** The endpoint's leaf count after block `height`; undefined where the chain cannot tell. */
  async function countAt(height: bigint): Promise<number | undefined> {
    try {
      return await merkleCount(source.reader(height), { contract })
    } catch (error) {
      const adapted = toAdapterError(error)
      if (adapted !== error) throw adapted // unreachable node: fail the read
      return undefined // state not kept at that height, or no endpoint yet
    }
  }

  function quoteOf(event: SentMessageEvent, height?: bigint) {
    const { message } = event
    return quote(source.reader(height), {
      contract,
      destination: message.destination,
      bodyLength: (message.body.length - 2) / 2,
      gasLimit: message.gasLimit,
      ackGasLimit: message.ackGasLimit,
    })
  }

  async function send(call: EndpointCall, executor: CosmWasmExecutor) {
    switch (call.type) {
      case 'deliverBatch':
        return deliverBatch(executor, { contract, messages: call.messages, proofs: call.proofs })
      case 'retry':
        return retry(executor, { contract, message: call.message, gasLimit: call.gasLimit })
      case 'timeout':
        return timeout(executor, { contract, message: call.message })
    }
  }

  return {
    kind: 'cosmwasm',
    domain,
    endpoint: bech32ToBytes32(contract),
    sender: source.sender,

    getHead: (signal) => read(() => source.getHead(signal), signal),
    getBlockHash: (number, signal) => read(() => source.getBlockHash(number, signal), signal),

    getSentMessages: (fromBlock, toBlock, signal) =>
      read(async () => {
        const query = { contract, eventType: SENT, fromHeight: fromBlock, toHeight: toBlock }
        const events = toSentMessageEvents(await source.searchEvents(query, signal), contract)
        const [countBefore, countAfter] = await Promise.all([
          fromBlock <= 1n ? 0 : countAt(fromBlock - 1n),
          countAt(toBlock),
        ])
        checkSentComplete({ domain, fromBlock, toBlock, events, countBefore, countAfter })
        return events
      }, signal),

    getFeesAdded: (fromBlock, toBlock, signal) =>
      read(async () => {
        const query = { contract, eventType: FEE_ADDED, fromHeight: fromBlock, toHeight: toBlock }
        return toFeeAddedEvents(await source.searchEvents(query, signal), contract)
      }, signal),

    getTree: (blockNumber, signal) =>
      read(async () => {
        const reader = source.reader(blockNumber)
        const [root, count] = await Promise.all([
          merkleRoot(reader, { contract }),
          merkleCount(reader, { contract }),
        ])
        return { root, count }
      }, signal),

    getFeePaid: (event, signal) =>
      read(async () => {
        // An ack is sent by the endpoint itself: its delivery was paid on the other chain.
        if ((event.message.flags & MessageFlags.isAck) !== 0) return 0n
        try {
          return (await quoteOf(event, event.block.number - 1n)).fee
        } catch (error) {
          const adapted = toAdapterError(error)
          if (adapted !== error) throw adapted // unreachable: no point asking the latest state
          log?.debug({ err: error, block: event.block.number }, 'fee read at the latest state')
          return (await quoteOf(event)).fee
        }
      }, signal),

    getMessageStatus: (message, signal) =>
      read(() => messageStatus(source.reader(), { contract, message }), signal),

    getInboundNonce: (channel, signal) =>
      read(() => inboundNonce(source.reader(), { contract, channel }), signal),

    getSignerBalance: (signal) => read(() => source.getBalance(signal), signal),

    async submit(call, { gasFloor, messageIds, signal }) {
      const { result, outcome } = await source
        .write(gasFloor, (executor) => send(call, executor), signal)
        .catch((error: unknown) => {
          throw toAdapterError(error, { call: call.type, domain })
        })
      const receipt: CallReceipt = {
        transactionHash: outcome.transactionHash,
        blockNumber: BigInt(outcome.height),
        status: outcome.failure === undefined ? 'success' : 'reverted',
        outcomes: toDeliveryOutcomes(result.events),
        gasUsed: outcome.gasUsed,
      }
      if (outcome.failure !== undefined)
        log?.warn(
          { call: call.type, tx: receipt.transactionHash, ...outcome.failure },
          'transaction failed on chain',
        )
      else
        log?.debug(
          { call: call.type, tx: receipt.transactionHash, messages: messageIds.length },
          'submitted',
        )
      return receipt
    },

    // No journal to replay; see the function's documentation.
    recover: async () => [],

    close: () => source.close(),
  }
}

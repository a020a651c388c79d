import {
  inboundNonce,
  merkleCount,
  merkleRoot,
  messageStatus,
  quote,
} from '@ferry/cosmwasm-bindings'
import { bech32ToBytes32, MessageFlags } from '@ferry/protocol'
import { abortable } from '../abortable.js'
import type { ChainLogger, ChainReader, SentMessageEvent } from '../types.js'
import { unwrapRpcError } from '../unwrapRpcError.js'
import { checkSentComplete } from './checkSentComplete.js'
import type { CosmWasmReadSource } from './source.js'
import { toDeliveryResult } from './toDeliveryResult.js'
import { toFeeAddedEvents } from './toFeeAddedEvents.js'
import { toSentMessageEvents } from './toSentMessageEvents.js'

export type CreateCosmWasmChainReaderParameters<source extends CosmWasmReadSource> = {
  domain: number
  /** The endpoint contract, bech32. */
  endpoint: string
  /** Where the chain is: `createCosmWasmRpcSource` (a node) or `createCosmWasmEmbeddedSource`. */
  source: source
  /** pino-like logger; silent when absent. */
  logger?: ChainLogger | undefined
}

/** A CosmWasm chain's reader, with the source it reads and the endpoint's bech32 address. */
export type CosmWasmChainReader<source extends CosmWasmReadSource = CosmWasmReadSource> =
  ChainReader & {
    readonly kind: 'cosmwasm'
    /** The endpoint contract, bech32 (`endpoint` is the same as bytes32). */
    readonly contract: string
    readonly source: source
    /** Releases the source's connections. */
    close(): void
  }

const SENT = 'wasm-ferry_message_sent'
const FEE_ADDED = 'wasm-ferry_fee_added'
const DELIVERED = 'wasm-ferry_message_delivered'
const RETRIED = 'wasm-ferry_message_retried'

/**
 * The {@link ChainReader} of a Ferry CosmWasm chain, with no key, through the bindings' typed
 * client over a source: the embedded chain or a node's CometBFT RPC (tried URL by URL).
 *
 * - Origin: heads and block hashes; `ferry_message_sent` and `ferry_fee_added` events by height
 *   range (the embedded chain's block log, or the node's transaction index), decoded and in
 *   leaf order, and checked against how much the endpoint's tree grew over the range (a
 *   transaction index lags its blocks: `IncompleteEventsError`, retryable, rather than a silent
 *   gap); the tree queried at the given height (the embedded chain keeps its last
 *   `history.states` states, a node what its pruning keeps; older heights fail). CometBFT's
 *   finality is instant, so such a chain needs 0 confirmations; it never reorgs, but the
 *   interface stays the same.
 * - Fees: `getFeePaid` is the endpoint's `quote` for the message, in the state just before its
 *   block (or the latest state, when that is no longer kept). An ack paid nothing here: 0.
 * - Destination: status and inbound nonce.
 *
 * An unreachable node throws `RpcError`; an aborted `signal` stops a read.
 *
 * @example
 * const reader = createCosmWasmChainReader({
 *   domain: 7001,
 *   endpoint: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
 *   source: createCosmWasmRpcSource({ domain: 7001, rpcUrls: ['http://127.0.0.1:26657'] }),
 * })
 * const events = await reader.getSentMessages(1n, (await reader.getHead()).number)
 */
export function createCosmWasmChainReader<source extends CosmWasmReadSource>({
  domain,
  endpoint: contract,
  source,
  logger,
}: CreateCosmWasmChainReaderParameters<source>): CosmWasmChainReader<source> {
  /** Runs a read, surfacing an `RpcError` the typed client wrapped. */
  async function read<value>(run: () => Promise<value>, signal?: AbortSignal): Promise<value> {
    signal?.throwIfAborted()
    try {
      return await abortable(run(), signal)
    } catch (error) {
      throw unwrapRpcError(error)
    }
  }

  /** The endpoint's leaf count after block `height`; undefined where the chain cannot tell. */
  async function countAt(height: bigint): Promise<number | undefined> {
    try {
      return await merkleCount(source.reader(height), { contract })
    } catch (error) {
      const adapted = unwrapRpcError(error)
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

  return {
    kind: 'cosmwasm',
    domain,
    endpoint: bech32ToBytes32(contract),
    contract,
    source,

    // CometBFT commits a block final (no reorgs), so `safe` and `finalized` are the latest block.
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

    getDeliveryResult: (id, fromBlock, signal) =>
      read(async () => {
        const { number: toHeight } = await source.getHead(signal)
        const search = (eventType: string) =>
          source.searchEvents({ contract, eventType, fromHeight: fromBlock, toHeight }, signal)
        const transactions = [...(await search(DELIVERED)), ...(await search(RETRIED))].sort(
          (a, b) => (a.height < b.height ? -1 : a.height > b.height ? 1 : 0),
        )
        return toDeliveryResult(transactions, contract, id)
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
          const adapted = unwrapRpcError(error)
          if (adapted !== error) throw adapted // unreachable: no point asking the latest state
          logger?.debug({ err: error, block: event.block.number }, 'fee read at the latest state')
          return (await quoteOf(event)).fee
        }
      }, signal),

    getMessageStatus: (message, signal) =>
      read(() => messageStatus(source.reader(), { contract, message }), signal),

    getInboundNonce: (channel, signal) =>
      read(() => inboundNonce(source.reader(), { contract, channel }), signal),

    close: () => source.close(),
  }
}

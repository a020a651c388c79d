import { endpointAbi } from '@ferry/evm-contracts'
import { evmAddressToBytes32, MessageFlags } from '@ferry/protocol'
import { type Address, BlockNotFoundError, createPublicClient, type PublicClient, size } from 'viem'
import { EvmChainConfigError } from '../errors.js'
import type { ChainLogger, ChainReader } from '../types.js'
import { callRpc } from './callRpc.js'
import type { EvmReadContext } from './context.js'
import { failoverTransport } from './failoverTransport.js'
import { getDeliveryResult } from './getDeliveryResult.js'
import { getFeesAdded } from './getFeesAdded.js'
import { getSentMessages } from './getSentMessages.js'
import { toMessageStatus } from './toMessageStatus.js'

export type CreateEvmChainReaderParameters = {
  /** The chain's Ferry domain (PROTOCOL §1). */
  domain: number
  /** The Ferry endpoint on this chain. */
  endpoint: Address
  /** pino-like logger (failovers are warned about); silent when absent. */
  logger?: ChainLogger | undefined
  /** Most blocks asked for in one `eth_getLogs`. Default 2,000. */
  logBlockSpan?: bigint | undefined
} & (
  | {
      /** JSON-RPC URLs, preferred first; the reader moves to the next when one fails or stalls. */
      rpcUrls: readonly string[]
      /** Timeout of one request on one URL. Default 10 s. */
      requestTimeoutMs?: number | undefined
      /** Times a request that failed on every URL is tried again (with backoff). Default 1. */
      retryCount?: number | undefined
      /** The client's polling interval (a submitter's receipt polling). Default 1 s. */
      pollingIntervalMs?: number | undefined
      client?: undefined
    }
  | {
      /** A viem public client of its own (a browser wallet's transport, a test client). */
      client: PublicClient
      rpcUrls?: undefined
    }
)

/** An EVM chain's reader, with the viem client it reads through and the endpoint's address. */
export type EvmChainReader = ChainReader & {
  readonly kind: 'evm'
  readonly client: PublicClient
  /** The endpoint's 20-byte address (`endpoint` is the same as bytes32). */
  readonly endpointAddress: Address
}

const silent: ChainLogger = { debug() {}, info() {}, warn() {}, error() {} }

/**
 * The {@link ChainReader} of an EVM chain, over viem, with no key: reads the endpoint as an
 * origin (heads, `MessageSent` and `FeeAdded` logs, its tree, fees paid) and as a destination
 * (statuses, inbound nonces). Given `rpcUrls`, it reads through a failover transport: a dead or
 * stalling URL is skipped after one timeout. Every failure is a named error with a
 * `chainFailure` (`RpcError`, `EndpointReadRevertedError`).
 *
 * @example
 * const reader = createEvmChainReader({
 *   domain: 1,
 *   endpoint: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
 *   rpcUrls: ['https://rpc-a.example', 'https://rpc-b.example'],
 * })
 * const head = await reader.getHead()
 * const sent = await reader.getSentMessages(head.number - 100n, head.number)
 */
export function createEvmChainReader(parameters: CreateEvmChainReaderParameters): EvmChainReader {
  const { domain, endpoint, logger = silent, logBlockSpan = 2_000n } = parameters
  const client = parameters.client ?? createClient(parameters, logger)
  const ctx: EvmReadContext = { domain, endpoint, client }
  const read = <T>(functionName: string, run: () => Promise<T>, signal?: AbortSignal) =>
    callRpc(ctx, functionName, run, signal)

  return {
    kind: 'evm',
    domain,
    endpoint: evmAddressToBytes32(endpoint),
    endpointAddress: endpoint,
    client,

    async getHead(signal, tag = 'latest') {
      const block = await read(
        'eth_getBlockByNumber',
        () => client.getBlock({ blockTag: tag }),
        signal,
      )
      return { number: block.number, hash: block.hash, timestamp: block.timestamp }
    },

    getBlockHash(number, signal) {
      return read(
        'eth_getBlockByNumber',
        async () => {
          try {
            return (await client.getBlock({ blockNumber: number })).hash
          } catch (error) {
            if (error instanceof BlockNotFoundError) return undefined
            throw error
          }
        },
        signal,
      )
    },

    getSentMessages(fromBlock, toBlock, signal) {
      return getSentMessages(ctx, { fromBlock, toBlock, blockSpan: logBlockSpan }, signal)
    },

    getFeesAdded(fromBlock, toBlock, signal) {
      return getFeesAdded(ctx, { fromBlock, toBlock, blockSpan: logBlockSpan }, signal)
    },

    async getDeliveryResult(id, fromBlock, signal) {
      const { number: toBlock } = await this.getHead(signal)
      return getDeliveryResult(ctx, id, { fromBlock, toBlock, blockSpan: logBlockSpan }, signal)
    },

    async getTree(blockNumber, signal) {
      const [root, count] = await Promise.all([
        read(
          'merkleRoot',
          () =>
            client.readContract({
              address: endpoint,
              abi: endpointAbi,
              functionName: 'merkleRoot',
              blockNumber,
            }),
          signal,
        ),
        read(
          'merkleCount',
          () =>
            client.readContract({
              address: endpoint,
              abi: endpointAbi,
              functionName: 'merkleCount',
              blockNumber,
            }),
          signal,
        ),
      ])
      return { root, count }
    },

    async getFeePaid({ message, block }, signal) {
      // An ack is sent by the endpoint itself and pays nothing here (PROTOCOL §8).
      if ((message.flags & MessageFlags.isAck) !== 0) return 0n
      // The endpoint charges exactly its quote and refunds the rest (PROTOCOL §9), so the
      // quote at the event's block is what was paid.
      return await read(
        'quote',
        () =>
          client.readContract({
            address: endpoint,
            abi: endpointAbi,
            functionName: 'quote',
            args: [
              message.destination,
              BigInt(size(message.body)),
              message.gasLimit,
              message.ackGasLimit,
            ],
            blockNumber: block.number,
          }),
        signal,
      )
    },

    async getMessageStatus(message, signal) {
      const status = await read(
        'messageStatus',
        () =>
          client.readContract({
            address: endpoint,
            abi: endpointAbi,
            functionName: 'messageStatus',
            args: [message],
          }),
        signal,
      )
      return toMessageStatus(status)
    },

    getInboundNonce(channel, signal) {
      return read(
        'inboundNonce',
        () =>
          client.readContract({
            address: endpoint,
            abi: endpointAbi,
            functionName: 'inboundNonce',
            args: [channel],
          }),
        signal,
      )
    },
  }
}

function createClient(
  {
    domain,
    rpcUrls = [],
    requestTimeoutMs = 10_000,
    retryCount = 1,
    pollingIntervalMs = 1_000,
  }: Extract<CreateEvmChainReaderParameters, { rpcUrls: readonly string[] }>,
  logger: ChainLogger,
): PublicClient {
  if (rpcUrls.length === 0) throw new EvmChainConfigError({ domain, problem: 'rpcUrls is empty' })
  return createPublicClient({
    pollingInterval: pollingIntervalMs,
    transport: failoverTransport(rpcUrls, {
      timeoutMs: requestTimeoutMs,
      retryCount,
      onFailover: ({ method, host, error }) =>
        logger.warn(
          { domain, method, host, error: error.message.split('\n')[0] },
          'RPC URL failed; trying the next',
        ),
    }),
  })
}

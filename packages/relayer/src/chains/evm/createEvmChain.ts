import { endpointAbi } from '@ferry/evm-contracts'
import { evmAddressToBytes32, MessageFlags } from '@ferry/protocol'
import {
  type Address,
  BlockNotFoundError,
  createPublicClient,
  type Hex,
  type LocalAccount,
  size,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { ChainAdapter, TransactionJournal } from '../types.js'
import type { EvmContext, EvmLogger } from './context.js'
import { EvmChainConfigError } from './errors.js'
import { failoverTransport } from './failoverTransport.js'
import type { EvmGasPolicy } from './feeStrategy.js'
import { getFeesAdded } from './getFeesAdded.js'
import { getSentMessages } from './getSentMessages.js'
import { createNonceManager } from './nonceManager.js'
import { recoverJournal } from './recoverJournal.js'
import { callRpc } from './rpc.js'
import { submitCall } from './submitCall.js'
import { toMessageStatus } from './toMessageStatus.js'

export type CreateEvmChainParameters = {
  /** The chain's Ferry domain (PROTOCOL §1). */
  domain: number
  /** JSON-RPC URLs, preferred first; the adapter moves to the next when one fails or stalls. */
  rpcUrls: readonly string[]
  /** The Ferry endpoint on this chain. */
  endpoint: Address
  /** The relayer's key on this chain: it pays for and signs every transaction. Never logged. */
  privateKey: Hex
  /** Where transactions are recorded before they are broadcast (the relayer's store). */
  journal: TransactionJournal
  gas: EvmGasPolicy
  /** pino-like logger; silent when absent. */
  logger?: EvmLogger
  /** Timeout of one request on one URL. Default 10 s. */
  requestTimeoutMs?: number
  /** How often receipts are polled while a transaction is pending. Default 1 s. */
  pollingIntervalMs?: number
  /** Most blocks asked for in one `eth_getLogs`. Default 2,000. */
  logBlockSpan?: bigint
  /** Times a request that failed on every URL is tried again (with backoff). Default 1. */
  retryCount?: number
}

/** An EVM chain's adapter, with the address its key signs as. */
export type EvmChainAdapter = ChainAdapter & { readonly kind: 'evm'; readonly signer: Address }

const silent: EvmLogger = { debug() {}, info() {}, warn() {}, error() {} }

/**
 * The {@link ChainAdapter} of an EVM chain, over viem: reads the endpoint as an origin (heads,
 * `MessageSent` logs, its tree, fees paid) and as a destination (statuses, inbound nonces), and
 * submits endpoint calls with its own nonce manager, local signing, a journal written before
 * every broadcast, EIP-1559 fees under a cap, and replacement of stuck transactions. Several RPC
 * URLs share the load of failure: a dead or stalling one is skipped after one timeout.
 *
 * @example
 * const chain = createEvmChain({
 *   domain: 1,
 *   rpcUrls: ['https://rpc-a.example', 'https://rpc-b.example'],
 *   endpoint: '0x…',
 *   privateKey: process.env.RELAYER_KEY,
 *   journal: store,
 *   gas: { maxFeePerGas: parseGwei('200'), bumpPercent: 20, stuckAfterMs: 60_000 },
 *   logger: pino().child({ module: 'evm', domain: 1 }),
 * })
 * await chain.recover()
 * const receipt = await chain.submit({ type: 'retry', message, gasLimit: 200_000 }, { gasFloor: 300_000n, messageIds: [id] })
 */
export function createEvmChain(parameters: CreateEvmChainParameters): EvmChainAdapter {
  const {
    domain,
    rpcUrls,
    endpoint,
    journal,
    gas,
    logger = silent,
    requestTimeoutMs = 10_000,
    pollingIntervalMs = 1_000,
    logBlockSpan = 2_000n,
    retryCount = 1,
  } = parameters
  const problem = checkParameters(parameters)
  if (problem) throw new EvmChainConfigError({ domain, problem })
  const account = accountOf(domain, parameters.privateKey)

  const client = createPublicClient({
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
  let chainId: Promise<number> | undefined
  const ctx: EvmContext = {
    domain,
    endpoint,
    client,
    account,
    journal,
    gas,
    logger,
    pollingIntervalMs,
    chainId: () => {
      chainId ??= callRpc({ domain }, 'eth_chainId', () => client.getChainId()).catch(
        (error: unknown) => {
          chainId = undefined // ask again next time
          throw error
        },
      )
      return chainId
    },
  }
  const nonces = createNonceManager(ctx)
  const read = <T>(functionName: string, run: () => Promise<T>, signal?: AbortSignal) =>
    callRpc(ctx, functionName, run, signal)

  return {
    kind: 'evm',
    domain,
    endpoint: evmAddressToBytes32(endpoint),
    signer: account.address,

    async getHead(signal) {
      const block = await read('eth_getBlockByNumber', () => client.getBlock(), signal)
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

    getSignerBalance(signal) {
      return read('eth_getBalance', () => client.getBalance({ address: account.address }), signal)
    },

    submit(call, options) {
      return submitCall(ctx, nonces, call, options)
    },

    recover(signal) {
      return recoverJournal(ctx, nonces, signal)
    },
  }
}

function checkParameters(parameters: CreateEvmChainParameters): string | undefined {
  const { rpcUrls, gas } = parameters
  if (rpcUrls.length === 0) return 'rpcUrls is empty'
  if (!(gas.bumpPercent >= 10))
    return `gas.bumpPercent is ${gas.bumpPercent}; nodes need 10 or more`
  if (gas.maxFeePerGas <= 0n) return 'gas.maxFeePerGas must be positive'
  if (!(gas.stuckAfterMs > 0)) return 'gas.stuckAfterMs must be positive'
  if (gas.estimateMultiplier !== undefined && !(gas.estimateMultiplier >= 1))
    return 'gas.estimateMultiplier must be at least 1'
  return undefined
}

function accountOf(domain: number, privateKey: Hex): LocalAccount {
  try {
    return privateKeyToAccount(privateKey)
  } catch {
    // The underlying error may quote the key: it is not passed on.
    throw new EvmChainConfigError({ domain, problem: 'privateKey is not a valid secp256k1 key' })
  }
}

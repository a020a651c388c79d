import { BaseError } from '@ferry/protocol'
import type { ChainFailure } from './types.js'

/**
 * No RPC URL answered `method` (HTTP errors, timeouts, dropped connections, overloaded nodes).
 * Retryable: the same request can succeed once a provider recovers.
 *
 * @example
 * if (error instanceof RpcError) log.warn({ method: error.method }, 'RPC down')
 */
export class RpcError extends BaseError {
  override name = 'RpcError'
  /** What the core reads (`ChainFailure`): recorded as `rpc_error`. */
  readonly chainFailure: ChainFailure = { reason: 'rpc_error', retryable: true }
  readonly method: string
  constructor(args: { method: string; domain: number; cause: Error }) {
    super(`RPC call ${args.method} on domain ${args.domain} failed on every URL.`, {
      cause: args.cause,
      retryable: true,
    })
    this.method = args.method
  }
}

/**
 * A read of the endpoint reverted (e.g. `quote` for a destination whose fee configuration was
 * removed). Not retryable: the same read at the same block reverts the same way.
 *
 * @example
 * if (error instanceof EndpointReadRevertedError) console.log(error.functionName)
 */
export class EndpointReadRevertedError extends BaseError {
  override name = 'EndpointReadRevertedError'
  /** What the core reads (`ChainFailure`): recorded as `rpc_error`. */
  readonly chainFailure: ChainFailure = { reason: 'rpc_error', retryable: false }
  readonly functionName: string
  constructor(args: { functionName: string; domain: number; cause: Error }) {
    super(`Reading ${args.functionName} of the endpoint on domain ${args.domain} reverted.`, {
      cause: args.cause,
      retryable: false,
    })
    this.functionName = args.functionName
  }
}

/**
 * An RPC URL serves another chain than the one configured (`chainId`): the adapter will not read
 * or write through it and tries the next URL. Not retryable: the URL is misconfigured.
 *
 * @example
 * new ChainIdMismatchError({ url: 'http://127.0.0.1:26657', expected: 'wasm-1', actual: 'osmosis-1' })
 */
export class ChainIdMismatchError extends BaseError {
  override name = 'ChainIdMismatchError' as const
  /** What the core reads (`ChainFailure`): recorded as `rpc_error`. */
  readonly chainFailure: ChainFailure = { reason: 'rpc_error', retryable: false }
  readonly url: string
  readonly expected: string
  readonly actual: string
  constructor({ url, expected, actual }: { url: string; expected: string; actual: string }) {
    super(`${url} serves chain "${actual}", not "${expected}".`, { retryable: false })
    this.url = url
    this.expected = expected
    this.actual = actual
  }
}

/**
 * The events read for a block range do not account for how much the endpoint's tree grew over
 * it: the node's transaction index is behind its blocks (CometBFT indexes just after it
 * commits) or not kept at all (`indexer = "null"`). Retryable: read the range again; a node
 * without an index never gets there, and must be replaced.
 *
 * @example
 * new IncompleteEventsError({ domain: 7001, fromBlock: 10n, toBlock: 20n, found: 1, expected: 2 })
 */
export class IncompleteEventsError extends BaseError {
  override name = 'IncompleteEventsError' as const
  /** What the core reads (`ChainFailure`): recorded as `rpc_error`. */
  readonly chainFailure: ChainFailure = { reason: 'rpc_error', retryable: true }
  constructor({
    domain,
    fromBlock,
    toBlock,
    found,
    expected,
  }: {
    domain: number
    fromBlock: bigint
    toBlock: bigint
    found: number
    expected: number
  }) {
    super(
      `Domain ${domain}: blocks ${fromBlock}–${toBlock} show ${found} sent messages of ${expected}.`,
      {
        metaMessages: ["The node's transaction index is behind its blocks, or off."],
        retryable: true,
      },
    )
  }
}

/**
 * `createEvmChainReader` or the relayer's EVM submitter was given parameters it cannot work with. Not retryable: fix the config.
 *
 * @example
 * createEvmChainReader({ ...params, rpcUrls: [] }) // throws EvmChainConfigError
 */
export class EvmChainConfigError extends BaseError {
  override name = 'EvmChainConfigError'
  constructor(args: { domain: number; problem: string }) {
    super(`EVM chain ${args.domain}: ${args.problem}`, { retryable: false })
  }
}

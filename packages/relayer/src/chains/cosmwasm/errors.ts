import { BaseError } from '@ferry/protocol'
import type { ChainFailure, EndpointCall } from '../types.js'

/**
 * The chain refused a call before it was included (the CosmWasm counterpart of the EVM
 * adapter's `GasEstimateRevertedError`): the gas simulation or the embedded chain failed it, so
 * nothing was mined and no fee was paid. `cause` is the endpoint's error class
 * (`NonceOutOfOrderError`, `ThresholdNotMetError`, …, from `parseEndpointError`), or
 * `UnknownEndpointError` wrapping the node's words when the chain itself said no (funds,
 * sequence). Not retryable as is: the same call fails the same way until the chain's state
 * changes (the cause's own `retryable` says whether it may).
 *
 * @example
 * ```ts
 * try {
 *   await chain.submit(call, options)
 * } catch (error) {
 *   if (error instanceof CallRejectedError) console.log(error.call, error.cause)
 * }
 * ```
 */
export class CallRejectedError extends BaseError {
  override name = 'CallRejectedError' as const
  /** What the core reads (`ChainFailure`): recorded as `gas_estimate_reverted`. */
  readonly chainFailure: ChainFailure = { reason: 'gas_estimate_reverted', retryable: false }
  readonly call: EndpointCall['type']
  readonly domain: number
  constructor({
    call,
    domain,
    cause,
  }: { call: EndpointCall['type']; domain: number; cause: Error }) {
    super(`Domain ${domain} rejected ${call}.`, { cause, retryable: false })
    this.call = call
    this.domain = domain
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

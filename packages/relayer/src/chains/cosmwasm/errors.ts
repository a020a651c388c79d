import { BaseError } from '@ferry/protocol'
import type { ChainFailure } from '@ferry/sdk'
import type { EndpointCall } from '../types.js'

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

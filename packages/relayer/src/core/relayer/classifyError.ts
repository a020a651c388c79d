import { BaseError } from '@ferry/protocol'
import type { ChainFailure, ChainFailureReason } from '@ferry/sdk'
import type { ReasonCode } from '../../store/types.js'

/** What the core makes of an error: the reason code its attempt is recorded with, and whether trying again can help. */
export type ErrorClass = {
  reason: Extract<ReasonCode, ChainFailureReason | 'internal_error'>
  retryable: boolean
}

const reasons: ReadonlySet<string> = new Set<ChainFailureReason>([
  'gas_estimate_reverted',
  'tx_reverted',
  'gas_price_above_cap',
  'nonce_conflict',
  'rpc_error',
])

/**
 * The reason code an attempt that threw is recorded with, read from the {@link ChainFailure} an
 * adapter put on its error (`chainFailure`, on the error or anywhere in its cause chain; the
 * outermost wins): the call was refused (`gas_estimate_reverted`), mined but reverted
 * (`tx_reverted`), priced above the cap (`gas_price_above_cap`), lost its nonce to another
 * sender (`nonce_conflict`), or the chain could not be reached (`rpc_error`). Anything else (a
 * `TypeError`, a store failure, a value that is not an error) is `internal_error`: the relayer's
 * own trouble, retried on the same backoff as the others, and never a chain's fault.
 * The core knows no adapter's error classes: adapters translate their errors into this data.
 *
 * @example
 * const { reason, retryable } = classifyError(error) // { reason: 'rpc_error', retryable: true }
 */
export function classifyError(error: unknown): ErrorClass {
  const seen = new Set<unknown>()
  for (let e: unknown = error; e instanceof Error && !seen.has(e); e = e.cause) {
    seen.add(e)
    const failure = readChainFailure(e)
    if (failure) return failure
  }
  return { reason: 'internal_error', retryable: true }
}

function readChainFailure(error: Error): ChainFailure | undefined {
  if (!('chainFailure' in error)) return undefined
  const failure: unknown = error.chainFailure
  if (typeof failure !== 'object' || failure === null) return undefined
  const { reason, retryable } = failure as Partial<Record<keyof ChainFailure, unknown>> // CAST: each field is checked below
  if (typeof reason !== 'string' || !reasons.has(reason)) return undefined
  // CAST: `reasons` holds exactly the ChainFailureReason values.
  return { reason: reason as ChainFailureReason, retryable: retryable === true }
}

/** One line on what went wrong, for the attempt log. */
export function errorDetail(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error)
}

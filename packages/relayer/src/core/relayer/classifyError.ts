import { BaseError } from '@ferry/protocol'
import { CallRejectedError } from '../../chains/cosmwasm/errors.js'
import {
  GasEstimateRevertedError,
  GasPriceAboveCapError,
  NonceConflictError,
  TransactionRevertedError,
} from '../../chains/evm/errors.js'
import type { ReasonCode } from '../../store/types.js'

/**
 * The reason code an attempt that threw is recorded with: the call itself was refused
 * (`gas_estimate_reverted`: the destination would revert it, e.g. a bad proof or a message
 * someone else delivered first), the transaction was mined but reverted (`tx_reverted`), the
 * destination's gas price is above the relayer's cap (`gas_price_above_cap`: nothing was signed;
 * the message waits for the price to fall), transactions the relayer did not sign keep taking
 * its key's nonces (`nonce_conflict`: the key is used elsewhere too), or the chain could not be
 * reached (`rpc_error`).
 *
 * @example
 * const reason = classifyError(error) // 'rpc_error'
 */
export function classifyError(
  error: unknown,
): Extract<
  ReasonCode,
  'gas_estimate_reverted' | 'tx_reverted' | 'gas_price_above_cap' | 'nonce_conflict' | 'rpc_error'
> {
  // The adapters' named errors, wherever they sit in the cause chain.
  const chain: unknown[] = []
  for (let e: unknown = error; e instanceof Error; e = e.cause) chain.push(e)
  const any = (type: abstract new (...args: never[]) => Error) =>
    chain.some((e) => e instanceof type)
  if (any(GasEstimateRevertedError) || any(CallRejectedError)) return 'gas_estimate_reverted'
  if (any(TransactionRevertedError)) return 'tx_reverted'
  if (any(GasPriceAboveCapError)) return 'gas_price_above_cap'
  if (any(NonceConflictError)) return 'nonce_conflict'
  return 'rpc_error'
}

/** One line on what went wrong, for the attempt log. */
export function errorDetail(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error)
}

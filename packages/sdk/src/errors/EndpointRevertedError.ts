import type { FailureReason } from '@ferry/protocol'
import { FerryError, type RecoveryHint } from './FerryError.js'

/**
 * Reasons for which the same call, made again later, can succeed: the endpoint is paused, the
 * transaction had too little gas, an earlier message of the channel is not delivered yet, or
 * the fee rose between the quote and the send (`send` quotes again).
 */
const RETRYABLE: ReadonlySet<FailureReason> = new Set<FailureReason>([
  'paused',
  'insufficient_gas',
  'nonce_out_of_order',
  'fee_too_low',
  'deadline_not_passed',
])

export type EndpointRevertedErrorParameters = {
  /** The chain whose endpoint refused the call (its name in the client). */
  chain: string
  /** The protocol's name for the failure (`evmFailureReason` / `cosmwasmFailureReason`); undefined for an administrative error or one the SDK does not know. */
  reason: FailureReason | undefined
  /** The contract's own name for it: the Solidity custom error (`EndpointFeeTooLow`) or the CosmWasm error code (`fee_too_low`). */
  errorName: string
  /** The error's fields by name: decoded ABI values on EVM (bigint, hex), the contract's JSON fields on CosmWasm (numbers as decimal strings). */
  args: Readonly<Record<string, unknown>>
  cause?: Error | undefined
}

/**
 * The Ferry endpoint refused a call (a `send`, `addFee`, `retry`, `timeout`), on either kind of
 * chain, decoded: `reason` is the protocol's failure-reason name, the same for both kinds, so an
 * app branches once. `recovery` says what to do where the error implies it (a fee that rose:
 * pay more; a retry with too little gas: the gas to use; a deadline not passed yet: when).
 *
 * @example
 * try {
 *   await retryMessage(client, { message, gasLimit: 500_000 })
 * } catch (error) {
 *   if (error instanceof EndpointRevertedError && error.reason === 'deadline_passed')
 *     await timeoutMessage(client, { message })
 * }
 */
export class EndpointRevertedError extends FerryError {
  override name = 'EndpointRevertedError'
  readonly code = 'endpoint_reverted'
  readonly chain: string
  readonly reason: FailureReason | undefined
  readonly errorName: string
  readonly args: Readonly<Record<string, unknown>>
  constructor({ chain, reason, errorName, args, cause }: EndpointRevertedErrorParameters) {
    super(`The Ferry endpoint on ${chain} refused the call: ${reason ?? errorName}.`, {
      cause,
      retryable: reason !== undefined && RETRYABLE.has(reason),
      recovery: recoveryOf(reason, args),
      metaMessages: [
        `${errorName}(${JSON.stringify(args, (_, v) => (typeof v === 'bigint' ? `${v}` : v))})`,
      ],
    })
    this.chain = chain
    this.reason = reason
    this.errorName = errorName
    this.args = args
  }
}

/** The recovery an error's reason and fields imply, on either kind (the field names differ). */
function recoveryOf(
  reason: FailureReason | undefined,
  args: Readonly<Record<string, unknown>>,
): RecoveryHint | undefined {
  switch (reason) {
    case 'fee_too_low': {
      const fee = integer(args.required)
      return fee === undefined ? undefined : { action: 'payMore', fee }
    }
    case 'retry_gas_limit_too_low': {
      // EVM: EndpointRetryGasLimitTooLow(id, gasLimit, minimum); CosmWasm: message_gas_limit.
      const gasLimit = integer(args.minimum ?? args.message_gas_limit)
      return gasLimit === undefined
        ? undefined
        : { action: 'retryMessage', gasLimit: Number(gasLimit) }
    }
    case 'deadline_passed':
      return { action: 'timeoutMessage' }
    case 'deadline_not_passed': {
      const deadline = integer(args.deadline)
      return deadline === undefined
        ? undefined
        : { action: 'wait', until: new Date(Number(deadline) * 1000).toISOString() }
    }
    default:
      return undefined
  }
}

/** A field as an integer: a bigint or number (EVM) or a decimal string (CosmWasm). */
function integer(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value)
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return BigInt(value)
  return undefined
}

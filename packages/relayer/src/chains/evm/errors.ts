import { BaseError } from '@ferry/protocol'
import type { ChainFailure } from '@ferry/sdk'

/**
 * Gas estimation of an endpoint call reverted: sent as is, the transaction would revert (a bad
 * proof, a message already delivered, out of channel order). Not retryable as is: the call must
 * change (or the chain's state must), so nothing was signed. `errorName` is the decoded custom
 * error when the revert data matched the endpoint's or the verifier's ABI.
 *
 * @example
 * if (error instanceof GasEstimateRevertedError && error.errorName === 'EndpointNonceOutOfOrder') { ... }
 */
export class GasEstimateRevertedError extends BaseError {
  override name = 'GasEstimateRevertedError'
  /** What the core reads (`ChainFailure`): recorded as `gas_estimate_reverted`. */
  readonly chainFailure: ChainFailure = { reason: 'gas_estimate_reverted', retryable: false }
  readonly call: string
  readonly errorName: string | undefined
  readonly errorArgs: readonly unknown[] | undefined
  constructor(args: {
    call: string
    domain: number
    errorName?: string | undefined
    errorArgs?: readonly unknown[] | undefined
    cause: Error
  }) {
    const reason = args.errorName ? `: ${args.errorName}` : ''
    super(`Estimating ${args.call} on domain ${args.domain} reverted${reason}.`, {
      cause: args.cause,
      ...(args.errorArgs ? { metaMessages: [`arguments: ${stringify(args.errorArgs)}`] } : {}),
      retryable: false,
    })
    this.call = args.call
    this.errorName = args.errorName
    this.errorArgs = args.errorArgs
  }
}

/**
 * The chain's base fee plus the priority fee is above the policy's `maxFeePerGas` cap, so no
 * transaction was signed. Retryable: base fees fall again after a spike.
 *
 * @example
 * if (error instanceof GasPriceAboveCapError) console.log(error.required, error.cap)
 */
export class GasPriceAboveCapError extends BaseError {
  override name = 'GasPriceAboveCapError'
  /** What the core reads (`ChainFailure`): recorded as `gas_price_above_cap`. */
  readonly chainFailure: ChainFailure = { reason: 'gas_price_above_cap', retryable: true }
  readonly required: bigint
  readonly cap: bigint
  constructor(args: { domain: number; required: bigint; cap: bigint }) {
    super(`Domain ${args.domain} needs ${args.required} wei per gas, above the cap ${args.cap}.`, {
      retryable: true,
    })
    this.required = args.required
    this.cap = args.cap
  }
}

/**
 * The transaction was mined and reverted (its gas is spent). Retryable: the chain moved between
 * the estimate and the inclusion (another relayer delivered first, state changed); the next
 * attempt estimates again and either succeeds or fails with {@link GasEstimateRevertedError}.
 *
 * @example
 * if (error instanceof TransactionRevertedError) console.log(error.transactionHash)
 */
export class TransactionRevertedError extends BaseError {
  override name = 'TransactionRevertedError'
  /** What the core reads (`ChainFailure`): recorded as `tx_reverted`. */
  readonly chainFailure: ChainFailure = { reason: 'tx_reverted', retryable: true }
  readonly transactionHash: string
  readonly blockNumber: bigint
  readonly gasUsed: bigint
  constructor(args: {
    domain: number
    transactionHash: string
    blockNumber: bigint
    gasUsed: bigint
    gasLimit: bigint
  }) {
    super(`Transaction ${args.transactionHash} on domain ${args.domain} reverted.`, {
      metaMessages: [
        `block: ${args.blockNumber}`,
        `gas used: ${args.gasUsed} of ${args.gasLimit}${args.gasUsed >= args.gasLimit ? ' (out of gas)' : ''}`,
      ],
      retryable: true,
    })
    this.transactionHash = args.transactionHash
    this.blockNumber = args.blockNumber
    this.gasUsed = args.gasUsed
  }
}

/**
 * The relayer's nonce was taken by a transaction it did not sign (the same key used elsewhere)
 * and resyncing from the chain did not free one after several tries, or a pending foreign
 * transaction holds the nonce at a higher fee. Retryable: the foreign transactions get mined.
 *
 * @example
 * if (error instanceof NonceConflictError) console.log(error.nonce)
 */
export class NonceConflictError extends BaseError {
  override name = 'NonceConflictError'
  /** What the core reads (`ChainFailure`): recorded as `nonce_conflict`. */
  readonly chainFailure: ChainFailure = { reason: 'nonce_conflict', retryable: true }
  readonly nonce: bigint
  constructor(args: { domain: number; sender: string; nonce: bigint; detail: string }) {
    super(`Nonce ${args.nonce} of ${args.sender} on domain ${args.domain} is held elsewhere.`, {
      details: args.detail,
      retryable: true,
    })
    this.nonce = args.nonce
  }
}

function stringify(values: readonly unknown[]): string {
  return JSON.stringify(values, (_, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  )
}

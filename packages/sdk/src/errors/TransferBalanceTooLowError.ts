import { FerryError } from './FerryError.js'

/**
 * The sender holds less of the token than the transfer takes: nothing was sent. Not retryable as
 * is: send at most `balance` (`recovery.action: 'lowerAmount'`).
 *
 * @example
 * if (error instanceof TransferBalanceTooLowError) console.log(error.balance, error.needed)
 */
export class TransferBalanceTooLowError extends FerryError {
  override name = 'TransferBalanceTooLowError'
  readonly code = 'transfer_balance_too_low'
  /** The origin chain's name. */
  readonly chain: string
  readonly balance: bigint
  readonly needed: bigint
  constructor(parameters: {
    chain: string
    balance: bigint
    needed: bigint
    cause?: Error | undefined
  }) {
    const { chain, balance, needed, cause } = parameters
    super(`The sender holds ${balance} of the token on ${chain}, less than ${needed}.`, {
      ...(balance > 0n && { recovery: { action: 'lowerAmount', amount: balance } }),
      cause,
    })
    this.chain = chain
    this.balance = balance
    this.needed = needed
  }
}

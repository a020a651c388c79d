import type { Address } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * `lockSwap` of an ERC-20 found the HTLC allowed to take less than the amount: the lock would
 * revert. Nothing was sent. Approve the HTLC for `amount` (the token's `approve(htlc, amount)`,
 * signed by the locker), then lock again.
 *
 * @example
 * if (error instanceof SwapAllowanceTooLowError)
 *   await wallet.writeContract({ address: error.token, abi: erc20Abi, functionName: 'approve', args: [error.spender, error.amount] })
 */
export class SwapAllowanceTooLowError extends FerryError {
  override name = 'SwapAllowanceTooLowError'
  readonly code = 'swap_allowance_too_low'
  readonly chain: string
  readonly token: Address
  /** The HTLC: what to approve. */
  readonly spender: Address
  readonly allowance: bigint
  readonly amount: bigint
  constructor(parameters: {
    chain: string
    token: Address
    spender: Address
    allowance: bigint
    amount: bigint
  }) {
    const { chain, token, spender, allowance, amount } = parameters
    super(
      `The HTLC ${spender} on ${chain} may take ${allowance} of ${token}; the lock needs ${amount}.`,
      {
        metaMessages: [`Approve ${spender} for ${amount} on ${token}, then lock again.`],
      },
    )
    this.chain = chain
    this.token = token
    this.spender = spender
    this.allowance = allowance
    this.amount = amount
  }
}

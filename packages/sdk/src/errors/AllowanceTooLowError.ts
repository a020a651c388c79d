import { FerryError } from './FerryError.js'

/**
 * A contract that takes an ERC-20 with `transferFrom` (a lock bridge in `transferToken`, an HTLC
 * in `lockSwap`) is approved for less than it needs: nothing was sent. Approve `spender` for
 * `needed` first (`recovery.action: 'approve'`), then try again. The SDK never approves by itself.
 *
 * @example
 * if (error instanceof AllowanceTooLowError)
 *   await wallet.writeContract({ address: error.token, abi: erc20Abi, functionName: 'approve', args: [error.spender, error.needed] })
 */
export class AllowanceTooLowError extends FerryError {
  override name = 'AllowanceTooLowError'
  readonly code = 'allowance_too_low'
  /** The chain's name. */
  readonly chain: string
  readonly token: string
  /** What to approve: the token bridge or the HTLC. */
  readonly spender: string
  readonly allowance: bigint
  readonly needed: bigint
  constructor(parameters: {
    chain: string
    token: string
    spender: string
    allowance: bigint
    needed: bigint
    cause?: Error | undefined
  }) {
    const { chain, token, spender, allowance, needed, cause } = parameters
    super(`${spender} on ${chain} may take ${allowance} of ${token}, less than ${needed}.`, {
      metaMessages: [`Approve ${spender} to spend ${needed} of ${token}, then try again.`],
      recovery: { action: 'approve', token, spender, amount: needed },
      cause,
    })
    this.chain = chain
    this.token = token
    this.spender = spender
    this.allowance = allowance
    this.needed = needed
  }
}

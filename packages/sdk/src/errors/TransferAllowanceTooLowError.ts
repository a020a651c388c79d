import { FerryError } from './FerryError.js'

/**
 * A lock bridge takes the token with `transferFrom`, and the sender has approved it for less than
 * the transfer: nothing was sent. Approve the bridge for `needed` first
 * (`recovery.action: 'approve'`), then transfer again.
 *
 * @example
 * if (error.recovery?.action === 'approve') await approve(error.recovery.token, error.recovery.spender, error.recovery.amount)
 */
export class TransferAllowanceTooLowError extends FerryError {
  override name = 'TransferAllowanceTooLowError'
  readonly code = 'transfer_allowance_too_low'
  /** The origin chain's name. */
  readonly chain: string
  readonly token: string
  readonly bridge: string
  readonly allowance: bigint
  readonly needed: bigint
  constructor(parameters: {
    chain: string
    token: string
    bridge: string
    allowance: bigint
    needed: bigint
    cause?: Error | undefined
  }) {
    const { chain, token, bridge, allowance, needed, cause } = parameters
    super(
      `The bridge ${bridge} on ${chain} may take ${allowance} of ${token}, less than ${needed}.`,
      {
        metaMessages: [`Approve ${bridge} to spend ${needed} of ${token} first.`],
        recovery: { action: 'approve', token, spender: bridge, amount: needed },
        cause,
      },
    )
    this.chain = chain
    this.token = token
    this.bridge = bridge
    this.allowance = allowance
    this.needed = needed
  }
}

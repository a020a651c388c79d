import { FerryError } from './FerryError.js'

/**
 * A transfer's recipient was given as an ERC-7930 interoperable address naming another chain
 * than the destination: sending would credit an account on the wrong chain, so nothing is sent.
 * Not retryable: fix the recipient or the destination.
 *
 * @example
 * if (error instanceof RecipientChainMismatchError) console.log(error.recipientChain, error.destination)
 */
export class RecipientChainMismatchError extends FerryError {
  override name = 'RecipientChainMismatchError'
  readonly code = 'recipient_chain_mismatch'
  readonly recipient: string
  /** The destination chain's name. */
  readonly destination: string
  /** The chain the recipient names, as its ERC-7930 chain-only address. */
  readonly recipientChain: string
  /** The destination's own ERC-7930 chain-only address. */
  readonly destinationChain: string
  constructor(parameters: {
    recipient: string
    destination: string
    recipientChain: string
    destinationChain: string
  }) {
    super(
      `${parameters.recipient} is an address on another chain than ${parameters.destination}.`,
      {
        metaMessages: [
          `Recipient's chain: ${parameters.recipientChain}`,
          `${parameters.destination}: ${parameters.destinationChain}`,
        ],
      },
    )
    this.recipient = parameters.recipient
    this.destination = parameters.destination
    this.recipientChain = parameters.recipientChain
    this.destinationChain = parameters.destinationChain
  }
}

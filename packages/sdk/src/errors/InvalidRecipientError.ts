import { FerryError } from './FerryError.js'

/**
 * `send`'s `recipient` is not an address of the destination's kind: an EVM destination takes a
 * 20-byte `0x` address, a CosmWasm one a bech32 address with its prefix; either takes the
 * 32-byte form (PROTOCOL §2). Not retryable: fix the recipient.
 *
 * @example
 * if (error instanceof InvalidRecipientError) console.log(error.recipient, error.expected)
 */
export class InvalidRecipientError extends FerryError {
  override name = 'InvalidRecipientError'
  readonly code = 'invalid_recipient'
  readonly recipient: string
  /** The destination chain's name. */
  readonly destination: string
  /** What the destination takes, e.g. `an EVM address (0x + 40 hex) or 32-byte hex`. */
  readonly expected: string
  constructor({
    recipient,
    destination,
    expected,
    cause,
  }: {
    recipient: string
    destination: string
    expected: string
    cause?: Error | undefined
  }) {
    super(`${JSON.stringify(recipient)} is not a recipient on ${destination}.`, {
      metaMessages: [`Expected ${expected}.`],
      cause,
    })
    this.recipient = recipient
    this.destination = destination
    this.expected = expected
  }
}

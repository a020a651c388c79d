import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * The message did not ask for an ack (`ackGasLimit` 0), so there is none to wait for.
 *
 * @example
 * if (error instanceof NoAckRequestedError) console.log(error.id)
 */
export class NoAckRequestedError extends FerryError {
  override name = 'NoAckRequestedError'
  readonly code = 'no_ack_requested'
  readonly id: Hex
  constructor({ id }: { id: Hex }) {
    super(`Message ${id} did not request an ack.`)
    this.id = id
  }
}

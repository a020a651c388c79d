import type { Hex } from 'viem'
import { FerryError } from './FerryError.js'

/**
 * An encoded message was given with an id that is not its own (`keccak256` of the message):
 * one of the two belongs to another message. Pass the pair from the same source.
 *
 * @example
 * if (error instanceof InvalidMessageIdError) console.log(error.id, error.actual)
 */
export class InvalidMessageIdError extends FerryError {
  override name = 'InvalidMessageIdError'
  readonly code = 'invalid_message_id'
  readonly id: Hex
  /** The id of the encoded message given. */
  readonly actual: Hex
  constructor({ id, actual }: { id: Hex; actual: Hex }) {
    super(`The encoded message given has id ${actual}, not ${id}.`)
    this.id = id
    this.actual = actual
  }
}

import { FerryError } from './FerryError.js'

/**
 * A contract answered a query in a shape the SDK does not know: most likely not the contract
 * configured (another app at that address) or another version of it. Not retryable: check the
 * address.
 *
 * @example
 * if (error instanceof UnexpectedAnswerError) console.log(error.query, error.field)
 */
export class UnexpectedAnswerError extends FerryError {
  override name = 'UnexpectedAnswerError'
  readonly code = 'unexpected_answer'
  readonly query: string
  readonly field: string
  constructor({ query, field, value }: { query: string; field: string; value: unknown }) {
    super(
      `The answer to ${query} has ${field} = ${JSON.stringify(value)}, not what it should be.`,
      {
        metaMessages: ['Check that the address is the contract the action expects.'],
      },
    )
    this.query = query
    this.field = field
  }
}

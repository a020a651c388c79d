import { FerryError } from './FerryError.js'

/**
 * A remote call's result holds another number of results than the calls it is decoded with:
 * the result of another batch, or calls that changed since it was sent.
 *
 * @example
 * decodeEvmResults([first, second], resultOfOneCall) // throws RemoteResultCountError { calls: 2, results: 1 }
 */
export class RemoteResultCountError extends FerryError {
  override name = 'RemoteResultCountError'
  readonly code = 'remote_result_count'
  readonly calls: number
  readonly results: number
  constructor({ calls, results }: { calls: number; results: number }) {
    super(`${results} results for ${calls} calls: decode a result with the calls it was sent with.`)
    this.calls = calls
    this.results = results
  }
}

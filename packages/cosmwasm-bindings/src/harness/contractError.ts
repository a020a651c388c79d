import { parseEndpointError } from '../errors/parseEndpointError.js'

/** A contract's error as `{ code, ...fields }` (INTERFACE.md "Errors"), read by the client's own parser. */
export type ContractError = { code: string } & Record<string, unknown>

/**
 * The endpoint's error in `text` as `{ code, ...fields }`, so tests assert on the code and the
 * named fields; any other text (a recipient's own error, a VM error) as it is.
 *
 * @example
 * expect(contractError(String(error))).toMatchObject({ code: 'Paused' })
 */
export function contractError(text: string): ContractError | string {
  const error = parseEndpointError(new Error(text))
  return error.code === undefined ? text : { code: error.code, ...error.fields }
}

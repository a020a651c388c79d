import * as admin from './admin.js'
import * as config from './config.js'
import * as delivery from './delivery.js'
import {
  EndpointError,
  type EndpointErrorParameters,
  UnknownEndpointError,
} from './endpointError.js'
import * as message from './message.js'
import * as proof from './proof.js'

type EndpointErrorClass = { code: string } & (new (
  parameters: EndpointErrorParameters,
) => EndpointError)
const ERRORS: Record<string, EndpointErrorClass> = Object.fromEntries(
  [admin, config, delivery, message, proof].flatMap((module) =>
    Object.values(module).map((ErrorClass) => [ErrorClass.code, ErrorClass]),
  ),
)

// A known code, not inside a longer word, ending the text or followed by `:`. A node wraps the
// contract's error in its own words ("failed to execute message; message index: 0: <error>:
// execute wasm contract failed"), so the code is searched for, not anchored.
const KNOWN_CODE = new RegExp(`(?<![A-Za-z0-9_])(${Object.keys(ERRORS).join('|')})(?=:|$)`)
const NODE_SUFFIX = /: (?:execute|query|instantiate|migrate) wasm contract failed[\s\S]*$/
const ANY_CODE = /^([a-z][a-z0-9_]*): ([\s\S]*)$/

export type ParseEndpointErrorParameters = unknown
export type ParseEndpointErrorReturnType = EndpointError

/**
 * The `EndpointError` subclass for an executor's error: finds the contract's
 * `"<code>: <detail>"` in it (as the embedded chain reports it, or inside a node's message) and
 * builds the class of that code, the executor's error as its `cause`. Unknown codes and errors
 * without a contract error become `UnknownEndpointError`. Every endpoint action throws through it.
 *
 * @example
 * ```ts
 * const error = parseEndpointError(
 *   new Error('failed to execute message; message index: 0: fee_too_low: required 10, paid 5: execute wasm contract failed'),
 * )
 * // FeeTooLowError { code: 'fee_too_low', required: 10n, paid: 5n, retryable: false }
 * ```
 */
export function parseEndpointError(
  error: ParseEndpointErrorParameters,
): ParseEndpointErrorReturnType {
  if (error instanceof EndpointError) return error
  const cause = error instanceof Error ? error : new Error(String(error))
  const texts = reasons(cause)
  for (const text of texts) {
    const match = KNOWN_CODE.exec(text)
    const code = match?.[1]
    if (match === null || code === undefined) continue
    const rest = text.slice(match.index + code.length).replace(NODE_SUFFIX, '')
    const detail = rest.startsWith(':') ? rest.slice(1).trim() : ''
    const ErrorClass = ERRORS[code]
    if (ErrorClass) return new ErrorClass({ detail, cause })
  }
  const first = texts[0] ?? ''
  const unknown = ANY_CODE.exec(first)
  return new UnknownEndpointError({
    code: unknown?.[1],
    detail: unknown?.[2] ?? first,
    cause,
  })
}

/** The texts that may hold the contract's error, along the cause chain, most specific first. */
function reasons(error: Error): string[] {
  const texts: string[] = []
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ('reason' in current && typeof current.reason === 'string') texts.push(current.reason)
    texts.push(current.message)
  }
  return texts
}

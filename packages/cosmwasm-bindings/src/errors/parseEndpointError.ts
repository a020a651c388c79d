import * as admin from './admin.js'
import * as config from './config.js'
import * as delivery from './delivery.js'
import {
  EndpointError,
  type EndpointErrorParameters,
  UnknownEndpointError,
} from './endpointError.js'
import type { EndpointErrorFields } from './fields.js'
import * as message from './message.js'
import * as proof from './proof.js'
import * as tokenBridge from './tokenBridge.js'

type EndpointErrorClass = { code: string } & (new (
  parameters: EndpointErrorParameters,
) => EndpointError)
const byCode = (modules: Record<string, EndpointErrorClass>[]) =>
  Object.fromEntries(
    modules.flatMap((module) =>
      Object.values(module).map((ErrorClass) => [ErrorClass.code, ErrorClass]),
    ),
  )
const ENDPOINT_ERRORS: Record<string, EndpointErrorClass> = byCode([
  admin,
  config,
  delivery,
  message,
  proof,
])
// The apps' own errors (the token bridge's) are read the same way; they are no endpoint error.
const ERRORS: Record<string, EndpointErrorClass> = { ...ENDPOINT_ERRORS, ...byCode([tokenBridge]) }

/** Every endpoint error code this client has a class for, so tests can hold it against the contract. */
export const ENDPOINT_ERROR_CODES: readonly string[] = Object.keys(ENDPOINT_ERRORS)

// How the contract's error starts (INTERFACE.md "Errors"). A node wraps it in its own words
// ("failed to execute message; message index: 0: {…}: execute wasm contract failed"), so the
// object is searched for, then read to its closing brace.
const MARKER = '{"ferry_error":'

export type ParseEndpointErrorParameters = unknown
export type ParseEndpointErrorReturnType = EndpointError

/**
 * The `EndpointError` subclass for an executor's error: finds the contract's
 * `{"ferry_error":{"code":…,…}}` in it (as the embedded chain reports it, or inside a node's
 * message), and builds the class of that code from its fields, the executor's error as its
 * `cause`. Unknown codes and errors without a contract error become `UnknownEndpointError`.
 * Every endpoint action throws through it.
 *
 * @example
 * ```ts
 * const error = parseEndpointError(
 *   new Error('failed to execute message; message index: 0: {"ferry_error":{"code":"fee_too_low","required":"10","paid":"5"}}: execute wasm contract failed'),
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
    const found = findContractError(text)
    if (found === undefined) continue
    const ErrorClass = ERRORS[found.code]
    if (ErrorClass) return new ErrorClass({ fields: found.fields, cause })
    return new UnknownEndpointError({ code: found.code, fields: found.fields, cause })
  }
  return new UnknownEndpointError({ code: undefined, detail: texts[0] ?? '', cause })
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

/** The first well-formed contract error in `text`: its code and its other fields. */
function findContractError(
  text: string,
): { code: string; fields: EndpointErrorFields } | undefined {
  for (let start = text.indexOf(MARKER); start !== -1; start = text.indexOf(MARKER, start + 1)) {
    const end = objectEnd(text, start)
    if (end === undefined) continue
    const parsed = parseJson(text.slice(start, end))
    const inner = isObject(parsed) ? parsed.ferry_error : undefined
    if (!isObject(inner) || typeof inner.code !== 'string') continue
    const { code, ...fields } = inner
    return { code, fields }
  }
  return undefined
}

/** The index just past the JSON object opening at `start`, skipping braces inside strings. */
function objectEnd(text: string, start: number): number | undefined {
  let depth = 0
  let inString = false
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
    } else if (c === '"') inString = true
    else if (c === '{') depth++
    else if (c === '}' && --depth === 0) return i + 1
  }
  return undefined
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

import { RpcError } from '../errors.js'

/** Node error codes of a connection that failed or never opened. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

// cosmjs's own words for a node that answered badly: an HTTP status of 400 or more, or a
// JSON-RPC error object (`{"code":-32603,…}`: the node could not serve the call, e.g. it is behind).
const NODE_FAILURE = /^(?:fetch failed|Bad status on response: \d+|\{"code":-32\d{3}\b)/

/**
 * Whether `error` says the RPC node could not be reached or could not serve the call, as opposed
 * to the chain answering no (a failed query, a rejected transaction): the former is worth trying
 * on the next RPC URL, the latter would fail the same way there. An `RpcError` is already final.
 *
 * @example
 * isRpcFailure(new TypeError('fetch failed', { cause: Object.assign(new Error(), { code: 'ECONNREFUSED' }) })) // true
 * isRpcFailure(new Error('Query failed with (6): nonce_out_of_order: …')) // false
 */
export function isRpcFailure(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (current instanceof RpcError) return false
    if (current.name === 'TimeoutError' && !('txId' in current)) return true // fetch's own timeout
    if ('code' in current && typeof current.code === 'string' && NETWORK_CODES.has(current.code))
      return true
    if (NODE_FAILURE.test(current.message)) return true
  }
  return false
}

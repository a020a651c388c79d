import { BaseError, bech32ToBytes32 } from '@ferry/protocol'

/**
 * What one search box holds, by its shape: a 32-byte hex value (a message id, an origin
 * transaction hash or a channel: the three look alike, so all three are looked up), a 20-byte
 * EVM address or a bech32 address (a sender or recipient).
 */
export type SearchKey =
  | { type: 'hash32'; value: `0x${string}` }
  | { type: 'evmAddress'; value: `0x${string}` }
  | { type: 'bech32'; value: string; bytes32: `0x${string}` }

/** What each key looks like, for a search that matches nothing or cannot be read. */
export const SEARCH_EXAMPLES = [
  { key: 'message id', example: '0x followed by 64 hex digits' },
  { key: 'origin transaction hash', example: '0x followed by 64 hex digits' },
  { key: 'channel', example: '0x followed by 64 hex digits' },
  { key: 'sender or recipient (EVM)', example: '0x followed by 40 hex digits' },
  { key: 'sender or recipient (CosmWasm)', example: 'bech32, e.g. wasm1…' },
] as const

/** The search box holds nothing the explorer can look up. */
export class InvalidSearchError extends BaseError {
  override name = 'InvalidSearchError'
  readonly query: string
  constructor(query: string) {
    super(
      `"${query.length > 80 ? `${query.slice(0, 80)}…` : query}" is not a key the explorer knows.`,
      {
        metaMessages: SEARCH_EXAMPLES.map(({ key, example }) => `${key}: ${example}`),
      },
    )
    this.query = query
  }
}

/**
 * Reads the search box: trims it and tells which key it is by its shape.
 *
 * @example
 * parseSearch('0xAB…') // { type: 'hash32', value: '0xab…' }
 * parseSearch('wasm1…') // { type: 'bech32', value: 'wasm1…', bytes32: '0x…' }
 */
export function parseSearch(input: string): SearchKey {
  const query = input.trim()
  if (/^0x[0-9a-fA-F]{64}$/.test(query))
    // CAST: checked just above: 0x and hex digits.
    return { type: 'hash32', value: query.toLowerCase() as `0x${string}` }
  if (/^0x[0-9a-fA-F]{40}$/.test(query))
    // CAST: checked just above.
    return { type: 'evmAddress', value: query.toLowerCase() as `0x${string}` }
  if (/^[a-z][a-z0-9]*1[02-9ac-hj-np-z]{6,}$/.test(query.toLowerCase())) {
    try {
      return {
        type: 'bech32',
        value: query.toLowerCase(),
        bytes32: bech32ToBytes32(query.toLowerCase()),
      }
    } catch {
      throw new InvalidSearchError(query)
    }
  }
  throw new InvalidSearchError(query)
}

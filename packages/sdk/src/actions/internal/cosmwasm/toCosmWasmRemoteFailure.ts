import { parseEndpointError } from '@ferry/cosmwasm-bindings'
import { type Hex, hexToString } from 'viem'

/**
 * A failed CosmWasm batch's result (the router's error text) as the failing call's index and
 * the reason: the router's `call_failed {index, reason}` parsed by the bindings' error parser
 * where the chain kept it (the embedded VM); wasmd hides sub-message errors, leaving
 * `codespace: wasm, code: N` as the reason. Loaded only for a CosmWasm destination.
 *
 * @example
 * const { toCosmWasmRemoteFailure } = await import('./cosmwasm/toCosmWasmRemoteFailure.js')
 */
export function toCosmWasmRemoteFailure(result: Hex): {
  index?: number | undefined
  reason: string
} {
  const text = hexToString(result)
  const { fields } = parseEndpointError(new Error(text))
  const index = fields?.index
  return {
    reason: typeof fields?.reason === 'string' ? fields.reason : text,
    ...(index === undefined ? {} : { index: Number(index) }),
  }
}

import type { Hex } from '../types.js'
import { b64 } from './encoding.js'

/**
 * The endpoint's `deliver` execute message for `message` and its `proof`.
 *
 * @example
 * await chain.must(RELAYER, endpoint, deliverMsg(message, await origin.prove(message)))
 */
export function deliverMsg(message: Hex, proof: Hex) {
  return { deliver: { message: b64(message), proof: b64(proof) } }
}

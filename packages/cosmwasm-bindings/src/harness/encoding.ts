// The four conversions between the harness's hex, text and the contracts' base64 fields: one file,
// since each is one line.
import type { Hex } from '../types.js'

/**
 * Base64 of the bytes of 0x-prefixed (or bare) hex, as the endpoint's `Binary` fields take them.
 *
 * @example
 * await chain.must(RELAYER, endpoint, { deliver: { message: b64(message), proof: b64(proof) } })
 */
export function b64(hex: Hex | string): string {
  return Buffer.from(hex.replace(/^0x/, ''), 'hex').toString('base64')
}

/**
 * Base64 of UTF-8 text.
 *
 * @example
 * text64('ok:pong') // 'b2s6cG9uZw=='
 */
export function text64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}

/**
 * Lower-case hex of UTF-8 text, 0x-prefixed.
 *
 * @example
 * hexText('ok') // '0x6f6b'
 */
export function hexText(text: string): Hex {
  return `0x${Buffer.from(text, 'utf8').toString('hex')}`
}

/**
 * UTF-8 text of 0x-prefixed hex.
 *
 * @example
 * textOf('0x6f6b') // 'ok'
 */
export function textOf(hex: string): string {
  return Buffer.from(hex.slice(2), 'hex').toString('utf8')
}

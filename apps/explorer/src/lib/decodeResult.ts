import { decodeErrorResult, type Hex, isHex } from 'viem'

/**
 * A handler's result or revert data, for people: `Error(string)` and `Panic(uint256)` decoded, a
 * printable UTF-8 string as itself (quoted), a custom error by its selector and arguments,
 * anything else as hex. Always plain text: the caller
 * renders it as text, never as HTML.
 *
 * @example
 * decodeResult('0x08c379a0…') // 'Error("boom")'
 */
export function decodeResult(result: string): string {
  if (!isHex(result) || result === '0x') return 'nothing'
  try {
    const decoded = decodeErrorResult({ data: result as Hex }) // CAST: checked by isHex.
    return `${decoded.errorName}(${decoded.args.map((arg) => JSON.stringify(typeof arg === 'bigint' ? arg.toString() : arg)).join(', ')})`
  } catch {}
  const text = toUtf8(result)
  if (text !== undefined) return JSON.stringify(text)
  // A custom error this page has no ABI for: its selector, then its arguments.
  if (result.length >= 10 && (result.length - 10) % 64 === 0)
    return `custom error ${result.slice(0, 10)}${result.length > 10 ? ` (arguments 0x${result.slice(10)})` : ''}`
  return result
}

/** The bytes as UTF-8 when they are valid, printable UTF-8; otherwise undefined. */
export function toUtf8(hex: string): string | undefined {
  if (!isHex(hex)) return undefined
  try {
    const bytes = new Uint8Array((hex.length - 2) / 2)
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = Number.parseInt(hex.slice(2 + i * 2, 4 + i * 2), 16)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // Control characters other than tab and newlines say it is binary.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what it looks for
    return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text
  } catch {
    return undefined
  }
}

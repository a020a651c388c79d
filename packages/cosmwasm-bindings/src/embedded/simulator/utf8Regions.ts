import { type VMInstanceInternals, vmInstancePrototype } from './internals.js'

/**
 * Fix (b): strings (the JSON of every message) are written to the contract as UTF-8 bytes in a
 * region of their byte length. The simulator sized the region by the UTF-16 length, which is
 * smaller for any non-ASCII text, and the write overflowed it.
 */
export function writeStringsAsUtf8(): void {
  vmInstancePrototype.allocate_str = function (this: VMInstanceInternals, text: string) {
    return this.allocate_bytes(new TextEncoder().encode(text))
  }
}

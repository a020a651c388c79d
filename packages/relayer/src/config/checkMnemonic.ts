import { hexToBytes, sha256 } from 'viem'
import { english } from 'viem/accounts'

/** Word counts BIP-39 defines (128 to 256 bits of entropy). */
const WORD_COUNTS = new Set([12, 15, 18, 21, 24])

/**
 * Why `words` is not a valid BIP-39 English mnemonic, or `undefined` when it is: a known word
 * count, every word in the list, and the checksum right (so a typo fails here, at start-up, rather
 * than silently deriving another account). Messages name word positions, never words.
 *
 * @example
 * checkMnemonic('test test test test test test test test test test test junk'.split(' ')) // undefined
 */
export function checkMnemonic(words: readonly string[]): string | undefined {
  if (!WORD_COUNTS.has(words.length))
    return `${words.length} words, where BIP-39 has 12, 15, 18, 21 or 24`
  let bits = 0n
  for (const [position, word] of words.entries()) {
    const index = english.indexOf(word)
    if (index < 0) return `word ${position + 1} is not in the BIP-39 English word list`
    bits = (bits << 11n) | BigInt(index)
  }
  // 11 bits a word: entropy then checksum, the checksum being the first ENT/32 bits of sha256(entropy).
  const checksumBits = BigInt((words.length * 11) / 33)
  const entropyBytes = (words.length * 11 * 32) / 33 / 8
  const entropy = bits >> checksumBits
  const checksum = bits & ((1n << checksumBits) - 1n)
  const hash = hexToBytes(sha256(`0x${entropy.toString(16).padStart(entropyBytes * 2, '0')}`))
  const expected = BigInt(hash[0] ?? 0) >> (8n - checksumBits)
  return checksum === expected ? undefined : 'its checksum fails (a word is wrong or out of order)'
}

import { type Hex, keccak256, stringToHex } from 'viem'

/**
 * The test validators of origin `domain` (`count`, default three; test worlds have two of them
 * sign): keys derived from public strings, for local chains only.
 *
 * @example
 * const validators = testValidatorKeys(31337).map((key) => privateKeyToAddress(key))
 */
export function testValidatorKeys(domain: number, count = 3): Hex[] {
  return Array.from({ length: count }, (_, i) =>
    keccak256(stringToHex(`ferry test validator ${domain} ${i}`)),
  )
}

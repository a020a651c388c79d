import { type Hex, keccak256, stringToHex } from 'viem'

/**
 * The devnet's one validator of origin `domain` (it signs alone: threshold 1): a key derived
 * from a public string, for the local devnet only.
 *
 * @example
 * const address = privateKeyToAddress(devnetValidatorKey(31337))
 */
export function devnetValidatorKey(domain: number): Hex {
  return keccak256(stringToHex(`ferry devnet validator ${domain}`))
}

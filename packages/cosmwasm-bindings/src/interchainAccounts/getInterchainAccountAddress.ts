import type { Hex } from '../types.js'
import { getInterchainAccountSalt } from './getInterchainAccountSalt.js'
import { predictInstantiate2Address } from './predictInstantiate2Address.js'

export type GetInterchainAccountAddressParameters = {
  /** The interchain account factory: the accounts' `instantiate2` creator, which outlives routers. */
  factory: string
  /** The checksum (sha256) of the account contract's wasm, 32 bytes. */
  accountChecksum: Hex | Uint8Array
  /** The domain the owner sends from. */
  origin: number
  /** The owner's canonical address left-padded to 32 bytes (PROTOCOL §2). */
  owner: Hex
}

export type GetInterchainAccountAddressReturnType = string

/**
 * The address of `owner`'s interchain account for messages from `origin`, before it exists:
 * the factory's `instantiate2` address with the salt `sha256(origin u32 | owner b32)`
 * (`getInterchainAccountSalt`). It depends on the factory and the account code only, so it stays
 * the same when the router is replaced; anyone can fund it before its first use.
 *
 * @example
 * ```ts
 * const account = getInterchainAccountAddress({ factory, accountChecksum, origin: 31337, owner })
 * ```
 */
export function getInterchainAccountAddress({
  factory,
  accountChecksum,
  origin,
  owner,
}: GetInterchainAccountAddressParameters): GetInterchainAccountAddressReturnType {
  return predictInstantiate2Address({
    checksum: accountChecksum,
    creator: factory,
    salt: getInterchainAccountSalt({ origin, owner }),
  })
}

import { concatHex, type Hex, numberToHex, sha256 } from 'viem'
import { MAX_U32, toBytes32, toUint } from '../internal/bytes.js'

export type GetInterchainAccountSaltParameters = {
  /** The domain the owner sends from. */
  origin: number
  /** The owner's canonical address left-padded to 32 bytes (PROTOCOL §2). */
  owner: Hex
}

export type GetInterchainAccountSaltReturnType = Hex

/**
 * The `instantiate2` salt of the interchain account of `owner` on `origin`:
 * `sha256(origin u32 big-endian | owner b32)`.
 *
 * @example
 * ```ts
 * const salt = getInterchainAccountSalt({ origin: 31337, owner: evmAddressToBytes32(alice) })
 * ```
 */
export function getInterchainAccountSalt({
  origin,
  owner,
}: GetInterchainAccountSaltParameters): GetInterchainAccountSaltReturnType {
  return sha256(
    concatHex([
      numberToHex(toUint(origin, MAX_U32, 'origin'), { size: 4 }),
      toBytes32(owner, 'owner'),
    ]),
  )
}

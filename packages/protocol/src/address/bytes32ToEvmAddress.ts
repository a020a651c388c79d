import { type Address, getAddress, type Hex } from 'viem'
import { InvalidAddressError } from '../errors/address.js'
import type { InvalidBytes32Error } from '../errors/encoding.js'
import { toBytes32 } from '../internal/bytes.js'

export type Bytes32ToEvmAddressParameters = Hex
export type Bytes32ToEvmAddressReturnType = Address
export type Bytes32ToEvmAddressErrorType = InvalidBytes32Error | InvalidAddressError

/** `0x` and the 12 zero bytes of padding above a 20-byte address. */
const PADDING = `0x${'0'.repeat(24)}`

/**
 * The EVM address inside a message `bytes32`, EIP-55 checksummed. Rejects a `bytes32` whose
 * first 12 bytes are not zero: that is not an EVM address, and truncating it would name
 * someone else.
 *
 * @example
 * ```ts
 * import { bytes32ToEvmAddress } from '@ferry/protocol'
 *
 * bytes32ToEvmAddress('0x0000000000000000000000005fbdb2315678afecb367f032d93f642f64180aa3')
 * // '0x5FbDB2315678afecb367f032d93F642f64180aa3'
 * ```
 */
export function bytes32ToEvmAddress(
  bytes32: Bytes32ToEvmAddressParameters,
): Bytes32ToEvmAddressReturnType {
  const value = toBytes32(bytes32, 'bytes32')
  if (!value.startsWith(PADDING))
    throw new InvalidAddressError({ address: bytes32, reason: 'first 12 bytes are not zero' })
  return getAddress(`0x${value.slice(PADDING.length)}`)
}

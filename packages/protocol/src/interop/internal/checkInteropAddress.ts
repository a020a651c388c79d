import { InvalidInteropAddressError } from '../../errors/interop.js'
import { INTEROP_CHAIN_TYPES } from '../constants.js'
import type { InteropAddress } from '../types.js'

/** Longest address a Ferry message can carry: a `bytes32` (PROTOCOL §2). */
const MAX_ADDRESS_LENGTH = 32
/** A reference's length is one byte. */
const MAX_REFERENCE_LENGTH = 255

/**
 * The rules encoding and decoding share (spec/apps/erc7786-gateway.md §3, the gateway's
 * `FerryGatewayInvalidRecipient`): a u16 chain type, a reference of at most 255 bytes, an
 * address of at most 32 bytes, and 20 on an EIP-155 chain.
 */
export function checkInteropAddress(
  { chainType, reference, address }: InteropAddress,
  value: unknown,
): void {
  const fail = (reason: string): never => {
    throw new InvalidInteropAddressError({ value, reason })
  }
  if (!Number.isInteger(chainType) || chainType < 0 || chainType > 0xffff)
    fail(`chain type ${chainType} is not a u16`)
  const referenceLength = (reference.length - 2) / 2
  const addressLength = (address.length - 2) / 2
  if (referenceLength > MAX_REFERENCE_LENGTH)
    fail(`a reference of ${referenceLength} bytes, above ${MAX_REFERENCE_LENGTH}`)
  if (addressLength > MAX_ADDRESS_LENGTH)
    fail(`an address of ${addressLength} bytes, above ${MAX_ADDRESS_LENGTH}`)
  if (chainType === INTEROP_CHAIN_TYPES.eip155 && addressLength !== 0 && addressLength !== 20)
    fail(`an EIP-155 address of ${addressLength} bytes, not 20`)
}

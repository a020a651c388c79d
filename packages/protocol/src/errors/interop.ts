import { BaseError } from './base.js'

/**
 * A value is not an ERC-7930 v1 interoperable address this codec accepts
 * (spec/apps/erc7786-gateway.md §3): another version, a length byte pointing past the end, bytes
 * after the address, an address of more than 32 bytes, or on an EIP-155 chain (chain type
 * `0x0000`) an address other than 20 bytes.
 *
 * @example
 * ```ts
 * decodeInteropAddress('0x0002000001011400') // throws InvalidInteropAddressError { reason: 'version 2, not 1' }
 * ```
 */
export class InvalidInteropAddressError extends BaseError {
  override name = 'InvalidInteropAddressError' as const
  readonly value: unknown
  readonly reason: string
  constructor({ value, reason }: { value: unknown; reason: string }) {
    super(`Not an ERC-7930 v1 interoperable address: ${reason}.`, {
      metaMessages: [
        `Value: ${String(value)}`,
        'Layout: 0x0001 | chainType (2) | refLength (1) | reference | addrLength (1) | address.',
      ],
    })
    this.value = value
    this.reason = reason
  }
}

import { BaseError } from './base.js'

/**
 * An EVM address (or a `bytes32` meant to hold one) is malformed: wrong length or characters,
 * a bad EIP-55 checksum, or non-zero padding above the 20 address bytes.
 *
 * @example
 * ```ts
 * evmAddressToBytes32('0x5FbDB2315678afecb367f032d93F642f64180aA3')
 * // throws InvalidAddressError { reason: 'bad EIP-55 checksum' }
 * ```
 */
export class InvalidAddressError extends BaseError {
  override name = 'InvalidAddressError' as const
  readonly address: string
  readonly reason: string
  constructor({ address, reason }: { address: string; reason: string }) {
    super(`Address "${address}" is invalid: ${reason}.`)
    this.address = address
    this.reason = reason
  }
}

/**
 * A bech32 address cannot be decoded or encoded, or its data is neither 20 nor 32 bytes.
 *
 * @example
 * ```ts
 * bech32ToBytes32('wasm1invalid') // throws InvalidBech32Error
 * ```
 */
export class InvalidBech32Error extends BaseError {
  override name = 'InvalidBech32Error' as const
  readonly address: string
  readonly reason: string
  constructor({ address, reason, cause }: { address: string; reason: string; cause?: Error }) {
    super(`Bech32 address "${address}" is invalid: ${reason}.`, cause ? { cause } : {})
    this.address = address
    this.reason = reason
  }
}

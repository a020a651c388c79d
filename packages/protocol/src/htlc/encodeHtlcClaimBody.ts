import { concat, type Hex, numberToHex } from 'viem'
import type { InvalidBytes32Error } from '../errors/encoding.js'
import { toBytes32 } from '../internal/bytes.js'
import { HTLC_CLAIM_VERSION } from './constants.js'

export type EncodeHtlcClaimBodyParameters = {
  /** The lock to claim on the destination HTLC. */
  lockId: Hex
  /** The 32-byte preimage. */
  preimage: Hex
}
export type EncodeHtlcClaimBodyReturnType = Hex
export type EncodeHtlcClaimBodyErrorType = InvalidBytes32Error

/**
 * The body of an HTLC claim message (spec/apps/htlc.md §4): `version u8 (1) | lockId b32 |
 * preimage b32`, 65 bytes. The HTLC builds it itself on claim; this is what an explorer or a test
 * compares it with.
 *
 * @example
 * ```ts
 * import { encodeHtlcClaimBody } from '@ferry/protocol'
 *
 * const body = encodeHtlcClaimBody({ lockId, preimage })
 * ```
 */
export function encodeHtlcClaimBody({
  lockId,
  preimage,
}: EncodeHtlcClaimBodyParameters): EncodeHtlcClaimBodyReturnType {
  return concat([
    numberToHex(HTLC_CLAIM_VERSION, { size: 1 }),
    toBytes32(lockId, 'lockId'),
    toBytes32(preimage, 'preimage'),
  ])
}

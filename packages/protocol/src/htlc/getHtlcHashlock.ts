import { type Hex, sha256 } from 'viem'
import type { InvalidHexError } from '../errors/encoding.js'
import { HtlcPreimageLengthError } from '../errors/htlc.js'
import { toBytes } from '../internal/bytes.js'
import { HTLC_PREIMAGE_LENGTH } from './constants.js'

export type GetHtlcHashlockParameters = Hex | Uint8Array
export type GetHtlcHashlockReturnType = Hex
export type GetHtlcHashlockErrorType = InvalidHexError | HtlcPreimageLengthError

/**
 * The hashlock of an HTLC preimage: `sha256(preimage)`, refusing any preimage that is not
 * exactly 32 bytes, as every Ferry HTLC does (spec/apps/htlc.md §3).
 *
 * @example
 * ```ts
 * import { getHtlcHashlock } from '@ferry/protocol'
 *
 * const preimage = crypto.getRandomValues(new Uint8Array(32))
 * const hashlock = getHtlcHashlock(preimage)
 * ```
 */
export function getHtlcHashlock(preimage: GetHtlcHashlockParameters): GetHtlcHashlockReturnType {
  const bytes = toBytes(preimage, 'preimage')
  if (bytes.length !== HTLC_PREIMAGE_LENGTH)
    throw new HtlcPreimageLengthError({ length: bytes.length })
  return sha256(bytes)
}

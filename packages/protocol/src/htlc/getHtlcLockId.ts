import { encodePacked, type Hex, keccak256 } from 'viem'
import { FieldOutOfRangeError, type InvalidBytes32Error } from '../errors/encoding.js'
import { assertUint, assertUint64, MAX_U32, toBytes32 } from '../internal/bytes.js'

export type GetHtlcLockIdParameters = {
  /** The HTLC's chain's Ferry domain. */
  domain: number
  /** The HTLC, as 32 bytes (PROTOCOL §2). */
  htlc: Hex
  /** Who locks, as 32 bytes. */
  locker: Hex
  /** Who may receive, as 32 bytes. */
  recipient: Hex
  /** sha256 of the preimage. */
  hashlock: Hex
  /** Unix seconds. */
  timelock: bigint
  /** The ERC-20 as 32 bytes, zero for the EVM native token, keccak256 of a CosmWasm denom. */
  token: Hex
  /** The amount, below 2^256. */
  amount: bigint
  /** The locker's nonce at the HTLC (its `nonceOf` before locking). */
  nonce: bigint
}
export type GetHtlcLockIdReturnType = Hex
export type GetHtlcLockIdErrorType = InvalidBytes32Error | FieldOutOfRangeError

const MAX_U256 = (1n << 256n) - 1n

/**
 * The id a lock gets (spec/apps/htlc.md §2): keccak256 of the packed terms with the HTLC's domain
 * and address and the locker's nonce. A participant computes his lock's id before locking, and
 * anyone checks that an id commits to the terms it was given with.
 *
 * @example
 * ```ts
 * import { evmAddressToBytes32, getHtlcLockId, getHtlcHashlock } from '@ferry/protocol'
 *
 * const id = getHtlcLockId({
 *   domain: 31337, htlc: evmAddressToBytes32(htlc), locker: evmAddressToBytes32(alice),
 *   recipient: evmAddressToBytes32(bob), hashlock: getHtlcHashlock(preimage), timelock: 1767225600n,
 *   token: `0x${'00'.repeat(32)}`, amount: 10n ** 18n, nonce: 0n,
 * })
 * ```
 */
export function getHtlcLockId(params: GetHtlcLockIdParameters): GetHtlcLockIdReturnType {
  assertUint(params.domain, MAX_U32, 'domain')
  assertUint64(params.timelock, 'timelock')
  assertUint64(params.nonce, 'nonce')
  if (typeof params.amount !== 'bigint' || params.amount < 0n || params.amount > MAX_U256)
    throw new FieldOutOfRangeError({ field: 'amount', value: params.amount, max: MAX_U256 })
  return keccak256(
    encodePacked(
      [
        'uint32',
        'bytes32',
        'bytes32',
        'bytes32',
        'bytes32',
        'uint64',
        'bytes32',
        'uint256',
        'uint64',
      ],
      [
        params.domain,
        toBytes32(params.htlc, 'htlc'),
        toBytes32(params.locker, 'locker'),
        toBytes32(params.recipient, 'recipient'),
        toBytes32(params.hashlock, 'hashlock'),
        params.timelock,
        toBytes32(params.token, 'token'),
        params.amount,
        params.nonce,
      ],
    ),
  )
}

import { concat, type Hex, numberToHex } from 'viem'
import type { InvalidBytes32Error, InvalidHexError } from '../errors/encoding.js'
import { toBytes, toBytes32 } from '../internal/bytes.js'
import { REMOTE_CALL_KINDS, REMOTE_CALL_VERSION } from './constants.js'
import type { RemoteCallKind } from './types.js'

export type EncodeRemoteCallBodyParameters = {
  kind: RemoteCallKind
  /** The caller on the origin, as 32 bytes (PROTOCOL §2); the origin router sets it. */
  owner: Hex
  /** The calls, encoded for the destination's kind (`encodeEvmRemoteCalls`, or JSON bytes). */
  payload: Hex
}
export type EncodeRemoteCallBodyReturnType = Hex
export type EncodeRemoteCallBodyErrorType = InvalidBytes32Error | InvalidHexError

/**
 * The body of an interchain-account message (spec/apps/interchain-accounts.md):
 * `version u8 (1) | kind u8 (1 call, 2 read) | owner b32 | payload`.
 *
 * @example
 * ```ts
 * import { encodeEvmRemoteCalls, encodeRemoteCallBody, evmAddressToBytes32 } from '@ferry/protocol'
 *
 * const body = encodeRemoteCallBody({ kind: 'call', owner: evmAddressToBytes32(user), payload: encodeEvmRemoteCalls(calls) })
 * ```
 */
export function encodeRemoteCallBody({
  kind,
  owner,
  payload,
}: EncodeRemoteCallBodyParameters): EncodeRemoteCallBodyReturnType {
  toBytes(payload, 'payload')
  return concat([
    numberToHex(REMOTE_CALL_VERSION, { size: 1 }),
    numberToHex(REMOTE_CALL_KINDS[kind], { size: 1 }),
    toBytes32(owner, 'owner'),
    payload,
  ])
}

import type { Hex } from 'viem'
import type { InvalidHexError } from '../errors/encoding.js'
import { RemoteCallBodyTooShortError, UnknownRemoteCallFormatError } from '../errors/remoteCall.js'
import { hex, toBytes } from '../internal/bytes.js'
import { REMOTE_CALL_HEADER_LENGTH, REMOTE_CALL_KINDS, REMOTE_CALL_VERSION } from './constants.js'
import type { RemoteCallKind } from './types.js'

export type DecodeRemoteCallBodyParameters = Hex | Uint8Array
export type DecodeRemoteCallBodyReturnType = { kind: RemoteCallKind; owner: Hex; payload: Hex }
export type DecodeRemoteCallBodyErrorType =
  | InvalidHexError
  | RemoteCallBodyTooShortError
  | UnknownRemoteCallFormatError

/**
 * Reads an interchain-account message body (spec/apps/interchain-accounts.md) back into its
 * kind, owner (32 bytes) and payload, refusing a version or kind it does not know: what an
 * explorer shows for a remote call.
 *
 * @example
 * ```ts
 * import { decodeMessage, decodeRemoteCallBody } from '@ferry/protocol'
 *
 * const { kind, owner, payload } = decodeRemoteCallBody(decodeMessage(encoded).body)
 * ```
 */
export function decodeRemoteCallBody(
  body: DecodeRemoteCallBodyParameters,
): DecodeRemoteCallBodyReturnType {
  const bytes = toBytes(body, 'body')
  if (bytes.length < REMOTE_CALL_HEADER_LENGTH)
    throw new RemoteCallBodyTooShortError({ length: bytes.length, min: REMOTE_CALL_HEADER_LENGTH })
  const [version = 0, kindByte = 0] = bytes
  if (version !== REMOTE_CALL_VERSION)
    throw new UnknownRemoteCallFormatError({ field: 'version', value: version })
  const kind = (Object.keys(REMOTE_CALL_KINDS) as RemoteCallKind[]).find(
    (name) => REMOTE_CALL_KINDS[name] === kindByte,
  )
  if (kind === undefined) throw new UnknownRemoteCallFormatError({ field: 'kind', value: kindByte })
  return {
    kind,
    owner: hex(bytes.subarray(2, REMOTE_CALL_HEADER_LENGTH)),
    payload: hex(bytes.subarray(REMOTE_CALL_HEADER_LENGTH)),
  }
}

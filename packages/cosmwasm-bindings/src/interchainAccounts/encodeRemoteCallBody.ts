import { bytesToHex, concatHex, type Hex, numberToHex } from 'viem'
import { MAX_U8, toBytes32, toUint } from '../internal/bytes.js'
import type { BytesInput } from '../types.js'

/**
 * The kind of a remote call: run calls through the owner's account, or run reads (no account).
 *
 * @example
 * ```ts
 * await router.callRemote({ destination, kind: RemoteCallKind.Read, payload, gasLimit: 300_000 })
 * ```
 */
export const RemoteCallKind = { Call: 1, Read: 2 } as const
export type RemoteCallKind = (typeof RemoteCallKind)[keyof typeof RemoteCallKind]

export type EncodeRemoteCallBodyParameters = {
  kind: RemoteCallKind
  /** The caller's canonical address left-padded to 32 bytes; the origin router sets it. */
  owner: Hex
  /** CosmWasm destination: UTF-8 JSON array; EVM destination: `abi.encode(Call[])`. */
  payload: BytesInput
}

/**
 * The version byte of the remote call body (its first byte).
 *
 * @example
 * ```ts
 * const version = Number.parseInt(body.slice(2, 4), 16) // REMOTE_CALL_BODY_VERSION
 * ```
 */
export const REMOTE_CALL_BODY_VERSION = 1

/**
 * The body an interchain account router sends: `version u8 (= 1) | kind u8 | owner b32 |
 * payload`, the same on both chain kinds. Routers build it themselves (the owner is always the
 * caller); this is for tests, relayers and explorers that read or simulate one.
 *
 * @example
 * ```ts
 * const body = encodeRemoteCallBody({ kind: RemoteCallKind.Call, owner, payload: cosmosCallsPayload(msgs) })
 * ```
 */
export function encodeRemoteCallBody({
  kind,
  owner,
  payload,
}: EncodeRemoteCallBodyParameters): Hex {
  const payloadHex: Hex = payload instanceof Uint8Array ? bytesToHex(payload) : payload
  return concatHex([
    numberToHex(REMOTE_CALL_BODY_VERSION, { size: 1 }),
    numberToHex(toUint(kind, MAX_U8, 'kind'), { size: 1 }),
    toBytes32(owner, 'owner'),
    payloadHex,
  ])
}

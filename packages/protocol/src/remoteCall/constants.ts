import type { RemoteCallKind } from './types.js'

/** The remote-call body format's version (spec/apps/interchain-accounts.md). */
export const REMOTE_CALL_VERSION = 1
/** Header bytes: version, kind, owner. */
export const REMOTE_CALL_HEADER_LENGTH = 34
/** Each kind's byte in the body. */
export const REMOTE_CALL_KINDS = { call: 1, read: 2 } as const satisfies Record<
  RemoteCallKind,
  number
>

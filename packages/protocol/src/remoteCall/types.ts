import type { Hex } from 'viem'

/** What a remote-call message asks of the destination router: run calls, or read (static calls). */
export type RemoteCallKind = 'call' | 'read'

/**
 * One call for an EVM destination (spec/apps/interchain-accounts.md): `target` as 32 bytes
 * (PROTOCOL §2), the native `value` to send with it (0 for a read) and the calldata.
 */
export type EvmRemoteCall = { target: Hex; value: bigint; data: Hex }

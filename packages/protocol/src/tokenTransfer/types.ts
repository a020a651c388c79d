import type { Hex } from 'viem'

/** A token transfer's body (spec/apps/token-bridge.md §2). */
export type TokenTransfer = {
  /** The recipient on the destination, 32 bytes (PROTOCOL §2). */
  recipient: Hex
  /** What the recipient gets, in the destination token's units. */
  amount: bigint
  /** The sender on the origin, 32 bytes; the origin bridge sets it. */
  sender: Hex
}

import type { Hex } from 'viem'

/**
 * A Ferry message, field by field (PROTOCOL §3). Addresses are `bytes32`: the chain's address
 * bytes left-padded with zeros (see `addressToBytes32`).
 *
 * @example
 * ```ts
 * const message: Message = {
 *   version: 1, flags: 0, origin: 31337, sender, destination: 31338, recipient,
 *   nonce: 1n, deadline: 0n, gasLimit: 200_000, ackGasLimit: 0, body: '0x',
 * }
 * ```
 */
export type Message = {
  /** Protocol version, `PROTOCOL_VERSION`. */
  version: number
  /** `MessageFlags` bits. */
  flags: number
  /** Origin domain (u32). */
  origin: number
  /** Sending app on the origin (bytes32). */
  sender: Hex
  /** Destination domain (u32). */
  destination: number
  /** Receiving app on the destination (bytes32). */
  recipient: Hex
  /** Position in its channel, from 1 (u64). */
  nonce: bigint
  /** Unix seconds on the destination after which the message times out; 0 = none (u64). */
  deadline: bigint
  /** Gas the recipient's handler is given at least (u32). */
  gasLimit: number
  /** Gas for the ack's handler on the origin; 0 unless `ackRequested` (u32). */
  ackGasLimit: number
  /** App bytes, at most `MAX_BODY_LENGTH`. */
  body: Hex
}

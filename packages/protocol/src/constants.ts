/**
 * The protocol version this SDK encodes and accepts (PROTOCOL §3).
 *
 * @example
 * ```ts
 * encodeMessage({ version: PROTOCOL_VERSION, ...rest })
 * ```
 */
export const PROTOCOL_VERSION = 1

/**
 * Bytes before the body: version, flags, origin, sender, destination, recipient, nonce,
 * deadline, gasLimit, ackGasLimit (1 + 1 + 4 + 32 + 4 + 32 + 8 + 8 + 4 + 4).
 *
 * @example
 * ```ts
 * const bodyLength = size(encoded) - MESSAGE_HEADER_LENGTH
 * ```
 */
export const MESSAGE_HEADER_LENGTH = 98

/**
 * Largest message body an endpoint accepts, in bytes.
 *
 * @example
 * ```ts
 * if (size(body) > MAX_BODY_LENGTH) throw new Error('body too large')
 * ```
 */
export const MAX_BODY_LENGTH = 65_536

/**
 * Most bytes of a handler's return or revert data an endpoint keeps (and puts in an ack).
 *
 * @example
 * ```ts
 * const kept = slice(result, 0, Math.min(size(result), MAX_RESULT_LENGTH))
 * ```
 */
export const MAX_RESULT_LENGTH = 1_024

/**
 * Bytes an ack body starts with: `originalId b32 | status u8` (PROTOCOL §8).
 *
 * @example
 * ```ts
 * const result = slice(ackBody, ACK_BODY_HEADER_LENGTH)
 * ```
 */
export const ACK_BODY_HEADER_LENGTH = 33

/**
 * Bits of a message's `flags` byte; every other bit must be 0.
 *
 * @example
 * ```ts
 * const isAck = (message.flags & MessageFlags.isAck) !== 0
 * ```
 */
export const MessageFlags = { isAck: 1, ackRequested: 2 } as const

/**
 * Delivery status of a message on its destination (PROTOCOL §7).
 *
 * @example
 * ```ts
 * if (ack.status === MessageStatus.Executed) console.log('done')
 * ```
 */
export const MessageStatus = { None: 0, Executed: 1, Failed: 2, TimedOut: 3 } as const
/** One of the `MessageStatus` values. */
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus]

/**
 * Depth of every endpoint's merkle tree; a branch has this many siblings.
 *
 * @example
 * ```ts
 * branch.length === MERKLE_TREE_DEPTH
 * ```
 */
export const MERKLE_TREE_DEPTH = 32

/**
 * Bytes of one checkpoint signature (`r | s | v`).
 *
 * @example
 * ```ts
 * const count = (size(proof) - PROOF_HEADER_LENGTH) / SIGNATURE_LENGTH
 * ```
 */
export const SIGNATURE_LENGTH = 65

/**
 * Bytes of a proof's fixed header, `checkpointIndex u32 | leafIndex u32 | zeroMask u32`
 * (PROTOCOL §6); the siblings the mask does not leave out follow it, then the signatures.
 *
 * @example
 * ```ts
 * const zeroMask = hexToNumber(slice(proof, 8, PROOF_HEADER_LENGTH))
 * ```
 */
export const PROOF_HEADER_LENGTH = 12

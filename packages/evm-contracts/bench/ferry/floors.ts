/**
 * The floor of each measured operation: the gas no implementation of the same protocol can avoid,
 * priced from the EVM's schedule (Cancun). A floor counts the intrinsic 21,000, the transaction's
 * calldata, ecrecover calls, the keccaks the protocol defines, the storage writes it needs in the
 * steady state (cold slot updated: 2,100 + 2,900) and the events it must emit; it leaves out
 * everything else (dispatch, memory, calls, checks), so real code always sits above it.
 */
const INTRINSIC = 21_000
const ECRECOVER = 3_000
const COLD_SLOT_UPDATE = 5_000

const words = (bytes: number) => Math.ceil(bytes / 32)
const keccak = (bytes: number) => 30 + 6 * words(bytes)
/** LOG with `topics` topics (event signature included) and `dataBytes` of ABI data. */
const log = (topics: number, dataBytes: number) => 375 + 375 * topics + 8 * dataBytes
const MESSAGE_HEADER = 98

/**
 * send: id keccak, channel keccak, three slot updates (channel nonce, tree branch node, tree
 * count) and `MessageSent(id, destination, recipient | nonce, leafIndex, message)`.
 */
export function sendFloor(bodyBytes: number, calldata: number): number {
  const message = MESSAGE_HEADER + bodyBytes
  return (
    INTRINSIC +
    calldata +
    keccak(message) +
    keccak(73) +
    3 * COLD_SLOT_UPDATE +
    log(4, 4 * 32 + 32 * words(message))
  )
}

/**
 * Per-message part of a delivery: id and channel keccaks, 32 branch hashes, the inbound nonce
 * update, the recipient's own execution, and `MessageDelivered(id, origin, sender | nonce,
 * status, result)` with an empty result.
 */
function perMessage(bodyBytes: number, recipientExecution: number): number {
  return (
    keccak(MESSAGE_HEADER + bodyBytes) +
    keccak(73) +
    32 * keccak(64) +
    COLD_SLOT_UPDATE +
    recipientExecution +
    log(4, 4 * 32)
  )
}

/** Per checkpoint: domain hash, digest and its EIP-191 hash, and one ecrecover per signature. */
function perCheckpoint(signatures: number): number {
  return keccak(41) + keccak(68) + keccak(60) + signatures * ECRECOVER
}

export function deliverFloor(
  signatures: number,
  bodyBytes: number,
  calldata: number,
  recipientExecution: number,
): number {
  return (
    INTRINSIC + calldata + perCheckpoint(signatures) + perMessage(bodyBytes, recipientExecution)
  )
}

/** One message's share of a batch of `size` under one checkpoint; `calldata` is per message. */
export function batchFloorPerMessage(
  size: number,
  signatures: number,
  bodyBytes: number,
  calldata: number,
  recipientExecution: number,
): number {
  return (
    (INTRINSIC + perCheckpoint(signatures)) / size +
    calldata +
    perMessage(bodyBytes, recipientExecution)
  )
}

// The Ferry message (PROTOCOL.md §3): packed big-endian header of 98 bytes, then the body.
// Named offsets as in the Solidity MessageCodec.
import { concat, readU32, readU64, u32Bytes, u64Bytes, writeU32, writeU64 } from "../lib/bytes";
import { fail, errorFields } from "../lib/fail";
import { keccak256 } from "../lib/keccak";

export const VERSION: u8 = 1;
export const FLAG_IS_ACK: u8 = 1;
export const FLAG_ACK_REQUESTED: u8 = 2;
export const KNOWN_FLAGS: u8 = 3;
export const MAX_BODY_LENGTH: i32 = 65536;

export const FLAGS_OFFSET = 1;
export const ORIGIN_OFFSET = 2;
export const SENDER_OFFSET = 6;
export const DESTINATION_OFFSET = 38;
export const RECIPIENT_OFFSET = 42;
export const NONCE_OFFSET = 74;
export const DEADLINE_OFFSET = 82;
export const GAS_LIMIT_OFFSET = 90;
export const ACK_GAS_LIMIT_OFFSET = 94;
export const BODY_OFFSET = 98;
// Ack body: originalId b32 | status u8 | result.
export const ACK_STATUS_OFFSET = 32;
export const ACK_RESULT_OFFSET = 33;

export const STATUS_NONE: u8 = 0;
export const STATUS_EXECUTED: u8 = 1;
export const STATUS_FAILED: u8 = 2;
export const STATUS_TIMED_OUT: u8 = 3;

/** A message's header fields, read from its bytes (the caller checked its length). */
export class Message {
  constructor(public bytes: Uint8Array) {}
  get flags(): u8 { return this.bytes[FLAGS_OFFSET]; }
  get isAck(): bool { return (this.flags & FLAG_IS_ACK) != 0; }
  get ackRequested(): bool { return (this.flags & FLAG_ACK_REQUESTED) != 0; }
  get origin(): u32 { return readU32(this.bytes, ORIGIN_OFFSET); }
  get sender(): Uint8Array { return this.bytes.slice(SENDER_OFFSET, DESTINATION_OFFSET); }
  get destination(): u32 { return readU32(this.bytes, DESTINATION_OFFSET); }
  get recipient(): Uint8Array { return this.bytes.slice(RECIPIENT_OFFSET, NONCE_OFFSET); }
  get nonce(): u64 { return readU64(this.bytes, NONCE_OFFSET); }
  get deadline(): u64 { return readU64(this.bytes, DEADLINE_OFFSET); }
  get gasLimit(): u32 { return readU32(this.bytes, GAS_LIMIT_OFFSET); }
  get ackGasLimit(): u32 { return readU32(this.bytes, ACK_GAS_LIMIT_OFFSET); }
  get body(): Uint8Array { return this.bytes.slice(BODY_OFFSET); }
  id(): Uint8Array { return keccak256(this.bytes); }
  /** keccak256(origin | sender | destination | recipient | flags & IS_ACK): bytes 2..74 + kind. */
  channel(): Uint8Array {
    const pre = new Uint8Array(73);
    pre.set(this.bytes.subarray(ORIGIN_OFFSET, NONCE_OFFSET), 0);
    pre[72] = this.flags & FLAG_IS_ACK;
    return keccak256(pre);
  }
}

export function channelKey(origin: u32, sender: Uint8Array, destination: u32, recipient: Uint8Array, kind: u8): Uint8Array {
  const kindBytes = new Uint8Array(1);
  kindBytes[0] = kind;
  return keccak256(concat([u32Bytes(origin), sender, u32Bytes(destination), recipient, kindBytes]));
}

export function encodeMessage(
  flags: u8, origin: u32, sender: Uint8Array, destination: u32, recipient: Uint8Array,
  nonce: u64, deadline: u64, gasLimit: u32, ackGasLimit: u32, body: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(BODY_OFFSET + body.length);
  out[0] = VERSION;
  out[FLAGS_OFFSET] = flags;
  writeU32(out, ORIGIN_OFFSET, origin);
  out.set(sender, SENDER_OFFSET);
  writeU32(out, DESTINATION_OFFSET, destination);
  out.set(recipient, RECIPIENT_OFFSET);
  writeU64(out, NONCE_OFFSET, nonce);
  writeU64(out, DEADLINE_OFFSET, deadline);
  writeU32(out, GAS_LIMIT_OFFSET, gasLimit);
  writeU32(out, ACK_GAS_LIMIT_OFFSET, ackGasLimit);
  out.set(body, BODY_OFFSET);
  return out;
}

export function encodeAckBody(originalId: Uint8Array, status: u8, result: Uint8Array): Uint8Array {
  const statusByte = new Uint8Array(1);
  statusByte[0] = status;
  return concat([originalId, statusByte, result]);
}

/**
 * The checks of PROTOCOL.md §3 and the EVM endpoint's `_checkMessage`, in the same order and
 * with the same error names (snake_case). Returns the message, or null after a failure.
 */
export function checkMessage(bytes: Uint8Array, localDomain: u32): Message | null {
  const message = checkHeader(bytes);
  if (message === null) return null;
  const destination = message.destination;
  if (destination != localDomain) {
    fail("wrong_destination", errorFields().num("expected", localDomain).num("actual", destination));
    return null;
  }
  return checkBody(message) ? message : null;
}

/**
 * The checks of the header (PROTOCOL.md §3): length, version, flags, an ack requesting an ack,
 * ACK_REQUESTED set exactly when ackGasLimit > 0. The message, or null.
 */
export function checkHeader(bytes: Uint8Array): Message | null {
  const length = bytes.length;
  if (length < BODY_OFFSET) { fail("message_too_short", errorFields().num("length", length)); return null; }
  if (bytes[0] != VERSION) { fail("wrong_version", errorFields().num("version", bytes[0])); return null; }
  const flags = bytes[FLAGS_OFFSET];
  if ((flags & ~KNOWN_FLAGS) != 0) { fail("unknown_flags", errorFields().num("flags", flags)); return null; }
  if (flags == KNOWN_FLAGS) { fail("ack_requests_ack", errorFields().num("flags", flags)); return null; }
  const message = new Message(bytes);
  const ackGasLimit = message.ackGasLimit;
  if (message.ackRequested != (ackGasLimit != 0)) {
    fail("ack_request_mismatch", errorFields().num("flags", flags).num("ack_gas_limit", ackGasLimit));
    return null;
  }
  return message;
}

/** The checks of the body: at most MAX_BODY_LENGTH bytes, an ack's at least 33. */
export function checkBody(message: Message): bool {
  const bodyLength = message.bytes.length - BODY_OFFSET;
  if (bodyLength > MAX_BODY_LENGTH) {
    return fail("body_too_large", errorFields().num("length", bodyLength).num("max", MAX_BODY_LENGTH));
  }
  if (message.isAck && bodyLength < ACK_RESULT_OFFSET) {
    return fail("malformed_ack", errorFields().num("body_length", bodyLength));
  }
  return true;
}

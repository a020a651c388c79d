// Handler calls dispatched as sub-messages and awaiting their reply, and the reentrancy lock.
//
// The lock counts dispatched calls whose reply has not run yet. It is set in the execute that
// dispatches them and released by the last reply, so while any recipient's handler runs, the
// endpoint's deliver, deliver_batch, retry and timeout fail with `reentrant_call` (the
// recipient's call then fails and its message is Failed); `send` stays open.
import { readU32, readU64, u32Bytes, u64Bytes } from "../lib/bytes";
import { storageGet, storageRemove, storageSet } from "../host/storage";
import { key, KEY_LOCK, KEY_PENDING, KEY_REPLY_SEQUENCE } from "./keys";

export const KIND_DELIVER: u8 = 1;
export const KIND_RETRY: u8 = 2;

export class Pending {
  constructor(public kind: u8, public message: Uint8Array) {}
}

function lockKey(): Uint8Array {
  return key(KEY_LOCK, new Uint8Array(0));
}

export function lockCount(): u32 {
  const value = storageGet(lockKey());
  return value !== null ? readU32(value, 0) : 0;
}

function setLockCount(count: u32): void {
  if (count == 0) storageRemove(lockKey());
  else storageSet(lockKey(), u32Bytes(count));
}

/** Records a call awaiting its reply; returns the reply id. */
export function pushPending(kind: u8, message: Uint8Array): u64 {
  const seqKey = key(KEY_REPLY_SEQUENCE, new Uint8Array(0));
  const stored = storageGet(seqKey);
  // A u64 sequence cannot overflow in practice (one per handler call); wrap would still be unique
  // among pending calls, which are all settled within their execute.
  const id = (stored !== null ? readU64(stored, 0) : 0) + 1;
  storageSet(seqKey, u64Bytes(id));
  const value = new Uint8Array(1 + message.length);
  value[0] = kind;
  value.set(message, 1);
  storageSet(key(KEY_PENDING, u64Bytes(id)), value);
  setLockCount(lockCount() + 1);
  return id;
}

/** Takes the call a reply answers, releasing one lock count; null if unknown. */
export function takePending(id: u64): Pending | null {
  const k = key(KEY_PENDING, u64Bytes(id));
  const value = storageGet(k);
  if (value === null) return null;
  storageRemove(k);
  const count = lockCount();
  setLockCount(count > 0 ? count - 1 : 0);
  return new Pending(value[0], value.slice(1));
}

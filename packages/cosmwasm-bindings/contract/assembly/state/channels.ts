// Channel nonces, message statuses and last revert data, and the outbound merkle tree.
import { Tree } from "../codec/merkle";
import { readU64, u64Bytes } from "../lib/bytes";
import { storageGet, storageRemove, storageSet } from "../host/storage";
import { key, KEY_INBOUND, KEY_OUTBOUND, KEY_REVERT, KEY_STATUS, KEY_TREE } from "./keys";

function getU64(k: Uint8Array): u64 {
  const value = storageGet(k);
  return value !== null ? readU64(value, 0) : 0;
}

export function inboundNonce(channel: Uint8Array): u64 { return getU64(key(KEY_INBOUND, channel)); }
export function setInboundNonce(channel: Uint8Array, nonce: u64): void { storageSet(key(KEY_INBOUND, channel), u64Bytes(nonce)); }
export function outboundNonce(channel: Uint8Array): u64 { return getU64(key(KEY_OUTBOUND, channel)); }
export function setOutboundNonce(channel: Uint8Array, nonce: u64): void { storageSet(key(KEY_OUTBOUND, channel), u64Bytes(nonce)); }

export function storedStatus(id: Uint8Array): u8 {
  const value = storageGet(key(KEY_STATUS, id));
  return value !== null ? value[0] : 0;
}

export function setStoredStatus(id: Uint8Array, status: u8): void {
  const value = new Uint8Array(1);
  value[0] = status;
  storageSet(key(KEY_STATUS, id), value);
}

export function lastRevertData(id: Uint8Array): Uint8Array {
  const value = storageGet(key(KEY_REVERT, id));
  return value !== null ? value : new Uint8Array(0);
}

export function setLastRevertData(id: Uint8Array, data: Uint8Array | null): void {
  if (data === null) storageRemove(key(KEY_REVERT, id));
  else storageSet(key(KEY_REVERT, id), data);
}

export function loadTree(): Tree {
  const tree = new Tree();
  const value = storageGet(key(KEY_TREE, new Uint8Array(0)));
  if (value !== null) {
    tree.count = readU64(value, 0);
    tree.branch.set(value!.subarray(8));
  }
  return tree;
}

export function saveTree(tree: Tree): void {
  const value = new Uint8Array(8 + tree.branch.length);
  value.set(u64Bytes(tree.count));
  value.set(tree.branch, 8);
  storageSet(key(KEY_TREE, new Uint8Array(0)), value);
}

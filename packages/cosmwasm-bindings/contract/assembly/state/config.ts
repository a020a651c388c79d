// The endpoint's configuration: domain, denom, roles, pause. One storage entry per field, so a
// change writes only what changed.
import { utf8 } from "../lib/bytes";
import { storageGet, storageRemove, storageSet } from "../host/storage";
import { key, KEY_CONFIG } from "./keys";
import { readU32, u32Bytes } from "../lib/bytes";

function field(name: string): Uint8Array {
  return key(KEY_CONFIG, utf8(name));
}

export function getString(name: string): string | null {
  const value = storageGet(field(name));
  return value !== null ? String.UTF8.decode(value.buffer) : null;
}

export function setString(name: string, value: string | null): void {
  if (value === null) storageRemove(field(name));
  else storageSet(field(name), utf8(value));
}

export function localDomain(): u32 {
  const value = storageGet(field("local_domain"));
  return value !== null ? readU32(value, 0) : 0;
}

export function setLocalDomain(domain: u32): void {
  storageSet(field("local_domain"), u32Bytes(domain));
}

export function isPaused(): bool {
  return storageGet(field("paused")) !== null;
}

export function setPaused(paused: bool): void {
  if (paused) storageSet(field("paused"), new Uint8Array(1));
  else storageRemove(field("paused"));
}

export function owner(): string { const v = getString("owner"); return v !== null ? v : ""; }
export function denom(): string { const v = getString("denom"); return v !== null ? v : ""; }
export function feeManager(): string { const v = getString("fee_manager"); return v !== null ? v : ""; }
export function feeCollector(): string { const v = getString("fee_collector"); return v !== null ? v : ""; }
export function pendingOwner(): string | null { return getString("pending_owner"); }

// Contract storage through the VM's db_* imports. Keys are a short ASCII prefix naming the map
// plus the entry's key bytes; prefixes are listed in ../state/keys.ts.
import { failed } from "../lib/fail";
import { bytesOf, regionOf } from "../runtime/region";
import { db_read, db_remove, db_write } from "./imports";

export function storageGet(key: Uint8Array): Uint8Array | null {
  const ptr = db_read(changetype<u32>(regionOf(key)));
  if (ptr == 0) return null;
  return bytesOf(ptr);
}

/**
 * Writes nothing once the call has failed: the chain would revert the write anyway, and a
 * half-done call must not leave state behind in a VM that does not revert it.
 */
export function storageSet(key: Uint8Array, value: Uint8Array): void {
  if (failed()) return;
  db_write(changetype<u32>(regionOf(key)), changetype<u32>(regionOf(value)));
}

export function storageRemove(key: Uint8Array): void {
  if (failed()) return;
  db_remove(changetype<u32>(regionOf(key)));
}

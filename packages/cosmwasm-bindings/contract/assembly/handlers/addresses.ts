// Chain addresses ⇄ bytes32 (PROTOCOL.md §2): canonical bytes left-padded; a bytes32 whose first
// 12 bytes are zero is a 20-byte address, any other a 32-byte one.
import { canonicalize, humanize } from "../host/api";
import { isZero } from "../lib/bytes";
import { fail, errorFields } from "../lib/fail";

export function addressToBytes32(address: string): Uint8Array {
  const out = new Uint8Array(32);
  const canonical = canonicalize(address);
  if (canonical === null) return out;
  if (canonical.length != 20 && canonical.length != 32) {
    fail("invalid_address", errorFields().str("address", address).num("canonical_length", canonical.length));
    return out;
  }
  out.set(canonical!, 32 - canonical.length);
  return out;
}

/** The address a bytes32 names on this chain, or null when it names none. */
export function bytes32ToAddress(value: Uint8Array): string | null {
  return humanize(isZero(value.subarray(0, 12)) ? value.slice(12) : value);
}

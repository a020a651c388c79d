// Storage layout: every key is an ASCII prefix (one per map) followed by the entry's key bytes.
// Prefixes differ in their first byte after a common "f/" so no map's keys prefix another's.
import { concat, utf8 } from "../lib/bytes";

export const KEY_CONFIG = "f/c";          // + field name (config.ts)
export const KEY_TREE = "f/t";            // count u64 | branch 32 × 32
export const KEY_OUTBOUND = "f/o";        // + channel → nonce u64
export const KEY_INBOUND = "f/i";         // + channel → nonce u64
export const KEY_STATUS = "f/s";          // + id → status u8
export const KEY_REVERT = "f/r";          // + id → last revert data (Failed, ack requested)
export const KEY_ORIGIN = "f/v";          // + origin u32 → endpoint b32 | threshold u8 | validators 20 × n
export const KEY_FEE = "f/f";             // + domain u32 → fee config (fees.ts)
export const KEY_APP_VERIFIER = "f/a";    // + app b32 | origin u32 → verifier address (UTF-8)
export const KEY_PENDING = "f/p";         // + reply id u64 → pending handler call (pending.ts)
export const KEY_LOCK = "f/l";
export const KEY_REPLY_SEQUENCE = "f/q";   // last reply id, u64            // handler calls awaiting their reply, u32

export function key(prefix: string, suffix: Uint8Array): Uint8Array {
  return concat([utf8(prefix), suffix]);
}

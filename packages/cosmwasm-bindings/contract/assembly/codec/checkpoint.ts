// Checkpoint hashes (PROTOCOL.md §5) and the multisig proof layout (§6).
import { concat, u32Bytes, utf8 } from "../lib/bytes";
import { keccak256 } from "../lib/keccak";

// Proof (PROTOCOL.md §6): checkpointIndex u32 | leafIndex u32 | zeroMask u32 | siblings | signatures,
// the siblings being 32 − popcount(zeroMask) hashes of 32 bytes, the signatures k × 65 bytes.
export const PROOF_CHECKPOINT_INDEX_OFFSET = 0;
export const PROOF_LEAF_INDEX_OFFSET = 4;
export const PROOF_ZERO_MASK_OFFSET = 8;
export const PROOF_SIBLINGS_OFFSET = 12;
/** The fixed header: the three u32 before the siblings. */
export const PROOF_HEADER_LENGTH = PROOF_SIBLINGS_OFFSET;
export const SIBLING_LENGTH = 32;
export const SIGNATURE_LENGTH = 65;

/** keccak256(origin u32 | originEndpoint b32 | "FERRY"). */
export function domainHash(origin: u32, originEndpoint: Uint8Array): Uint8Array {
  return keccak256(concat([u32Bytes(origin), originEndpoint, utf8("FERRY")]));
}

/** keccak256(domainHash | root | index u32). */
export function checkpointDigest(domain: Uint8Array, root: Uint8Array, index: u32): Uint8Array {
  return keccak256(concat([domain, root, u32Bytes(index)]));
}

/** The EIP-191 hash of a 32-byte digest, which validators sign. */
export function ethSignedHash(digest: Uint8Array): Uint8Array {
  return keccak256(concat([utf8("\x19Ethereum Signed Message:\n32"), digest]));
}

// Checkpoint hashes (PROTOCOL.md §5) and the multisig proof layout (§6).
import { concat, u32Bytes, utf8 } from "../lib/bytes";
import { keccak256 } from "../lib/keccak";

export const PROOF_BRANCH_OFFSET = 8;
export const PROOF_SIGNATURES_OFFSET = 8 + 32 * 32;
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

// The built-in multisig verifier (PROTOCOL.md §6), with the Solidity MultisigVerifier's checks
// and error names: the compact layout's lengths (a header under 12 bytes, fewer siblings than
// the zeroMask implies or a partial signature is `malformed_proof`); leafIndex ≤ checkpointIndex;
// root from the branch (Z[h] where bit h of zeroMask is set); the checkpoint digest for
// the origin's endpoint; each signature with v ∈ {27, 28} and low s, recovered through the VM's
// secp256k1_recover_pubkey into an Ethereum address; signers validators of the origin, strictly
// ascending, at least `threshold` of them.
//
// Within one execute a checkpoint whose signatures were checked is remembered (by its digest,
// which binds origin, origin endpoint, root and index), so the later proofs of a deliver_batch
// may carry no signatures. The memory is a per-call list, cleared when an entry point starts.
import {
  checkpointDigest, domainHash, ethSignedHash, PROOF_CHECKPOINT_INDEX_OFFSET, PROOF_HEADER_LENGTH, PROOF_LEAF_INDEX_OFFSET,
  PROOF_SIBLINGS_OFFSET, PROOF_ZERO_MASK_OFFSET, SIBLING_LENGTH, SIGNATURE_LENGTH,
} from "../codec/checkpoint";
import { branchRoot, siblingCount } from "../codec/merkle";
import { Message } from "../codec/message";
import { recoverPubkey } from "../host/api";
import { compare, equal, readU32, toHex } from "../lib/bytes";
import { fail, errorFields } from "../lib/fail";
import { keccak256 } from "../lib/keccak";
import { loadOrigin, OriginConfig } from "../state/origins";

// secp256k1 n / 2, big-endian: s above it is the malleated twin of a low-s signature.
const HALF_ORDER: StaticArray<u8> = [
  0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
  0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
];

let checked: Array<Uint8Array> | null = null;

/** Forgets the checkpoints of the previous call. */
export function resetCheckpointCache(): void {
  checked = null;
}

function isRemembered(digest: Uint8Array): bool {
  const list = checked;
  if (list === null) return false;
  for (let i = 0; i < list.length; i++) if (equal(list[i], digest)) return true;
  return false;
}

function remember(digest: Uint8Array): void {
  let list = checked;
  if (list === null) {
    list = new Array<Uint8Array>();
    checked = list;
  }
  list.push(digest);
}

function isHighS(s: Uint8Array): bool {
  for (let i = 0; i < 32; i++) {
    const half = unchecked(HALF_ORDER[i]);
    if (s[i] != half) return s[i] > half;
  }
  return false;
}

/** The Ethereum address that signed `hash` with `signature` (r | s | v), or null. */
export function recoverAddress(hash: Uint8Array, signature: Uint8Array, index: i32): Uint8Array | null {
  const v = signature[64];
  if (v != 27 && v != 28) {
    fail("invalid_v", errorFields().num("v", v));
    return null;
  }
  const s = signature.subarray(32, 64);
  if (isHighS(s)) {
    fail("high_s", errorFields().str("s", toHex(s.slice())));
    return null;
  }
  const key = recoverPubkey(hash, signature.slice(0, 64), <u32>(v - 27));
  if (key === null) {
    fail("invalid_signature", errorFields().num("index", index));
    return null;
  }
  // Ethereum address: the last 20 bytes of keccak256 of the key without its 0x04 prefix.
  return keccak256(key.slice(1)).slice(12);
}

/**
 * Whether `proof` proves `message` (id `id`); fails with the reason otherwise. The origin's
 * configuration is read from storage, unless `given` (the test probe, contract/test/, passes
 * the validator set it was asked about).
 */
export function verifyMultisig(message: Message, id: Uint8Array, proof: Uint8Array, given: OriginConfig | null = null): bool {
  // CHECKS of the shape: the header, the siblings its mask implies, whole signatures after them.
  const length = proof.length;
  if (length < PROOF_HEADER_LENGTH) return fail("malformed_proof", errorFields().num("length", length));
  const zeroMask = readU32(proof, PROOF_ZERO_MASK_OFFSET);
  const signaturesOffset = PROOF_SIBLINGS_OFFSET + siblingCount(zeroMask) * SIBLING_LENGTH;
  if (length < signaturesOffset || (length - signaturesOffset) % SIGNATURE_LENGTH != 0) {
    return fail("malformed_proof", errorFields().num("length", length));
  }
  const checkpointIndex = readU32(proof, PROOF_CHECKPOINT_INDEX_OFFSET);
  const leafIndex = readU32(proof, PROOF_LEAF_INDEX_OFFSET);
  if (leafIndex > checkpointIndex) {
    return fail("leaf_index_too_high", errorFields().num("leaf_index", leafIndex).num("checkpoint_index", checkpointIndex));
  }
  const origin = message.origin;
  const config = given !== null ? given : loadOrigin(origin);
  if (config === null) return fail("unknown_origin", errorFields().num("origin", origin));
  const threshold = <i32>config.threshold;

  const root = branchRoot(id, proof, PROOF_SIBLINGS_OFFSET, leafIndex, zeroMask);
  const digest = checkpointDigest(domainHash(origin, config.originEndpoint), root, checkpointIndex);
  const count = (length - signaturesOffset) / SIGNATURE_LENGTH;
  if (count == 0) {
    if (isRemembered(digest)) return true;
    return fail("threshold_not_met", errorFields().num("signatures", 0).num("threshold", threshold));
  }
  if (count < threshold) return fail("threshold_not_met", errorFields().num("signatures", count).num("threshold", threshold));

  const hash = ethSignedHash(digest);
  const validators = config.validators;
  let previous = new Uint8Array(20);
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    const offset = signaturesOffset + i * SIGNATURE_LENGTH;
    const signer = recoverAddress(hash, proof.subarray(offset, offset + SIGNATURE_LENGTH), i);
    if (signer === null) return false;
    if (compare(signer, previous) <= 0) {
      return fail("signers_not_ascending", errorFields().str("previous", toHex(previous)).str("signer", toHex(signer)));
    }
    // Merge walk: validators are ascending too, so each signer is found at or after the cursor.
    while (cursor < validators.length && compare(validators[cursor], signer) < 0) cursor++;
    if (cursor == validators.length || !equal(validators[cursor], signer)) {
      return fail("signer_not_validator", errorFields().str("signer", toHex(signer)));
    }
    cursor++;
    previous = signer;
  }
  remember(digest);
  return true;
}

// A test-only probe (not for production): smart queries that run the endpoint's own codec,
// merkle tree, keccak, checkpoint digests and multisig verifier on given inputs, so the shared
// vectors cases that no real flow can produce (test/contract/vectors.probe.test.ts) are
// reproduced by the very code the endpoint runs. Everything is imported from ../assembly/: never
// copy endpoint code here.
//
//   {"keccak":{"data":b64}}                                   → {"hash"}
//   {"sha256":{"data":b64}}                                   → {"hash"}
//   {"abi_bytes_array":{"items":[b64…]}}                      → {"encoded"} (lib/abi.ts)
//   {"encode_message":{"flags","origin","sender","destination","recipient","nonce","deadline",
//                      "gas_limit","ack_gas_limit","body":b64}} → {"encoded","length","id","channel"}
//   {"decode_message":{"message":b64}}                        → every header field, body, id, channel
//   {"encode_ack_body":{"original_id","status","result":b64}} → {"encoded"}
//   {"merkle_root":{"leaves":[hex32…]}}                       → {"root","count"}
//   {"branch_root":{"leaf","branch":[32 × hex32],"index"}}    → {"root"} (every level listed)
//   {"zero_hashes":{}}                                        → {"zero_hashes":[33 × hex32]}
//   {"checkpoint_digest":{"origin","origin_endpoint","root","index"}}
//                                                  → {"domain_hash","digest","eth_signed_digest"}
//   {"verify_proof":{"message":b64,"proof":b64,"validators":[hex20…],"threshold","origin",
//                    "origin_endpoint"}}                      → {"valid":true,"id"} or the error
//   {"verify_proofs":{"cases":[{"message":b64,"proof":b64}…],"validators","threshold","origin",
//                     "origin_endpoint"}}   → {"results":["valid" or the error text…]}, each
//                                             case verified on its own (no checkpoint memory)
// Bytes are answered as lower-case hex with 0x, u64 values as decimal strings.
import { checkpointDigest, domainHash, ethSignedHash } from "../assembly/codec/checkpoint";
import { branchRoot, DEPTH, nextZero, Tree } from "../assembly/codec/merkle";
import { BODY_OFFSET, DESTINATION_OFFSET, FLAG_IS_ACK, channelKey, checkMessage, encodeAckBody, encodeMessage } from "../assembly/codec/message";
import { readEnv, Context } from "../assembly/host/context";
import { Response } from "../assembly/host/response";
import { encodeBytesArray } from "../assembly/lib/abi";
import { decodeBase64, encodeBase64 } from "../assembly/lib/base64";
import { sha256 } from "../assembly/lib/sha256";
import { compare, concat, fromHex, readU32, toHex, utf8 } from "../assembly/lib/bytes";
import { clearError, errorText, fail, errorFields, failed } from "../assembly/lib/fail";
import { Fields, variantOf } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { JsonValue, KIND_STRING } from "../assembly/lib/jsonValue";
import { ObjectWriter, quote, stringArray } from "../assembly/lib/jsonWrite";
import { keccak256 } from "../assembly/lib/keccak";
import { bytesOf, enterCall } from "../assembly/runtime/region";
import { OriginConfig } from "../assembly/state/origins";
import { resetCheckpointCache, verifyMultisig } from "../assembly/verify/multisig";
import { endCall } from "../assembly/runtime/call";
import "../assembly/runtime/abort";

export { allocate, deallocate } from "../assembly/runtime/region";
export function interface_version_8(): void {}

function begin(): void {
  enterCall();
  clearError();
  resetCheckpointCache();
}

/** Each item a `0x` hex string of `length` bytes; fails (and returns what it read) otherwise. */
function hexItems(items: Array<JsonValue>, length: i32, context: string): Array<Uint8Array> {
  const out = new Array<Uint8Array>();
  for (let i = 0; i < items.length; i++) {
    const bytes = items[i].kind == KIND_STRING ? fromHex(items[i].text, length) : null;
    if (bytes === null) {
      fail("invalid_json", errorFields().str("path", context + "[" + i.toString() + "]").str("problem", "expected 0x and " + (length * 2).toString() + " hex digits"));
      return out;
    }
    out.push(bytes);
  }
  return out;
}

function hexList(values: Array<Uint8Array>): string {
  const texts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) texts[i] = toHex(values[i]);
  return stringArray(texts);
}

function keccakQuery(f: Fields): string {
  const data = f.base64("data");
  if (!f.finish()) return "";
  return new ObjectWriter().str("hash", toHex(keccak256(data))).toString();
}

function sha256Query(f: Fields): string {
  const data = f.base64("data");
  if (!f.finish()) return "";
  return new ObjectWriter().str("hash", toHex(sha256(data))).toString();
}

function abiBytesArrayQuery(f: Fields): string {
  const values = f.array("items");
  if (!f.finish()) return "";
  const items = new Array<Uint8Array>();
  for (let i = 0; i < values.length; i++) {
    const bytes = values[i].kind == KIND_STRING ? decodeBase64(values[i].text) : null;
    if (bytes === null) { fail("invalid_json", errorFields().str("path", "abi_bytes_array.items").num("index", i)); return ""; }
    items.push(bytes);
  }
  return new ObjectWriter().str("encoded", toHex(encodeBytesArray(items))).toString();
}

/** As the outbox encodes (handlers/outbox.ts): encodeMessage, keccak256, channelKey. */
function encodeMessageQuery(f: Fields): string {
  const flags = f.u8("flags");
  const origin = f.u32("origin");
  const sender = f.hex("sender", 32);
  const destination = f.u32("destination");
  const recipient = f.hex("recipient", 32);
  const nonce = f.u64("nonce");
  const deadline = f.u64("deadline");
  const gasLimit = f.u32("gas_limit");
  const ackGasLimit = f.u32("ack_gas_limit");
  const body = f.base64("body");
  if (!f.finish()) return "";
  const encoded = encodeMessage(flags, origin, sender, destination, recipient, nonce, deadline, gasLimit, ackGasLimit, body);
  return new ObjectWriter()
    .str("encoded", toHex(encoded))
    .num("length", encoded.length)
    .str("id", toHex(keccak256(encoded)))
    .str("channel", toHex(channelKey(origin, sender, destination, recipient, flags & FLAG_IS_ACK)))
    .toString();
}

/** As the inbox reads (handlers/inbox.ts): checkMessage at the message's own destination, then `Message`. */
function decodeMessageQuery(f: Fields): string {
  const bytes = f.base64("message");
  if (!f.finish()) return "";
  const destination = bytes.length >= BODY_OFFSET ? readU32(bytes, DESTINATION_OFFSET) : 0;
  const m = checkMessage(bytes, destination);
  if (m === null) return "";
  return new ObjectWriter()
    .num("version", m.bytes[0])
    .num("flags", m.flags)
    .bool("is_ack", m.isAck)
    .bool("ack_requested", m.ackRequested)
    .num("origin", m.origin)
    .str("sender", toHex(m.sender))
    .num("destination", m.destination)
    .str("recipient", toHex(m.recipient))
    .dec("nonce", m.nonce.toString())
    .dec("deadline", m.deadline.toString())
    .num("gas_limit", m.gasLimit)
    .num("ack_gas_limit", m.ackGasLimit)
    .str("body", toHex(m.body))
    .num("length", m.bytes.length)
    .str("id", toHex(m.id()))
    .str("channel", toHex(m.channel()))
    .toString();
}

function encodeAckBodyQuery(f: Fields): string {
  const originalId = f.hex("original_id", 32);
  const status = f.u8("status");
  const result = f.base64("result");
  if (!f.finish()) return "";
  return new ObjectWriter().str("encoded", toHex(encodeAckBody(originalId, status, result))).toString();
}

/** Inserts the leaves, in order, into a new incremental tree (as `send` does). */
function merkleRootQuery(f: Fields): string {
  const items = f.array("leaves");
  if (!f.finish()) return "";
  const leaves = hexItems(items, 32, "merkle_root.leaves");
  if (failed()) return "";
  const tree = new Tree();
  for (let i = 0; i < leaves.length; i++) {
    const index = tree.insert(leaves[i]);
    if (failed()) return "";
    if (index != <u32>i) {
      fail("probe", errorFields().num("leaf", i).num("index", index));
      return "";
    }
  }
  return new ObjectWriter().str("root", toHex(tree.root())).num("count", tree.count).toString();
}

/** branchRoot, as the multisig verifier calls it (the branch as one buffer, offset 0). */
function branchRootQuery(f: Fields): string {
  const leaf = f.hex("leaf", 32);
  const items = f.array("branch");
  const index = f.u32("index");
  if (!f.finish()) return "";
  if (items.length != DEPTH) {
    fail("invalid_json", errorFields().str("path", "branch_root.branch").str("problem", "wrong length").num("expected", DEPTH).num("actual", items.length));
    return "";
  }
  const siblings = hexItems(items, 32, "branch_root.branch");
  if (failed()) return "";
  return new ObjectWriter().str("root", toHex(branchRoot(leaf, concat(siblings), 0, index, 0))).toString();
}

/** Z[0] … Z[DEPTH], stepped with the function the tree's root() steps its zero subtree with. */
function zeroHashesQuery(f: Fields): string {
  if (!f.finish()) return "";
  const hashes = new Array<Uint8Array>();
  const zero = new Uint8Array(32);
  hashes.push(zero.slice());
  for (let i = 0; i < DEPTH; i++) {
    nextZero(zero);
    hashes.push(zero.slice());
  }
  return new ObjectWriter().raw("zero_hashes", hexList(hashes)).toString();
}

function checkpointDigestQuery(f: Fields): string {
  const origin = f.u32("origin");
  const originEndpoint = f.hex("origin_endpoint", 32);
  const root = f.hex("root", 32);
  const index = f.u32("index");
  if (!f.finish()) return "";
  const domain = domainHash(origin, originEndpoint);
  const digest = checkpointDigest(domain, root, index);
  return new ObjectWriter()
    .str("domain_hash", toHex(domain))
    .str("digest", toHex(digest))
    .str("eth_signed_digest", toHex(ethSignedHash(digest)))
    .toString();
}

/** The validator set of a verify query, checked as `set_origin` checks it; null after a failure. */
function originOf(f: Fields, context: string): OriginConfig | null {
  const items = f.array("validators");
  const threshold = f.u8("threshold");
  const originEndpoint = f.hex("origin_endpoint", 32);
  if (failed()) return null;
  const validators = hexItems(items, 20, context + ".validators");
  if (failed()) return null;
  let previous = new Uint8Array(20);
  for (let i = 0; i < validators.length; i++) {
    if (compare(validators[i], previous) <= 0) {
      fail("validators_not_ascending", errorFields().str("previous", toHex(previous)).str("validator", toHex(validators[i])));
      return null;
    }
    previous = validators[i];
  }
  return new OriginConfig(originEndpoint, threshold, validators);
}

/** checkMessage at the message's own destination, then the multisig verifier; the id, or null. */
function verifyOne(bytes: Uint8Array, proof: Uint8Array, origin: u32, config: OriginConfig): Uint8Array | null {
  const destination = bytes.length >= BODY_OFFSET ? readU32(bytes, DESTINATION_OFFSET) : 0;
  const m = checkMessage(bytes, destination);
  if (m === null) return null;
  const id = m.id();
  // Another origin's message finds no configuration in the probe's (empty) storage: unknown_origin.
  if (!verifyMultisig(m, id, proof, m.origin == origin ? config : null)) return null;
  return id;
}

/**
 * The endpoint's multisig verifier on `message` and `proof`, with the validator set given as
 * `set_origin` would store it for `origin` (a message from another origin is `unknown_origin`).
 */
function verifyProofQuery(f: Fields): string {
  const bytes = f.base64("message");
  const proof = f.base64("proof");
  const origin = f.u32("origin");
  const config = originOf(f, "verify_proof");
  if (!f.finish() || config === null) return "";
  const id = verifyOne(bytes, proof, origin, config);
  if (id === null) return "";
  return new ObjectWriter().bool("valid", true).str("id", toHex(id)).toString();
}

/**
 * `verify_proof` for many cases in one query (the differential fuzz test): each case's outcome,
 * "valid" or its error, with the error and the checkpoint memory cleared between cases.
 */
function verifyProofsQuery(f: Fields): string {
  const cases = f.array("cases");
  const origin = f.u32("origin");
  const config = originOf(f, "verify_proofs");
  if (!f.finish() || config === null) return "";
  const results = new Array<string>(cases.length);
  for (let i = 0; i < cases.length; i++) {
    const c = Fields.of(cases[i], "verify_proofs.cases");
    const bytes = c.base64("message");
    const proof = c.base64("proof");
    if (!c.finish()) return "";
    resetCheckpointCache();
    const id = verifyOne(bytes, proof, origin, config);
    results[i] = id !== null ? "valid" : errorText();
    clearError();
  }
  return new ObjectWriter().raw("results", stringArray(results)).toString();
}

function runQuery(name: string, f: Fields): string {
  if (name == "keccak") return keccakQuery(f);
  if (name == "sha256") return sha256Query(f);
  if (name == "abi_bytes_array") return abiBytesArrayQuery(f);
  if (name == "encode_message") return encodeMessageQuery(f);
  if (name == "decode_message") return decodeMessageQuery(f);
  if (name == "encode_ack_body") return encodeAckBodyQuery(f);
  if (name == "merkle_root") return merkleRootQuery(f);
  if (name == "branch_root") return branchRootQuery(f);
  if (name == "zero_hashes") return zeroHashesQuery(f);
  if (name == "checkpoint_digest") return checkpointDigestQuery(f);
  if (name == "verify_proof") return verifyProofQuery(f);
  if (name == "verify_proofs") return verifyProofsQuery(f);
  fail("invalid_json", errorFields().str("problem", "unknown query").str("name", name));
  return "";
}

/** Nothing to set up: `{}`. */
export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  begin();
  readEnv(envPtr, new Context());
  Fields.of(parseJson(bytesOf(msgPtr)), "instantiate").finish();
  return endCall(new Response().toJson());
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  begin();
  readEnv(envPtr, new Context());
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "query");
  let answer = "";
  if (!failed()) answer = runQuery(name, Fields.of(msg!.items[0], name));
  return endCall(quote(encodeBase64(utf8(answer))));
}

// The VM's address, crypto and query imports, with their Region plumbing and error results.
import { decodeBase64, encodeBase64 } from "../lib/base64";
import { utf8 } from "../lib/bytes";
import { fail, errorFields } from "../lib/fail";
import { parseJson } from "../lib/jsonParse";
import { KIND_OBJECT, KIND_STRING } from "../lib/jsonValue";
import { quote } from "../lib/jsonWrite";
import { parseDecimal, U256 } from "../lib/uint";
import { bytesOf, newRegion, regionOf } from "../runtime/region";
import { addr_canonicalize, addr_humanize, addr_validate, debug, query_chain, secp256k1_recover_pubkey } from "./imports";

function hostError(ptr: u32): string {
  return String.UTF8.decode(bytesOf(ptr).buffer);
}

/** Whether `address` is a valid address of this chain; fails with `invalid_address` if not. */
export function validateAddress(address: string): bool {
  const err = addr_validate(changetype<u32>(regionOf(utf8(address))));
  if (err != 0) return fail("invalid_address", errorFields().str("address", address).str("error", hostError(err)));
  return true;
}

/** The canonical bytes of `address` (20 or 32 bytes), or null after `invalid_address`. */
export function canonicalize(address: string): Uint8Array | null {
  const out = newRegion(64);
  const err = addr_canonicalize(changetype<u32>(regionOf(utf8(address))), changetype<u32>(out));
  if (err != 0) {
    fail("invalid_address", errorFields().str("address", address).str("error", hostError(err)));
    return null;
  }
  return bytesOf(changetype<u32>(out));
}

/** The address of canonical bytes, or null (no failure recorded: callers decide). */
export function humanize(canonical: Uint8Array): string | null {
  const out = newRegion(128);
  const err = addr_humanize(changetype<u32>(regionOf(canonical)), changetype<u32>(out));
  if (err != 0) return null;
  return String.UTF8.decode(bytesOf(changetype<u32>(out)).buffer);
}

/**
 * The 65-byte uncompressed public key that signed `hash`, or null. Requires a 65-byte answer
 * starting 0x04 whatever the error code says: some VMs returned an error text with code 0.
 */
export function recoverPubkey(hash: Uint8Array, signature64: Uint8Array, recoveryId: u32): Uint8Array | null {
  const result = secp256k1_recover_pubkey(
    changetype<u32>(regionOf(hash)),
    changetype<u32>(regionOf(signature64)),
    recoveryId,
  );
  if ((result >>> 32) != 0) return null;
  const ptr = <u32>result;
  if (ptr == 0) return null;
  const key = bytesOf(ptr);
  if (key.length != 65 || key[0] != 0x04) return null;
  return key;
}

export function debugPrint(text: string): void {
  debug(changetype<u32>(regionOf(utf8(text))));
}

/**
 * The answer bytes of a chain query (`request` is a `QueryRequest` as JSON). The VM answers
 * `SystemResult<ContractResult<Binary>>`: `{"ok":{"ok":"<base64>"}}` on success. Fails with
 * `query_failed: <target>: …` otherwise.
 */
export function queryChain(request: string, target: string): Uint8Array | null {
  const ptr = query_chain(changetype<u32>(regionOf(utf8(request))));
  const answer = parseJson(bytesOf(ptr));
  if (answer === null) return null;
  const system = answer.get("ok");
  if (system === null || system.kind != KIND_OBJECT) {
    fail("query_failed", errorFields().str("contract", target).str("error", String.UTF8.decode(bytesOf(ptr).buffer)));
    return null;
  }
  const ok = system.get("ok");
  if (ok === null || ok.kind != KIND_STRING) {
    const err = system.get("error");
    fail("query_failed", errorFields().str("contract", target).str("error", err !== null && err.kind == KIND_STRING ? err.text : "malformed answer"));
    return null;
  }
  const bytes = decodeBase64(ok.text);
  if (bytes === null) fail("query_failed", errorFields().str("contract", target).str("error", "malformed answer"));
  return bytes;
}

/** A smart query's answer bytes (see `queryChain`). */
export function querySmart(contract: string, msgJson: string): Uint8Array | null {
  const request =
    "{\"wasm\":{\"smart\":{\"contract_addr\":" + quote(contract) + ",\"msg\":\"" + encodeBase64(utf8(msgJson)) + "\"}}}";
  return queryChain(request, contract);
}

/** The bank balance of `address` in `denom`, or null after a failure. */
export function queryBalance(address: string, denom: string): U256 | null {
  const request = "{\"bank\":{\"balance\":{\"address\":" + quote(address) + ",\"denom\":" + quote(denom) + "}}}";
  const bytes = queryChain(request, "bank");
  if (bytes === null) return null;
  // BalanceResponse { amount: Coin }; read leniently, as env (fields grow with SDK versions).
  const answer = parseJson(bytes);
  const coin = answer !== null ? answer.get("amount") : null;
  const amount = coin !== null && coin.kind == KIND_OBJECT ? coin.get("amount") : null;
  const value = amount !== null && amount.kind == KIND_STRING ? parseDecimal(amount.text, 128) : null;
  if (value === null) fail("query_failed", errorFields().str("contract", "bank").str("error", "malformed balance"));
  return value;
}

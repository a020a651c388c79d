// What the interchain account factory, account and router share (README "Interchain
// accounts"): the message body, the account salt and instantiate2 address, and the CosmosMsgs
// an account runs.
//
// Body (the same on every chain kind): version u8 (= 1) | kind u8 (1 CALL, 2 READ) | owner b32
// | payload. On a CosmWasm destination the payload is a UTF-8 JSON array: CALL, CosmosMsgs
// (`{"wasm":{"execute":…}}`, `{"bank":{"send":…}}`); READ, queries (`{"smart":…}`,
// `{"bank":{"balance":…}}`).
import { validateAddress } from "../assembly/host/api";
import { encodeBase64 } from "../assembly/lib/base64";
import { concat, u32Bytes, u64Bytes, utf8 } from "../assembly/lib/bytes";
import { errorFields, fail } from "../assembly/lib/fail";
import { Fields } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { JsonValue, KIND_ARRAY, KIND_OBJECT } from "../assembly/lib/jsonValue";
import { joinStrings } from "../assembly/lib/strings";
import { ObjectWriter } from "../assembly/lib/jsonWrite";
import { sha256 } from "../assembly/lib/sha256";

export const BODY_VERSION: u8 = 1;
export const KIND_CALL: u8 = 1;
export const KIND_READ: u8 = 2;
export const KIND_OFFSET: i32 = 1;
export const OWNER_OFFSET: i32 = 2;
export const PAYLOAD_OFFSET: i32 = 34;

/** The account's instantiate2 salt: sha256(origin u32 big-endian | owner b32). */
export function accountSalt(origin: u32, owner: Uint8Array): Uint8Array {
  return sha256(concat([u32Bytes(origin), owner]));
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  return concat([u64Bytes(<u64>bytes.length), bytes]);
}

/**
 * wasmd's BuildContractAddressPredictable(checksum, creator, salt, initMsg = empty): the
 * canonical address (32 bytes) `instantiate2` gives a contract, `address.Module("wasm", key)`.
 */
export function instantiate2Address(checksum: Uint8Array, creator: Uint8Array, salt: Uint8Array): Uint8Array {
  const key = concat([lengthPrefixed(checksum), lengthPrefixed(creator), lengthPrefixed(salt), lengthPrefixed(new Uint8Array(0))]);
  return sha256(concat([sha256(utf8("module")), utf8("wasm"), new Uint8Array(1), key]));
}

/** The body of a remote call: version | kind | owner | payload. */
export function encodeBody(kind: u8, owner: Uint8Array, payload: Uint8Array): Uint8Array {
  const head = new Uint8Array(PAYLOAD_OFFSET);
  head[0] = BODY_VERSION;
  head[KIND_OFFSET] = kind;
  head.set(owner, OWNER_OFFSET);
  return concat([head, payload]);
}

/** The payload's items (a JSON array), or null after `invalid_payload`. */
export function payloadItems(payload: Uint8Array): Array<JsonValue> | null {
  const value = parseJson(payload);
  if (value === null || value.kind != KIND_ARRAY) {
    fail("invalid_payload", errorFields().str("problem", "expected a JSON array"));
    return null;
  }
  return value.items;
}

function path(index: i32): string {
  return "payload[" + index.toString() + "]";
}

/** `[{"denom","amount"}…]` read strictly and written back; "" after a failure. */
function coins(value: JsonValue | null, context: string): string {
  if (value === null || value.kind != KIND_ARRAY) {
    fail("invalid_json", errorFields().str("path", context).str("problem", "expected an array of coins"));
    return "";
  }
  const parts = new Array<string>();
  for (let i = 0; i < value.items.length; i++) {
    const coin = Fields.of(value.items[i], context + "[" + i.toString() + "]");
    const denom = coin.string("denom");
    const amount = coin.u128("amount");
    if (!coin.finish()) return "";
    parts.push(new ObjectWriter().str("denom", denom).dec("amount", amount.toString()).toString());
  }
  return "[" + joinStrings(parts, ",") + "]";
}

/** The one variant of `{"name":{…}}`, or "" (the caller names the failure). */
function onlyKey(value: JsonValue): string {
  return value.kind == KIND_OBJECT && value.keys.length == 1 ? value.keys[0] : "";
}

function unknownKind(index: i32, kind: string): string {
  fail("unknown_message_kind", errorFields().num("index", index).str("kind", kind));
  return "";
}

/**
 * A CALL item as the CosmosMsg JSON the account returns as a sub-message: wasm execute
 * (`contract_addr`, `msg` base64, `funds` optional) or bank send (`to_address`, `amount`),
 * read strictly (unknown fields and kinds fail: `unknown_message_kind {index, kind}`); "" after
 * a failure.
 */
export function cosmosMsg(item: JsonValue, index: i32): string {
  const module = onlyKey(item);
  if (module == "wasm") {
    const inner = item.items[0];
    const kind = onlyKey(inner);
    if (kind != "execute") return unknownKind(index, "wasm." + kind);
    const f = Fields.of(inner.items[0], path(index) + ".wasm.execute");
    const contract = f.string("contract_addr");
    const msg = f.base64("msg");
    const funds = f.take("funds", true);
    const fundsJson = funds !== null ? coins(funds, path(index) + ".wasm.execute.funds") : "[]";
    if (!f.finish() || !validateAddress(contract)) return "";
    return "{\"wasm\":{\"execute\":" + new ObjectWriter()
      .str("contract_addr", contract).str("msg", encodeBase64(msg)).raw("funds", fundsJson).toString() + "}}";
  }
  if (module == "bank") {
    const inner = item.items[0];
    const kind = onlyKey(inner);
    if (kind != "send") return unknownKind(index, "bank." + kind);
    const f = Fields.of(inner.items[0], path(index) + ".bank.send");
    const to = f.string("to_address");
    const amount = coins(f.take("amount"), path(index) + ".bank.send.amount");
    if (!f.finish() || !validateAddress(to)) return "";
    return "{\"bank\":{\"send\":" + new ObjectWriter().str("to_address", to).raw("amount", amount).toString() + "}}";
  }
  return unknownKind(index, module);
}

/**
 * A READ item as the `QueryRequest` JSON the router runs: `{"smart":{"contract_addr","msg"}}`
 * (a wasm smart query, answered with the contract's raw answer bytes) or
 * `{"bank":{"balance":{"address","denom"}}}` (answered with the bank's `BalanceResponse` JSON,
 * `{"amount":{"denom","amount"}}`); "" after a failure. `target` gets the queried address.
 */
export function queryRequest(item: JsonValue, index: i32, target: Array<string>): string {
  const module = onlyKey(item);
  if (module == "smart") {
    const f = Fields.of(item.items[0], path(index) + ".smart");
    const contract = f.string("contract_addr");
    const msg = f.base64("msg");
    if (!f.finish() || !validateAddress(contract)) return "";
    target.push(contract);
    return "{\"wasm\":{\"smart\":" + new ObjectWriter().str("contract_addr", contract).str("msg", encodeBase64(msg)).toString() + "}}";
  }
  if (module == "bank") {
    const inner = item.items[0];
    const kind = onlyKey(inner);
    if (kind != "balance") return unknownKind(index, "bank." + kind);
    const f = Fields.of(inner.items[0], path(index) + ".bank.balance");
    const address = f.string("address");
    const denom = f.string("denom");
    if (!f.finish() || !validateAddress(address)) return "";
    target.push("bank");
    return "{\"bank\":{\"balance\":" + new ObjectWriter().str("address", address).str("denom", denom).toString() + "}}";
  }
  return unknownKind(index, module);
}

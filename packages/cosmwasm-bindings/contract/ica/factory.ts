// The interchain account factory: the long-lived `instantiate2` creator of every interchain
// account on this chain, so that an account's address depends on the factory, the account code
// and (origin, owner) only, never on the router (a replaced router reaches the same accounts).
// Its owner names the one router whose commands the accounts accept.
//
//   instantiate  {"account_code_id":u64 number,"owner":"wasm1…"?}  (owner: default sender)
//   execute      {"create_account":{"origin":u32,"owner":"0x…b32"}}  anyone (idempotent: the
//                                       account of a pair is created once, `account_exists`)
//                {"set_router":{"router":"wasm1…"}}                   owner
//                {"transfer_ownership":{"new_owner":"wasm1…"}}        owner
//   query        {"account":{"origin":u32,"owner":"0x…b32"}} → {"address":"wasm1…","created":bool}
//                {"config":{}} → {"owner","router"|null,"account_code_id","account_checksum"}
//
// Errors: `unauthorized` (sender, role), `account_exists` (address), `nonpayable`, `invalid_json`,
// `query_failed`, `invalid_address`.
import { canonicalize, humanize, queryChain, validateAddress } from "../assembly/host/api";
import { Context } from "../assembly/host/context";
import { REPLY_NEVER, Response, SubMsg } from "../assembly/host/response";
import { storageGet, storageSet } from "../assembly/host/storage";
import { encodeBase64 } from "../assembly/lib/base64";
import { concat, fromHex, readU64, toHex, u32Bytes, u64Bytes, utf8 } from "../assembly/lib/bytes";
import { errorFields, fail, failed } from "../assembly/lib/fail";
import { Fields, variantOf } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { KIND_STRING } from "../assembly/lib/jsonValue";
import { ObjectWriter, quote } from "../assembly/lib/jsonWrite";
import { joinStrings } from "../assembly/lib/strings";
import { bytesOf } from "../assembly/runtime/region";
import { accountSalt, instantiate2Address } from "./common";
import { beginCall, endCall } from "../assembly/runtime/call";
import "../assembly/runtime/abort";

export { allocate, deallocate } from "../assembly/runtime/region";
export function interface_version_8(): void {}

const KEY_OWNER = "icaf/owner";
const KEY_ROUTER = "icaf/router";
const KEY_CODE_ID = "icaf/code_id";
const KEY_CHECKSUM = "icaf/checksum";
const KEY_CREATED = "icaf/created/"; // + origin u32 | owner b32 → 1

function text(key: string): string {
  const value = storageGet(utf8(key));
  return value !== null ? String.UTF8.decode(value.buffer) : "";
}

function createdKey(origin: u32, owner: Uint8Array): Uint8Array {
  return concat([utf8(KEY_CREATED), u32Bytes(origin), owner]);
}

/** The account address of (origin, owner), or "" after a failure. */
function accountAddress(ctx: Context, origin: u32, owner: Uint8Array): string {
  const checksum = storageGet(utf8(KEY_CHECKSUM));
  const creator = canonicalize(ctx.contract);
  if (checksum === null || creator === null) return "";
  const address = humanize(instantiate2Address(checksum, creator, accountSalt(origin, owner)));
  if (address === null) { fail("invalid_address", errorFields().str("problem", "cannot humanize the account address")); return ""; }
  return address;
}

function onlyOwner(ctx: Context): bool {
  if (ctx.sender != text(KEY_OWNER)) return fail("unauthorized", errorFields().str("sender", ctx.sender).str("role", "owner"));
  return true;
}

function instantiateFactory(ctx: Context, res: Response, f: Fields): void {
  const codeId = f.uint("account_code_id", u64.MAX_VALUE);
  const ownerField = f.take("owner", true);
  let owner = ctx.sender;
  if (ownerField !== null) {
    if (ownerField.kind == KIND_STRING) owner = ownerField.text;
    else f.wrong("owner", "expected string");
  }
  if (!f.finish() || !validateAddress(owner)) return;
  // The account code's checksum, the first input of every account address.
  const answer = queryChain("{\"wasm\":{\"code_info\":{\"code_id\":" + codeId.toString() + "}}}", "wasm");
  if (answer === null) return;
  const info = parseJson(answer);
  const checksumText = info !== null ? info.get("checksum") : null;
  const checksum = checksumText !== null && checksumText.kind == KIND_STRING ? fromHex("0x" + checksumText.text, 32) : null;
  if (checksum === null) { fail("query_failed", errorFields().str("contract", "wasm").str("error", "no checksum in code_info")); return; }
  storageSet(utf8(KEY_OWNER), utf8(owner));
  storageSet(utf8(KEY_CODE_ID), u64Bytes(codeId));
  storageSet(utf8(KEY_CHECKSUM), checksum);
  res.event("ica_factory_instantiated").add("owner", owner).add("account_code_id", codeId.toString()).add("account_checksum", toHex(checksum));
}

function executeFactory(ctx: Context, res: Response, name: string, f: Fields): void {
  if (name == "create_account") {
    const origin = f.u32("origin");
    const owner = f.hex("owner", 32);
    if (!f.finish()) return;
    const address = accountAddress(ctx, origin, owner);
    if (failed()) return;
    const key = createdKey(origin, owner);
    if (storageGet(key) !== null) { fail("account_exists", errorFields().str("address", address)); return; }
    storageSet(key, new Uint8Array(1));
    const codeId = readU64(storageGet(utf8(KEY_CODE_ID))!, 0);
    const init = new ObjectWriter().num("origin", origin).str("owner", toHex(owner)).toString();
    const msg = "{\"wasm\":{\"instantiate2\":" + new ObjectWriter()
      .raw("admin", "null")
      .num("code_id", codeId)
      .str("label", "ferry interchain account " + origin.toString() + " " + toHex(owner))
      .str("msg", encodeBase64(utf8(init)))
      .raw("funds", "[]")
      .str("salt", encodeBase64(accountSalt(origin, owner)))
      .toString() + "}}";
    res.messages.push(new SubMsg(0, msg, -1, REPLY_NEVER));
    res.event("ica_account_created").add("origin", origin.toString()).add("owner", toHex(owner)).add("address", address);
    res.data = utf8(address);
  } else if (name == "set_router") {
    const router = f.string("router");
    if (!f.finish() || !onlyOwner(ctx) || !validateAddress(router)) return;
    storageSet(utf8(KEY_ROUTER), utf8(router));
    res.event("ica_router_set").add("router", router);
  } else if (name == "transfer_ownership") {
    const newOwner = f.string("new_owner");
    if (!f.finish() || !onlyOwner(ctx) || !validateAddress(newOwner)) return;
    storageSet(utf8(KEY_OWNER), utf8(newOwner));
    res.event("ica_factory_owner_set").add("owner", newOwner);
  } else {
    fail("invalid_json", errorFields().str("problem", "unknown message").str("name", name));
  }
}

function queryFactory(ctx: Context, name: string, f: Fields): string {
  if (name == "account") {
    const origin = f.u32("origin");
    const owner = f.hex("owner", 32);
    if (!f.finish()) return "";
    const address = accountAddress(ctx, origin, owner);
    if (failed()) return "";
    return new ObjectWriter().str("address", address).bool("created", storageGet(createdKey(origin, owner)) !== null).toString();
  }
  if (name == "config") {
    if (!f.finish()) return "";
    const router = text(KEY_ROUTER);
    const codeId = storageGet(utf8(KEY_CODE_ID));
    const checksum = storageGet(utf8(KEY_CHECKSUM));
    return new ObjectWriter()
      .str("owner", text(KEY_OWNER))
      .nullableStr("router", router.length > 0 ? router : null)
      .num("account_code_id", codeId !== null ? readU64(codeId, 0) : 0)
      .str("account_checksum", checksum !== null ? toHex(checksum) : "")
      .toString();
  }
  fail("invalid_json", errorFields().str("problem", "unknown query").str("name", name));
  return "";
}

// ------------------------------------------------------------------ entry points

export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, infoPtr);
  const res = new Response();
  if (!failed()) instantiateFactory(ctx, res, Fields.of(parseJson(bytesOf(msgPtr)), "instantiate"));
  return endCall(res.toJson());
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, infoPtr);
  const res = new Response();
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "execute");
  if (!failed() && ctx.funds.length > 0) {
    const funds = new Array<string>();
    for (let i = 0; i < ctx.funds.length; i++) funds.push(ctx.funds[i].amount.toString() + ctx.funds[i].denom);
    fail("nonpayable", errorFields().str("action", name).str("funds", joinStrings(funds, ",")));
  }
  if (!failed()) executeFactory(ctx, res, name, Fields.of(msg!.items[0], name));
  return endCall(res.toJson());
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, 0);
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "query");
  let answer = "";
  if (!failed()) answer = queryFactory(ctx, name, Fields.of(msg!.items[0], name));
  return endCall(quote(encodeBase64(utf8(answer))));
}

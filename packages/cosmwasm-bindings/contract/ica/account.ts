// An interchain account: one per (origin domain, owner), instantiated by the factory with
// `instantiate2` at an address anyone can compute (factory.ts), which holds funds and runs calls
// for its owner on the origin. It obeys only the router the factory names (that router checks the
// message came from its peer on `origin` and that the body's owner is the account's), so it
// stays reachable when the router is replaced. Funds sent to its address before it exists are
// kept (wasmd keeps an existing plain account's balance at instantiation).
//
//   instantiate  {"origin":u32,"owner":"0x…b32"}                 (from the factory)
//   execute      {"execute_calls":{"payload":"b64"}}             the factory's router only:
//                payload = JSON array of CosmosMsgs (common.ts `cosmosMsg`), each run as a
//                sub-message (reply always), in order; the response `data` is
//                `abi.encode(bytes[] results)`, one element per call (its response `data`, empty
//                when none). The first call that fails fails the whole execute with
//                `call_failed {index, reason}`, so nothing of the batch sticks.
//   query        {"config":{}} → {"factory","origin","owner"}
//
// Errors: `unauthorized` (sender, role "router"), `call_failed` (index, reason),
// `unknown_message_kind` (index, kind), `invalid_payload`, `invalid_json`, `query_failed`.
import { handlerData } from "../assembly/handlers/settle";
import { querySmart } from "../assembly/host/api";
import { Context } from "../assembly/host/context";
import { REPLY_ALWAYS, Response, SubMsg } from "../assembly/host/response";
import { storageGet, storageRemove, storageSet } from "../assembly/host/storage";
import { encodeBytesArray } from "../assembly/lib/abi";
import { encodeBase64 } from "../assembly/lib/base64";
import { concat, readU32, toHex, u32Bytes, utf8 } from "../assembly/lib/bytes";
import { errorFields, fail, failed } from "../assembly/lib/fail";
import { Fields, variantOf } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { KIND_OBJECT, KIND_STRING } from "../assembly/lib/jsonValue";
import { ObjectWriter, quote } from "../assembly/lib/jsonWrite";
import { bytesOf } from "../assembly/runtime/region";
import { cosmosMsg, payloadItems } from "./common";
import { beginCall, endCall } from "../assembly/runtime/call";
import "../assembly/runtime/abort";

export { allocate, deallocate } from "../assembly/runtime/region";
export function interface_version_8(): void {}

const KEY_FACTORY = "icaa/factory";
const KEY_ORIGIN = "icaa/origin";
const KEY_OWNER = "icaa/owner";
// The batch being run (cleared by its last reply): its size, and each call's result so far.
const KEY_BATCH_SIZE = "icaa/batch";
const KEY_RESULT = "icaa/result/"; // + index u32

/** Most bytes of a failed call's reason kept in `call_failed`. */
const MAX_REASON_LENGTH: i32 = 512;

function text(key: string): string {
  const value = storageGet(utf8(key));
  return value !== null ? String.UTF8.decode(value.buffer) : "";
}

function resultKey(index: u32): Uint8Array {
  return concat([utf8(KEY_RESULT), u32Bytes(index)]);
}

/** Whether `sender` is the router the factory names; fails with `unauthorized` otherwise. */
function onlyRouter(sender: string): bool {
  const answer = querySmart(text(KEY_FACTORY), "{\"config\":{}}");
  if (answer === null) return false;
  const config = parseJson(answer);
  const router = config !== null ? config.get("router") : null;
  if (router === null || router.kind != KIND_STRING || router.text != sender)
    return fail("unauthorized", errorFields().str("sender", sender).str("role", "router"));
  return true;
}

function instantiateAccount(ctx: Context, res: Response, f: Fields): void {
  const origin = f.u32("origin");
  const owner = f.hex("owner", 32);
  if (!f.finish()) return;
  storageSet(utf8(KEY_FACTORY), utf8(ctx.sender));
  storageSet(utf8(KEY_ORIGIN), u32Bytes(origin));
  storageSet(utf8(KEY_OWNER), owner);
  res.event("ica_account_instantiated").add("factory", ctx.sender).add("origin", origin.toString()).add("owner", toHex(owner));
}

function executeAccount(ctx: Context, res: Response, name: string, f: Fields): void {
  if (name != "execute_calls") { fail("invalid_json", errorFields().str("problem", "unknown message").str("name", name)); return; }
  const payload = f.base64("payload");
  if (!f.finish() || !onlyRouter(ctx.sender)) return;
  const items = payloadItems(payload);
  if (items === null) return;
  for (let i = 0; i < items.length; i++) {
    const msg = cosmosMsg(items[i], i);
    if (failed()) return;
    res.messages.push(new SubMsg(<u64>i, msg, -1, REPLY_ALWAYS));
  }
  res.event("ica_calls_executed").add("calls", items.length.toString());
  if (items.length == 0) { res.data = encodeBytesArray(new Array<Uint8Array>()); return; }
  storageSet(utf8(KEY_BATCH_SIZE), u32Bytes(<u32>items.length));
}

function replyAccount(ctx: Context, res: Response, id: u64, resultOk: bool, data: Uint8Array, reason: string): void {
  const size = storageGet(utf8(KEY_BATCH_SIZE));
  if (size === null || id >= <u64>readU32(size, 0)) { fail("unknown_reply", errorFields().dec("reply_id", id.toString())); return; }
  const index = <u32>id;
  if (!resultOk) {
    fail("call_failed", errorFields().num("index", index).str("reason", reason.length > MAX_REASON_LENGTH ? reason.slice(0, MAX_REASON_LENGTH) : reason));
    return;
  }
  const count = readU32(size, 0);
  if (index + 1 < count) { storageSet(resultKey(index), data); return; }
  // The last call: the batch's results become the response data.
  const results = new Array<Uint8Array>();
  for (let i: u32 = 0; i < index; i++) {
    const stored = storageGet(resultKey(i));
    results.push(stored !== null ? stored : new Uint8Array(0));
    storageRemove(resultKey(i));
  }
  results.push(data);
  storageRemove(utf8(KEY_BATCH_SIZE));
  res.data = encodeBytesArray(results);
}

function queryAccount(name: string, f: Fields): string {
  if (name != "config") { fail("invalid_json", errorFields().str("problem", "unknown query").str("name", name)); return ""; }
  if (!f.finish()) return "";
  const origin = storageGet(utf8(KEY_ORIGIN));
  const owner = storageGet(utf8(KEY_OWNER));
  return new ObjectWriter()
    .str("factory", text(KEY_FACTORY))
    .num("origin", origin !== null ? readU32(origin, 0) : 0)
    .str("owner", owner !== null ? toHex(owner) : "")
    .toString();
}

// ------------------------------------------------------------------ entry points

export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, infoPtr);
  const res = new Response();
  if (!failed()) instantiateAccount(ctx, res, Fields.of(parseJson(bytesOf(msgPtr)), "instantiate"));
  return endCall(res.toJson());
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, infoPtr);
  const res = new Response();
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "execute");
  if (!failed()) executeAccount(ctx, res, name, Fields.of(msg!.items[0], name));
  return endCall(res.toJson());
}

export function reply(envPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, 0);
  const res = new Response();
  const msg = Fields.of(parseJson(bytesOf(msgPtr)), "reply");
  const id = msg.uint("id", u64.MAX_VALUE);
  const result = msg.take("result");
  if (!failed()) {
    if (result === null || result.kind != KIND_OBJECT) fail("invalid_reply", errorFields().str("problem", "no result"));
    else {
      const err = result.get("error");
      if (err !== null && err.kind == KIND_STRING) replyAccount(ctx, res, id, false, new Uint8Array(0), err.text);
      else replyAccount(ctx, res, id, true, handlerData(result.get("ok")), "");
    }
  }
  return endCall(res.toJson());
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  beginCall(envPtr, 0);
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "query");
  let answer = "";
  if (!failed()) answer = queryAccount(name, Fields.of(msg!.items[0], name));
  return endCall(quote(encodeBase64(utf8(answer))));
}

// A Ferry recipient for the endpoint's tests (not for production). Its handler acts on the
// message body, as text:
//   "ok:<text>"    returns <text> as its data          "fail:<text>"  fails with <text>
//   "flaky"        fails while `set_flaky {on:true}`   "big"          returns 2,000 bytes
//   "burn:<n>"     hashes n times (gas)                 "call:<json>"  executes <json> on the endpoint
//   "burn"         hashes as many times as `set_burn {rounds}` says (0 at first)
//   anything else  returns the body
// Its ack handler hashes as many times as `set_ack_burn {rounds}` says (0 at first). It records
// an interchain account router's `ferry_remote_result` callback (failing while flaky).
// It records what it handled (query `{"handled":{}}`), answers the verifier query
// `{"verify":…}` with a settable `valid`, and `forward`s any message as itself, passing on the
// funds it was sent (so that it can pay an endpoint's fee).
import { bytesOf, enterCall } from "../assembly/runtime/region";
import { encodeBase64 } from "../assembly/lib/base64";
import { utf8 } from "../assembly/lib/bytes";
import { clearError, fail, failed, failWithText, errorFields } from "../assembly/lib/fail";
import { Fields, variantOf } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { quote } from "../assembly/lib/jsonWrite";
import { keccak256 } from "../assembly/lib/keccak";
import { storageGet, storageSet } from "../assembly/host/storage";
import { Context, readEnv, readInfo } from "../assembly/host/context";
import { REPLY_NEVER, Response, SubMsg, wasmExecute, wasmExecuteWithFunds } from "../assembly/host/response";
import { endCall } from "../assembly/runtime/call";
import "../assembly/runtime/abort";

export { allocate, deallocate } from "../assembly/runtime/region";
export function interface_version_8(): void {}

function k(name: string): Uint8Array { return utf8("t/" + name); }
function getText(name: string): string {
  const v = storageGet(k(name));
  return v !== null ? String.UTF8.decode(v.buffer) : "";
}
function setText(name: string, value: string): void { storageSet(k(name), utf8(value)); }

function record(entry: string): void {
  const count = getText("count");
  setText("count", (count.length == 0 ? 1 : I32.parseInt(count) + 1).toString());
  setText("last", entry);
}

/** Hashes 32 zero bytes `n` times: a handler that costs gas in proportion to `n`. */
function burn(n: i32): Uint8Array {
  let h = new Uint8Array(32);
  for (let i = 0; i < n; i++) h = keccak256(h);
  return h;
}

function handle(ctx: Context, res: Response, f: Fields): void {
  f.u32("origin"); f.string("sender"); f.string("nonce");
  const body = String.UTF8.decode(f.base64("body").buffer);
  if (!f.finish()) return;
  record(body);
  if (body.startsWith("ok:")) res.data = utf8(body.slice(3));
  else if (body.startsWith("fail:")) failWithText(body.slice(5));
  else if (body == "flaky") { if (getText("flaky") == "on") failWithText("flaky handler failed"); else res.data = utf8("recovered"); }
  else if (body == "big") res.data = new Uint8Array(2000).fill(0x61);
  else if (body.startsWith("burn:")) res.data = burn(I32.parseInt(body.slice(5)));
  else if (body == "burn") {
    const rounds = getText("burn");
    res.data = burn(rounds.length == 0 ? 0 : I32.parseInt(rounds));
  } else if (body.startsWith("call:")) res.messages.push(new SubMsg(0, wasmExecute(ctx.sender, body.slice(5)), -1, REPLY_NEVER));
  else res.data = utf8(body);
}

export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  enterCall(); clearError();
  return endCall(new Response().toJson());
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  enterCall(); clearError();
  const ctx = new Context();
  readEnv(envPtr, ctx);
  readInfo(infoPtr, ctx);
  const res = new Response();
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "execute");
  if (failed()) return endCall("");
  const f = Fields.of(msg!.items[0], name);
  if (name == "ferry_handle") handle(ctx, res, f);
  else if (name == "ferry_handle_ack") {
    const id = f.string("id");
    const status = f.u8("status");
    const result = f.string("result");
    if (f.finish()) {
      record("ack:" + id + ":" + status.toString() + ":" + result);
      const rounds = getText("ack_burn");
      if (rounds.length > 0) burn(I32.parseInt(rounds));
      res.data = utf8("ack handled");
    }
  } else if (name == "ferry_remote_result") {
    // An interchain account router's callback (../ica/router.ts): recorded, failing while flaky.
    const id = f.string("id");
    const ok = f.bool("ok");
    const results = f.string("results");
    if (f.finish()) {
      record("result:" + id + ":" + (ok ? "true" : "false") + ":" + results);
      if (getText("flaky") == "on") failWithText("flaky callback failed");
    }
  } else if (name == "set_flaky") setText("flaky", f.bool("on") ? "on" : "off");
  else if (name == "set_burn") {
    const rounds = f.u32("rounds");
    if (f.finish()) setText("burn", rounds.toString());
  }
  else if (name == "set_ack_burn") {
    const rounds = f.u32("rounds");
    if (f.finish()) setText("ack_burn", rounds.toString());
  }
  else if (name == "set_valid") setText("valid", f.bool("valid") ? "true" : "false");
  else if (name == "forward") {
    const contract = f.string("contract");
    const inner = f.base64("msg");
    if (f.finish()) {
      const json = String.UTF8.decode(inner.buffer);
      // The first coin only: an endpoint takes funds of its one denom.
      const call = ctx.funds.length == 0
        ? wasmExecute(contract, json)
        : wasmExecuteWithFunds(contract, json, ctx.funds[0].denom, ctx.funds[0].amount.toString());
      res.messages.push(new SubMsg(0, call, -1, REPLY_NEVER));
    }
  } else fail("invalid_json", errorFields().str("problem", "unknown message").str("name", name));
  return endCall(res.toJson());
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  enterCall(); clearError();
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "query");
  let answer = "";
  if (name == "handled") {
    const count = getText("count");
    answer = "{\"count\":" + (count.length == 0 ? "0" : count) + ",\"last\":" + quote(getText("last")) + "}";
  } else if (name == "verify") {
    answer = "{\"valid\":" + (getText("valid") == "true" ? "true" : "false") + "}";
  } else fail("invalid_json", errorFields().str("problem", "unknown query").str("name", name));
  return endCall(quote(encodeBase64(utf8(answer))));
}

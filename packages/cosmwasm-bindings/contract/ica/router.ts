// The interchain account router (an `EndpointApp`, ../app/endpointApp.ts): the CosmWasm half of
// Ferry's typed remote calls, the same message format as the EVM InterchainAccountRouter.
//
// Origin side: `call_remote` sends `version 1 | kind | owner | payload` to the peer router on
// `destination`, the owner being the caller (its canonical address, left-padded: users never
// choose it), paying the quoted fee from the funds sent with it (the excess is refunded). With an
// ack requested, the result comes back in the ack: the router stores it (`remote_result`) and, if
// the owner registered for callbacks, calls it with `{"ferry_remote_result":{"id","ok","results"}}`
// as a sub-message that never replies: a failing callback fails the ack handler, so the endpoint
// records the ack Failed, retryable with more gas (ICA §8: a callback failure is never
// swallowed); a Failed ack holds up nothing in its channel (PROTOCOL §7).
//
// Destination side (`handle`, only for the peer router on `origin`, checked by the base):
//   CALL: the payload's CosmosMsgs run through the account of (origin, owner), created by the
//     factory first if needed (instantiate2, factory.ts), atomically; the result is the account's
//     `abi.encode(bytes[] results)`. A failing call fails the handler (`call_failed {index,
//     reason}` from the account), so the endpoint records the message Failed (retryable).
//   READ: the payload's queries run here (no account), the result is `abi.encode(bytes[])` of
//     their answers; a failing query fails the handler with `read_failed {index, reason}`.
//
//   instantiate  {"endpoint","owner"?,"factory":"wasm1…"}
//   execute      {"call_remote":{"destination":u32,"kind":u8,"payload":"b64","gas_limit":u32,
//                 "ack_gas_limit":u32,"deadline":"u64"?}} + funds ≥ the quote, in the endpoint's
//                 denom → data {"id","nonce"}
//                {"register_callbacks":{"enabled":bool}}  (for the sender itself)
//                + the base's messages (set_peer, set_verifier, transfer_ownership, ferry_handle…)
//   query        {"account":{"origin":u32,"owner":"0x…b32"}} → {"address","created"} (the factory's)
//                {"remote_result":{"id":"0x…b32"}} → {"owner":…|null,"status":u8,"result":"b64"}
//                {"callbacks":{"owner":"wasm1…"}} → {"enabled":bool}
//                {"factory":{}} → {"factory"}
//                + the base's (peer, app_config, quote)
//
// Errors: `invalid_body` (length), `unsupported_version` (version), `unknown_kind` (kind),
// `unknown_message_kind` (index, kind), `call_failed` (index, reason), `read_failed` (index,
// reason), `fee_too_low` (required, paid), `wrong_denom` (expected, actual), `invalid_payload`, and the base's.
import { addressToBytes32 } from "../assembly/handlers/addresses";
import { handlerData, MAX_RESULT_LENGTH } from "../assembly/handlers/settle";
import { queryChain, querySmart, validateAddress } from "../assembly/host/api";
import { Context } from "../assembly/host/context";
import { bankSend, REPLY_NEVER, REPLY_SUCCESS, Response, SubMsg, wasmExecute } from "../assembly/host/response";
import { storageGet, storageRemove, storageSet } from "../assembly/host/storage";
import { encodeBytesArray } from "../assembly/lib/abi";
import { encodeBase64 } from "../assembly/lib/base64";
import { concat, toHex, utf8 } from "../assembly/lib/bytes";
import { clearError, errorFields, errorText, fail, failed } from "../assembly/lib/fail";
import { Fields } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { JsonValue, KIND_BOOL, KIND_STRING } from "../assembly/lib/jsonValue";
import { ObjectWriter, variant } from "../assembly/lib/jsonWrite";
import { U256 } from "../assembly/lib/uint";
import { EndpointApp, runExecute, runInstantiate, runQuery, runReply } from "../app/endpointApp";
import { BODY_VERSION, encodeBody, KIND_CALL, KIND_OFFSET, KIND_READ, OWNER_OFFSET, PAYLOAD_OFFSET, payloadItems, queryRequest } from "./common";

export { allocate, deallocate, interface_version_8 } from "../app/endpointApp";

const KEY_FACTORY = "icar/factory";
const KEY_CALL = "icar/call/"; // + id b32 → owner (a call that asked for an ack)
const KEY_RESULT = "icar/result/"; // + id b32 → status u8 | result
const KEY_CALLBACKS = "icar/callbacks/"; // + owner → 1

const REPLY_CALLS: u64 = 1;

const STATUS_EXECUTED: u8 = 1;

function callKey(id: Uint8Array): Uint8Array { return concat([utf8(KEY_CALL), id]); }
function resultKey(id: Uint8Array): Uint8Array { return concat([utf8(KEY_RESULT), id]); }
function callbacksKey(owner: string): Uint8Array { return concat([utf8(KEY_CALLBACKS), utf8(owner)]); }

function factory(): string {
  const value = storageGet(utf8(KEY_FACTORY));
  return value !== null ? String.UTF8.decode(value.buffer) : "";
}

/** Replaces the failure just recorded (a query's) with `code {index, reason}`. */
function failAt(code: string, index: i32): void {
  const reason = errorText();
  clearError();
  fail(code, errorFields().num("index", index).str("reason", reason));
}

/**
 * `results` when they fit a message's result (PROTOCOL §7); otherwise the batch fails with
 * `result_too_large` (ICA §6): results cut at 1,024 bytes would not decode, and failing rolls
 * the batch back, as on EVM.
 */
function checkedResults(results: Uint8Array): Uint8Array {
  if (results.length <= MAX_RESULT_LENGTH) return results;
  fail("result_too_large", errorFields().num("length", results.length).num("max", MAX_RESULT_LENGTH));
  return new Uint8Array(0);
}

class InterchainAccountRouter extends EndpointApp {
  instantiateApp(ctx: Context, res: Response, f: Fields): void {
    const factoryAddress = f.string("factory");
    if (failed() || !validateAddress(factoryAddress)) return;
    storageSet(utf8(KEY_FACTORY), utf8(factoryAddress));
  }

  handle(ctx: Context, res: Response, origin: u32, sender: Uint8Array, nonce: u64, body: Uint8Array): Uint8Array {
    const none = new Uint8Array(0);
    if (body.length < PAYLOAD_OFFSET) { fail("invalid_body", errorFields().num("length", body.length)); return none; }
    if (body[0] != BODY_VERSION) { fail("unsupported_version", errorFields().num("version", body[0])); return none; }
    const kind = body[KIND_OFFSET];
    const owner = body.slice(OWNER_OFFSET, PAYLOAD_OFFSET);
    const payload = body.slice(PAYLOAD_OFFSET);
    if (kind == KIND_CALL) {
      this.call(res, origin, owner, payload);
      return none; // the reply sets the account's results as the data
    }
    if (kind == KIND_READ) return this.read(payload);
    fail("unknown_kind", errorFields().num("kind", kind));
    return none;
  }

  private call(res: Response, origin: u32, owner: Uint8Array, payload: Uint8Array): void {
    const query = variant("account", new ObjectWriter().num("origin", origin).str("owner", toHex(owner)).toString());
    const answer = querySmart(factory(), query);
    if (answer === null) return;
    const account = parseJson(answer);
    const address = account !== null ? account.get("address") : null;
    const created = account !== null ? account.get("created") : null;
    if (address === null || address.kind != KIND_STRING || created === null || created.kind != KIND_BOOL) {
      fail("query_failed", errorFields().str("contract", factory()).str("error", "malformed account answer"));
      return;
    }
    if (!created.flag) res.messages.push(new SubMsg(0, wasmExecute(factory(), variant("create_account", new ObjectWriter()
      .num("origin", origin).str("owner", toHex(owner)).toString())), -1, REPLY_NEVER));
    const run = variant("execute_calls", new ObjectWriter().str("payload", encodeBase64(payload)).toString());
    res.messages.push(new SubMsg(REPLY_CALLS, wasmExecute(address.text, run), -1, REPLY_SUCCESS));
    res.event("ica_calls_received").add("origin", origin.toString()).add("owner", toHex(owner)).add("account", address.text);
  }

  private read(payload: Uint8Array): Uint8Array {
    const none = new Uint8Array(0);
    const items = payloadItems(payload);
    if (items === null) return none;
    const results = new Array<Uint8Array>();
    for (let i = 0; i < items.length; i++) {
      const target = new Array<string>();
      const request = queryRequest(items[i], i, target);
      if (failed()) return none;
      const answer = queryChain(request, target[0]);
      if (answer === null) { failAt("read_failed", i); return none; }
      results.push(answer);
    }
    return checkedResults(encodeBytesArray(results));
  }

  handleAck(ctx: Context, res: Response, originalId: Uint8Array, status: u8, result: Uint8Array): void {
    const ownerBytes = storageGet(callKey(originalId));
    if (ownerBytes === null) return; // not a remote call of this router's
    const owner = String.UTF8.decode(ownerBytes.buffer);
    storageSet(resultKey(originalId), concat([Uint8Array.wrap(new ArrayBuffer(1)).fill(status), result]));
    const ok = status == STATUS_EXECUTED;
    res.event("ica_remote_result").add("id", toHex(originalId)).add("owner", owner).add("ok", ok ? "true" : "false");
    if (storageGet(callbacksKey(owner)) === null) return;
    const callback = variant("ferry_remote_result", new ObjectWriter()
      .str("id", toHex(originalId)).bool("ok", ok).str("results", encodeBase64(result)).toString());
    res.messages.push(new SubMsg(0, wasmExecute(owner, callback), -1, REPLY_NEVER));
  }

  replyApp(ctx: Context, res: Response, id: u64, result: JsonValue): void {
    if (id == REPLY_CALLS) {
      res.data = checkedResults(handlerData(result.get("ok")));
      return;
    }
    super.replyApp(ctx, res, id, result);
  }

  executeApp(ctx: Context, res: Response, name: string, f: Fields): void {
    if (name == "call_remote") { this.callRemote(ctx, res, f); return; }
    if (name == "register_callbacks") {
      const enabled = f.bool("enabled");
      if (!f.finish()) return;
      if (enabled) storageSet(callbacksKey(ctx.sender), new Uint8Array(1));
      else storageRemove(callbacksKey(ctx.sender));
      res.event("ica_callbacks_set").add("owner", ctx.sender).add("enabled", enabled ? "true" : "false");
      return;
    }
    super.executeApp(ctx, res, name, f);
  }

  private callRemote(ctx: Context, res: Response, f: Fields): void {
    const destination = f.u32("destination");
    const kind = f.u8("kind");
    const payload = f.base64("payload");
    const gasLimit = f.u32("gas_limit");
    const ackGasLimit = f.u32("ack_gas_limit");
    const deadlineField = f.take("deadline", true);
    let deadline: u64 = 0;
    if (deadlineField !== null) deadline = f.u64("deadline");
    if (!f.finish()) return;
    if (kind != KIND_CALL && kind != KIND_READ) { fail("unknown_kind", errorFields().num("kind", kind)); return; }
    const owner = addressToBytes32(ctx.sender);
    if (failed()) return;
    const body = encodeBody(kind, owner, payload);
    const fee = this.quote(destination, body.length, gasLimit, ackGasLimit);
    if (failed()) return;
    const denom = this.denom();
    let paid = new U256();
    for (let i = 0; i < ctx.funds.length; i++) {
      if (ctx.funds[i].denom != denom) { fail("wrong_denom", errorFields().str("expected", denom).str("actual", ctx.funds[i].denom)); return; }
      const sum = paid.add(ctx.funds[i].amount);
      if (sum === null) { fail("fee_overflow", errorFields().str("of", "funds")); return; }
      paid = sum;
    }
    if (paid.cmp(fee) < 0) { fail("fee_too_low", errorFields().dec("required", fee.toString()).dec("paid", paid.toString())); return; }
    const sent = this.send(ctx, res, destination, body, gasLimit, ackGasLimit, deadline, fee);
    if (failed()) return;
    if (paid.cmp(fee) > 0) res.messages.push(new SubMsg(0, bankSend(ctx.sender, denom, paid.sub(fee).toString()), -1, REPLY_NEVER));
    if (ackGasLimit > 0) storageSet(callKey(sent.id), utf8(ctx.sender));
    res.event("ica_remote_call_sent").add("id", toHex(sent.id)).add("nonce", sent.nonce.toString())
      .add("destination", destination.toString()).add("owner", ctx.sender).add("kind", kind.toString());
    res.data = utf8(new ObjectWriter().str("id", toHex(sent.id)).dec("nonce", sent.nonce.toString()).toString());
  }

  queryApp(ctx: Context, name: string, f: Fields): string {
    if (name == "account") {
      const origin = f.u32("origin");
      const owner = f.hex("owner", 32);
      if (!f.finish()) return "";
      const answer = querySmart(factory(), variant("account", new ObjectWriter().num("origin", origin).str("owner", toHex(owner)).toString()));
      return answer !== null ? String.UTF8.decode(answer.buffer) : "";
    }
    if (name == "remote_result") {
      const id = f.hex("id", 32);
      if (!f.finish()) return "";
      const owner = storageGet(callKey(id));
      const stored = storageGet(resultKey(id));
      return new ObjectWriter()
        .nullableStr("owner", owner !== null ? String.UTF8.decode(owner.buffer) : null)
        .num("status", stored !== null ? stored[0] : 0)
        .str("result", stored !== null ? encodeBase64(stored.slice(1)) : "")
        .toString();
    }
    if (name == "callbacks") {
      const owner = f.string("owner");
      if (!f.finish()) return "";
      return new ObjectWriter().bool("enabled", storageGet(callbacksKey(owner)) !== null).toString();
    }
    if (name == "factory") {
      if (!f.finish()) return "";
      return new ObjectWriter().str("factory", factory()).toString();
    }
    return super.queryApp(ctx, name, f);
  }
}

// No top-level `new`: the heap is reset between calls.
export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runInstantiate(new InterchainAccountRouter(), envPtr, infoPtr, msgPtr);
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runExecute(new InterchainAccountRouter(), envPtr, infoPtr, msgPtr);
}

export function reply(envPtr: u32, msgPtr: u32): u32 {
  return runReply(new InterchainAccountRouter(), envPtr, msgPtr);
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  return runQuery(new InterchainAccountRouter(), envPtr, msgPtr);
}

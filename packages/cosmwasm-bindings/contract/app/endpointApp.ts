// `EndpointApp`: the base of a Ferry app written in AssemblyScript for CosmWasm, the twin of the
// Solidity `EndpointApp` (packages/evm-contracts/contracts/app/EndpointApp.sol). It owns the
// app's entry points and does the checks; an app extends the class and overrides its hooks:
//
//   handle(ctx, res, origin, sender, nonce, body) → result   a message from the peer on `origin`
//   handleAck(ctx, res, originalId, status, result)           the ack of a message this app sent
//   instantiateApp / executeApp / queryApp                    the app's own fields and messages
//   replyApp(ctx, res, id, result)                            replies to the app's own
//                                                             sub-messages (export `reply`
//                                                             calling `runReply`)
//
// and calls `quote` and `send` to message its peers. The base handles (INTERFACE.md §Recipients):
//
//   instantiate  {"endpoint":"wasm1…","owner":"wasm1…"?, …app fields}   (owner: default sender)
//   execute      {"ferry_handle":{…}}, {"ferry_handle_ack":{…}}        only from the endpoint
//                {"set_peer":{"domain":u32,"peer":"0x…b32"|null}}       owner
//                {"set_verifier":{"origin":u32,"verifier":"wasm1…"|null}} owner (the endpoint's
//                                                                      set_app_verifier)
//                {"transfer_ownership":{"new_owner":"wasm1…"}}          owner
//   query        {"peer":{"domain":u32}} → {"peer":"0x…"|null}
//                {"app_config":{}} → {"endpoint","owner","local_domain","denom"}
//                {"quote":{"destination","body_length","gas_limit","ack_gas_limit"}} → the endpoint's
//
// A message is handled only when the endpoint calls and its sender is the peer set for its
// origin. An ack carries no origin or sender on CosmWasm (PROTOCOL §10), so it is checked to come
// from the endpoint: the endpoint only acks messages this app sent, and `send` only sends to
// peers. The app's entry file exports the VM interface and calls the `run*` functions:
//
//   export { allocate, deallocate, interface_version_8 } from "../app/endpointApp";
//   export function instantiate(env: u32, info: u32, msg: u32): u32 { return runInstantiate(new MyApp(), env, info, msg); }
//   (execute, query likewise; no top-level `new`: the heap is reset between calls)
//
// Errors follow the endpoint's `{"ferry_error":{"code":…,…}}`: `not_endpoint` (`sender`),
// `not_peer` (`origin`, `sender`), `no_peer` (`domain`), `unauthorized` (`sender`, `role`),
// `insufficient_balance` (`fee`, `balance`), `invalid_json`, `query_failed`.
import { channelKey, encodeMessage, FLAG_ACK_REQUESTED } from "../assembly/codec/message";
import { addressToBytes32 } from "../assembly/handlers/addresses";
import { queryBalance, querySmart, validateAddress } from "../assembly/host/api";
import { Context } from "../assembly/host/context";
import { REPLY_NEVER, Response, SubMsg, wasmExecuteWithFunds } from "../assembly/host/response";
import { storageGet, storageRemove, storageSet } from "../assembly/host/storage";
import { encodeBase64 } from "../assembly/lib/base64";
import { concat, fromHex, isZero, readU32, toHex, u32Bytes, utf8 } from "../assembly/lib/bytes";
import { fail, errorFields, failed } from "../assembly/lib/fail";
import { Fields, variantOf } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { JsonValue, KIND_OBJECT, KIND_STRING } from "../assembly/lib/jsonValue";
import { ObjectWriter, quote, variant } from "../assembly/lib/jsonWrite";
import { keccak256 } from "../assembly/lib/keccak";
import { parseDecimal, U256 } from "../assembly/lib/uint";
import { bytesOf } from "../assembly/runtime/region";
// The VM's `abort` (selected by --use abort=…) must be part of every program.
import { beginCall, endCall } from "../assembly/runtime/call";
import "../assembly/runtime/abort";

export { allocate, deallocate } from "../assembly/runtime/region";

/** The CosmWasm VM interface every app implements. */
export function interface_version_8(): void {}

// Storage: the base's keys start "ferry-app/"; an app's own keys must not.
const KEY_ENDPOINT = "ferry-app/endpoint";
const KEY_OWNER = "ferry-app/owner";
const KEY_DOMAIN = "ferry-app/domain";
const KEY_DENOM = "ferry-app/denom";
const KEY_PEER = "ferry-app/peer/"; // + domain u32 → peer b32

function getText(name: string): string {
  const value = storageGet(utf8(name));
  return value !== null ? String.UTF8.decode(value.buffer) : "";
}

function peerKey(domain: u32): Uint8Array {
  return concat([utf8(KEY_PEER), u32Bytes(domain)]);
}

/** What `send` sent: the id and nonce the endpoint gives the message. */
export class Sent {
  constructor(public id: Uint8Array, public nonce: u64) {}
}

export class EndpointApp {
  /** Nonces taken by `send` in this call, per channel (the sub-messages run after it). */
  private taken: Map<string, u64> = new Map<string, u64>();

  // ------------------------------------------------------------------ hooks (override these)

  /** Reads the app's own instantiate fields (the base read `endpoint` and `owner`). */
  instantiateApp(ctx: Context, res: Response, f: Fields): void {}

  /**
   * Handles a message from the peer on `origin`. Returns the message's result (its ack's result,
   * at most 1,024 bytes kept); fail (lib/fail.ts) to make the message Failed.
   */
  handle(ctx: Context, res: Response, origin: u32, sender: Uint8Array, nonce: u64, body: Uint8Array): Uint8Array {
    fail("not_implemented", errorFields().str("handler", "handle"));
    return new Uint8Array(0);
  }

  /** Handles the ack of a message this app sent with an ack request. */
  handleAck(ctx: Context, res: Response, originalId: Uint8Array, status: u8, result: Uint8Array): void {}

  /** The app's own execute messages. */
  executeApp(ctx: Context, res: Response, name: string, f: Fields): void {
    fail("invalid_json", errorFields().str("problem", "unknown message").str("name", name));
  }

  /**
   * Replies to the app's own sub-messages (sent with `reply_on` other than never): `result` is
   * the reply's `{"ok":SubMsgResponse}` or `{"error":"…"}`; `handlerData(result.get("ok"))`
   * (../assembly/handlers/settle.ts) reads a wasm execute's data. An app with replies exports
   * `reply` calling `runReply`.
   */
  replyApp(ctx: Context, res: Response, id: u64, result: JsonValue): void {
    fail("unknown_reply", errorFields().dec("reply_id", id.toString()));
  }

  /** The app's own queries: the answer's JSON, or "" after a failure. */
  queryApp(ctx: Context, name: string, f: Fields): string {
    fail("invalid_json", errorFields().str("problem", "unknown query").str("name", name));
    return "";
  }

  // ------------------------------------------------------------------ state

  endpoint(): string { return getText(KEY_ENDPOINT); }
  owner(): string { return getText(KEY_OWNER); }
  /** The endpoint's domain, read from it at instantiation. */
  localDomain(): u32 {
    const value = storageGet(utf8(KEY_DOMAIN));
    return value !== null ? readU32(value, 0) : 0;
  }
  /** The endpoint's fee denom, read from it at instantiation. */
  denom(): string { return getText(KEY_DENOM); }

  /** The peer app on `domain`, or null. */
  peer(domain: u32): Uint8Array | null {
    return storageGet(peerKey(domain));
  }

  /** The peer app on `domain`; fails with `no_peer` when there is none. */
  requirePeer(domain: u32): Uint8Array | null {
    const peer = this.peer(domain);
    if (peer === null) fail("no_peer", errorFields().num("domain", domain));
    return peer;
  }

  // ------------------------------------------------------------------ sending

  /** The endpoint's fee for a message to `destination` (a smart query); zero after a failure. */
  quote(destination: u32, bodyLength: u32, gasLimit: u32, ackGasLimit: u32): U256 {
    const query = variant("quote", new ObjectWriter()
      .num("destination", destination).num("body_length", bodyLength)
      .num("gas_limit", gasLimit).num("ack_gas_limit", ackGasLimit).toString());
    const answer = querySmart(this.endpoint(), query);
    if (answer === null) return new U256();
    const f = Fields.of(parseJson(answer), "quote answer");
    const fee = f.u128("fee");
    f.string("denom");
    if (!f.finish()) return new U256();
    return fee;
  }

  /**
   * Sends `body` to the peer on `destination` through the endpoint's `send`, paying `fee` (in the
   * endpoint's denom) from this contract's balance; the endpoint refunds any excess to this
   * contract. `ackGasLimit` > 0 asks for an ack; `deadline` 0 is none. Returns the id and nonce
   * the message will have (the endpoint sends it once this call's response is executed), or a
   * zero Sent after a failure (`no_peer`, `insufficient_balance`).
   */
  send(ctx: Context, res: Response, destination: u32, body: Uint8Array, gasLimit: u32, ackGasLimit: u32, deadline: u64, fee: U256): Sent {
    const none = new Sent(new Uint8Array(32), 0);
    const peer = this.requirePeer(destination);
    if (peer === null) return none;
    const denom = this.denom();
    if (!fee.isZero()) {
      const balance = queryBalance(ctx.contract, denom);
      if (balance === null) return none;
      if (balance.cmp(fee) < 0) {
        fail("insufficient_balance", errorFields().dec("fee", fee.toString()).dec("balance", balance.toString()));
        return none;
      }
    }
    // The nonce and id the endpoint will give it (PROTOCOL §3–4): its channel's next nonce,
    // counting this call's earlier sends on the channel, which run first.
    const local = this.localDomain();
    const self = addressToBytes32(ctx.contract);
    const channel = channelKey(local, self, destination, peer, 0);
    const channelHex = toHex(channel);
    let nonce: u64 = this.taken.has(channelHex) ? this.taken.get(channelHex) : this.outboundNonce(channel);
    if (failed()) return none;
    nonce += 1;
    this.taken.set(channelHex, nonce);
    const flags: u8 = ackGasLimit == 0 ? 0 : FLAG_ACK_REQUESTED;
    const id = keccak256(encodeMessage(flags, local, self, destination, peer, nonce, deadline, gasLimit, ackGasLimit, body));

    const msg = variant("send", new ObjectWriter()
      .num("destination", destination).str("recipient", toHex(peer)).str("body", encodeBase64(body))
      .num("gas_limit", gasLimit).num("ack_gas_limit", ackGasLimit).dec("deadline", deadline.toString())
      .toString());
    res.messages.push(new SubMsg(0, wasmExecuteWithFunds(this.endpoint(), msg, denom, fee.isZero() ? "" : fee.toString()), -1, REPLY_NEVER));
    return new Sent(id, nonce);
  }

  private outboundNonce(channel: Uint8Array): u64 {
    const answer = querySmart(this.endpoint(), variant("outbound_nonce", new ObjectWriter().str("channel", toHex(channel)).toString()));
    if (answer === null) return 0;
    const f = Fields.of(parseJson(answer), "outbound_nonce answer");
    const nonce = f.u64("nonce");
    f.finish();
    return nonce;
  }

  // ------------------------------------------------------------------ the base's messages

  onlyOwner(ctx: Context): bool {
    if (ctx.sender != this.owner()) return fail("unauthorized", errorFields().str("sender", ctx.sender).str("role", "owner"));
    return true;
  }

  onlyEndpoint(ctx: Context): bool {
    if (ctx.sender != this.endpoint()) return fail("not_endpoint", errorFields().str("sender", ctx.sender));
    return true;
  }

  runInstantiate(ctx: Context, res: Response, f: Fields): void {
    const endpoint = f.string("endpoint");
    const ownerField = f.take("owner", true);
    let owner = ctx.sender;
    if (ownerField !== null) {
      if (ownerField.kind == KIND_STRING) owner = ownerField.text;
      else f.wrong("owner", "expected string");
    }
    if (failed() || !validateAddress(endpoint) || !validateAddress(owner)) return;
    storageSet(utf8(KEY_ENDPOINT), utf8(endpoint));
    storageSet(utf8(KEY_OWNER), utf8(owner));
    // The endpoint's domain and denom: `send` needs them, and a wrong address fails here.
    const answer = querySmart(endpoint, "{\"config\":{}}");
    if (answer === null) return;
    const config = parseJson(answer);
    const domain = config !== null ? config.get("local_domain") : null;
    const denom = config !== null ? config.get("denom") : null;
    const parsed = domain !== null ? parseDecimal(domain.text, 32) : null;
    if (parsed === null || denom === null) { fail("query_failed", errorFields().str("contract", endpoint).str("error", "not a Ferry endpoint")); return; }
    storageSet(utf8(KEY_DOMAIN), u32Bytes(<u32>parsed.low64()));
    storageSet(utf8(KEY_DENOM), utf8(denom.text));
    this.instantiateApp(ctx, res, f);
    f.finish();
    res.event("ferry_app_instantiated").add("endpoint", endpoint).add("owner", owner);
  }

  runExecute(ctx: Context, res: Response, name: string, f: Fields): void {
    if (name == "ferry_handle") {
      const origin = f.u32("origin");
      const sender = f.hex("sender", 32);
      const nonce = f.u64("nonce");
      const body = f.base64("body");
      if (!f.finish() || !this.onlyEndpoint(ctx)) return;
      const peer = this.peer(origin);
      if (peer === null || isZero(sender) || toHex(peer) != toHex(sender)) {
        fail("not_peer", errorFields().num("origin", origin).str("sender", toHex(sender)));
        return;
      }
      const result = this.handle(ctx, res, origin, sender, nonce, body);
      if (!failed()) res.data = result;
    } else if (name == "ferry_handle_ack") {
      const id = f.hex("id", 32);
      const status = f.u8("status");
      const result = f.base64("result");
      if (!f.finish() || !this.onlyEndpoint(ctx)) return;
      this.handleAck(ctx, res, id, status, result);
    } else if (name == "set_peer") {
      const domain = f.u32("domain");
      const text = f.nullableString("peer");
      if (!f.finish() || !this.onlyOwner(ctx)) return;
      const peer = text !== null ? fromHex(text, 32) : new Uint8Array(32);
      if (peer === null) { f.wrong("peer", "expected 0x and 64 hex digits or null"); return; }
      if (isZero(peer)) storageRemove(peerKey(domain));
      else storageSet(peerKey(domain), peer);
      res.event("ferry_app_peer_set").add("domain", domain.toString()).add("peer", toHex(peer));
    } else if (name == "set_verifier") {
      const origin = f.u32("origin");
      const verifier = f.nullableString("verifier");
      if (!f.finish() || !this.onlyOwner(ctx)) return;
      const msg = variant("set_app_verifier", new ObjectWriter()
        .num("origin", origin).nullableStr("verifier", verifier).toString());
      res.messages.push(new SubMsg(0, wasmExecuteWithFunds(this.endpoint(), msg, "", ""), -1, REPLY_NEVER));
    } else if (name == "transfer_ownership") {
      const newOwner = f.string("new_owner");
      if (!f.finish() || !this.onlyOwner(ctx) || !validateAddress(newOwner)) return;
      storageSet(utf8(KEY_OWNER), utf8(newOwner));
      res.event("ferry_app_owner_set").add("owner", newOwner);
    } else {
      this.executeApp(ctx, res, name, f);
    }
  }

  runQuery(ctx: Context, name: string, f: Fields): string {
    if (name == "peer") {
      const domain = f.u32("domain");
      if (!f.finish()) return "";
      const peer = this.peer(domain);
      return new ObjectWriter().nullableStr("peer", peer !== null ? toHex(peer) : null).toString();
    }
    if (name == "app_config") {
      if (!f.finish()) return "";
      return new ObjectWriter().str("endpoint", this.endpoint()).str("owner", this.owner())
        .num("local_domain", this.localDomain()).str("denom", this.denom()).toString();
    }
    if (name == "quote") {
      const destination = f.u32("destination");
      const bodyLength = f.u32("body_length");
      const gasLimit = f.u32("gas_limit");
      const ackGasLimit = f.u32("ack_gas_limit");
      if (!f.finish()) return "";
      const fee = this.quote(destination, bodyLength, gasLimit, ackGasLimit);
      return new ObjectWriter().dec("fee", fee.toString()).str("denom", this.denom()).toString();
    }
    return this.queryApp(ctx, name, f);
  }
}

// ------------------------------------------------------------------ entry points

/** The `instantiate` entry point of `app`. */
export function runInstantiate(app: EndpointApp, envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, infoPtr);
  const res = new Response();
  if (!failed()) app.runInstantiate(ctx, res, Fields.of(parseJson(bytesOf(msgPtr)), "instantiate"));
  return endCall(res.toJson());
}

/** The `execute` entry point of `app`. */
export function runExecute(app: EndpointApp, envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, infoPtr);
  const res = new Response();
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "execute");
  if (!failed()) app.runExecute(ctx, res, name, Fields.of(msg!.items[0], name));
  return endCall(res.toJson());
}

/** The `query` entry point of `app`. */
export function runQuery(app: EndpointApp, envPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, 0);
  const msg = parseJson(bytesOf(msgPtr));
  const name = variantOf(msg, "query");
  let answer = "";
  if (!failed()) answer = app.runQuery(ctx, name, Fields.of(msg!.items[0], name));
  return endCall(quote(encodeBase64(utf8(answer))));
}

/** The `reply` entry point of `app` (for apps that send sub-messages with replies). */
export function runReply(app: EndpointApp, envPtr: u32, msgPtr: u32): u32 {
  const ctx = beginCall(envPtr, 0);
  const res = new Response();
  const msg = Fields.of(parseJson(bytesOf(msgPtr)), "reply");
  const id = msg.uint("id", u64.MAX_VALUE);
  const result = msg.take("result");
  if (!failed()) {
    if (result === null || result.kind != KIND_OBJECT) fail("invalid_reply", errorFields().str("problem", "no result"));
    else app.replyApp(ctx, res, id, result);
  }
  return endCall(res.toJson());
}

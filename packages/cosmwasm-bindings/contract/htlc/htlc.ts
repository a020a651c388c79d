// The hash time-locked contract (an `EndpointApp`, ../app/endpointApp.ts): the CosmWasm HTLC of
// spec/apps/htlc.md, native denoms, the same rules, ids and claim body as the EVM HashedTimelock
// (packages/evm-contracts/contracts/htlc/HashedTimelock.sol).
//
//   instantiate  {"endpoint","owner"?}
//   execute      {"lock":{"recipient":"wasm1…","hashlock":"0x…b32","timelock":"u64","denom","amount":"u128",
//                 "relay":{"domain":u32,"gas_limit":u32,"peer_lock_id":"0x…b32"}?}} + funds: `amount` of
//                 `denom`, plus the relay fee in the endpoint's denom → data {"id"}
//                {"claim":{"id":"0x…b32","preimage":"0x…"}}   anyone; pays the recipient (HTLC §6)
//                {"refund":{"id":"0x…b32"}}                    anyone; pays the locker back
//                {"withdraw_fee_credit":{}}                    the sender's unspent relay fees
//                + the base's messages (set_peer, set_verifier, transfer_ownership, ferry_handle…)
//   query        {"lock":{"id"}} → {"state":u8,"locker","recipient","denom","amount","hashlock","timelock","relayed"}
//                {"relay":{"id"}} → {"domain","gas_limit","peer_lock_id","fee"} | {"relay":null}
//                {"nonce_of":{"locker"}} → {"nonce"}      {"fee_credit_of":{"account"}} → {"amount"}
//                {"lock_id_of":{"locker","recipient","hashlock","timelock","denom","amount","nonce"}} → {"id"}
//                + the base's (peer, app_config, quote)
//
// A claim by hand of a lock that prepaid a relay sends the preimage to the peer lock (HTLC §5) as
// a sub-message replying always: if the endpoint refuses, the reply credits the fee back and the
// claim stands (a failed claim would publish the preimage in a failed transaction while the
// claimer got nothing). Running out of gas aborts the whole transaction on CosmWasm, so no
// claimer can starve the send and keep the claim.
//
// Errors: `zero_amount`, `timelock_in_past` (timelock, now), `wrong_funds` (denom, expected, paid),
// `invalid_relay`, `unknown_lock` (id), `not_open` (id, state), `preimage_length` (length),
// `wrong_preimage` (id, hash), `expired` (id, timelock, now), `not_expired` (id, timelock, now),
// `no_credit` (account), and the base's.
import { addressToBytes32 } from "../assembly/handlers/addresses";
import { validateAddress } from "../assembly/host/api";
import { Context } from "../assembly/host/context";
import { bankSend, REPLY_ALWAYS, REPLY_NEVER, Response, SubMsg } from "../assembly/host/response";
import { storageGet, storageRemove, storageSet } from "../assembly/host/storage";
import { concat, equal, fromHex, isZero, readU64, toHex, u32Bytes, u64Bytes, utf8 } from "../assembly/lib/bytes";
import { clearError, errorFields, fail, failed } from "../assembly/lib/fail";
import { Fields } from "../assembly/lib/jsonFields";
import { parseJson } from "../assembly/lib/jsonParse";
import { JsonValue } from "../assembly/lib/jsonValue";
import { ObjectWriter } from "../assembly/lib/jsonWrite";
import { keccak256 } from "../assembly/lib/keccak";
import { sha256 } from "../assembly/lib/sha256";
import { U256 } from "../assembly/lib/uint";
import { EndpointApp, runExecute, runInstantiate, runQuery, runReply } from "../app/endpointApp";

export { allocate, deallocate, interface_version_8 } from "../app/endpointApp";

// The claim body (HTLC §4).
const BODY_VERSION: u8 = 1;
const BODY_LENGTH: i32 = 65;
const PREIMAGE_LENGTH: i32 = 32;

// Lock states and handler outcomes (HTLC §6).
const STATE_NONE: u8 = 0;
const STATE_OPEN: u8 = 1;
const STATE_CLAIMED: u8 = 2;
const STATE_REFUNDED: u8 = 3;
const OUTCOME_CLAIMED: u8 = 0;
const OUTCOME_UNKNOWN_LOCK: u8 = 1;
const OUTCOME_NOT_OPEN: u8 = 2;
const OUTCOME_EXPIRED: u8 = 3;
const OUTCOME_WRONG_PREIMAGE: u8 = 4;
const OUTCOME_MALFORMED_BODY: u8 = 5;

const REPLY_RELAY: u64 = 1;

const KEY_LOCK = "htlc/lock/"; // + id → the lock's JSON
const KEY_RELAY = "htlc/relay/"; // + id → the relay's JSON
const KEY_NONCE = "htlc/nonce/"; // + locker → u64
const KEY_CREDIT = "htlc/credit/"; // + account → u128 (16 bytes)
const KEY_PENDING = "htlc/pending"; // the relay in flight in this transaction, for its reply

function key(prefix: string, suffix: Uint8Array): Uint8Array {
  return concat([utf8(prefix), suffix]);
}

class Lock {
  state: u8 = STATE_NONE;
  locker: string = "";
  recipient: string = "";
  denom: string = "";
  amount: U256 = new U256();
  hashlock: Uint8Array = new Uint8Array(32);
  timelock: u64 = 0;
  relayed: bool = false;

  static load(id: Uint8Array): Lock {
    const lock = new Lock();
    const stored = storageGet(key(KEY_LOCK, id));
    if (stored === null) return lock;
    const f = Fields.of(parseJson(stored), "stored lock");
    lock.state = f.u8("state");
    lock.locker = f.string("locker");
    lock.recipient = f.string("recipient");
    lock.denom = f.string("denom");
    lock.amount = f.u128("amount");
    lock.hashlock = f.hex("hashlock", 32);
    lock.timelock = f.u64("timelock");
    lock.relayed = f.bool("relayed");
    f.finish();
    return lock;
  }

  save(id: Uint8Array): void {
    storageSet(key(KEY_LOCK, id), utf8(this.toJson()));
  }

  toJson(): string {
    return new ObjectWriter().num("state", this.state).str("locker", this.locker).str("recipient", this.recipient)
      .str("denom", this.denom).dec("amount", this.amount.toString()).str("hashlock", toHex(this.hashlock))
      .dec("timelock", this.timelock.toString()).bool("relayed", this.relayed).toString();
  }
}

class Relay {
  constructor(public domain: u32, public gasLimit: u32, public peerLockId: Uint8Array, public fee: U256) {}

  static read(f: Fields): Relay {
    return new Relay(f.u32("domain"), f.u32("gas_limit"), f.hex("peer_lock_id", 32), f.u128("fee"));
  }

  toJson(): string {
    return new ObjectWriter().num("domain", this.domain).num("gas_limit", this.gasLimit)
      .str("peer_lock_id", toHex(this.peerLockId)).dec("fee", this.fee.toString()).toString();
  }
}

/** Lock `id`'s relay, removed from storage (the lock said it has one). */
function takeRelay(id: Uint8Array): Relay {
  const stored = storageGet(key(KEY_RELAY, id));
  storageRemove(key(KEY_RELAY, id));
  const f = Fields.of(stored !== null ? parseJson(stored) : null, "stored relay");
  const relay = Relay.read(f);
  f.finish();
  return relay;
}

function nonceOf(locker: string): u64 {
  const value = storageGet(key(KEY_NONCE, utf8(locker)));
  return value !== null ? readU64(value, 0) : 0;
}

function creditOf(account: string): U256 {
  const value = storageGet(key(KEY_CREDIT, utf8(account)));
  return value !== null ? U256.fromBytes16(value, 0) : new U256();
}

function credit(res: Response, account: string, amount: U256): void {
  if (amount.isZero()) return;
  const total = creditOf(account).add(amount);
  if (total === null) { fail("credit_overflow", errorFields().str("account", account)); return; }
  storageSet(key(KEY_CREDIT, utf8(account)), total.toBytes16());
  res.event("htlc_fee_credited").add("account", account).add("amount", amount.toString());
}

/** A lock's id (HTLC §2): the token is keccak256 of the denom, the amount 32 bytes. */
function lockId(domain: u32, htlc: string, locker: string, recipient: string, hashlock: Uint8Array,
  timelock: u64, denom: string, amount: U256, nonce: u64): Uint8Array {
  return keccak256(concat([
    u32Bytes(domain), addressToBytes32(htlc), addressToBytes32(locker), addressToBytes32(recipient), hashlock,
    u64Bytes(timelock), keccak256(utf8(denom)), new Uint8Array(16), amount.toBytes16(), u64Bytes(nonce),
  ]));
}

/** Why `preimage` does not claim `lock` now, or OUTCOME_CLAIMED (HTLC §6, in that order). */
function check(lock: Lock, preimage: Uint8Array, now: u64): u8 {
  if (lock.state == STATE_NONE) return OUTCOME_UNKNOWN_LOCK;
  if (lock.state != STATE_OPEN) return OUTCOME_NOT_OPEN;
  if (now >= lock.timelock) return OUTCOME_EXPIRED;
  if (!equal(sha256(preimage), lock.hashlock)) return OUTCOME_WRONG_PREIMAGE;
  return OUTCOME_CLAIMED;
}

/** What `funds` hold of `denom`; other denoms than `allowed` (one or two) fail `wrong_funds`. */
function paidIn(ctx: Context, denom: string, allowed: string, other: string): U256 {
  let paid = new U256();
  for (let i = 0; i < ctx.funds.length; i++) {
    const coin = ctx.funds[i];
    if (coin.denom != allowed && coin.denom != other) {
      fail("wrong_funds", errorFields().str("denom", coin.denom).dec("expected", "0").dec("paid", coin.amount.toString()));
      return paid;
    }
    if (coin.denom != denom) continue;
    const sum = paid.add(coin.amount);
    if (sum === null) { fail("wrong_funds", errorFields().str("denom", denom).str("problem", "overflow")); return paid; }
    paid = sum;
  }
  return paid;
}

class HashedTimelock extends EndpointApp {
  executeApp(ctx: Context, res: Response, name: string, f: Fields): void {
    if (name == "lock") { this.lock(ctx, res, f); return; }
    if (name == "claim") {
      const id = f.hex("id", 32);
      const text = f.string("preimage");
      if (!f.finish()) return;
      const preimage = text.length >= 2 && text.length % 2 == 0 ? fromHex(text, (text.length - 2) / 2) : null;
      if (preimage === null) { f.wrong("preimage", "expected 0x and hex digits"); return; }
      this.claim(ctx, res, id, preimage);
      return;
    }
    if (name == "refund") {
      const id = f.hex("id", 32);
      if (!f.finish()) return;
      this.refund(ctx, res, id);
      return;
    }
    if (name == "withdraw_fee_credit") {
      if (!f.finish()) return;
      const amount = creditOf(ctx.sender);
      if (amount.isZero()) { fail("no_credit", errorFields().str("account", ctx.sender)); return; }
      storageRemove(key(KEY_CREDIT, utf8(ctx.sender)));
      res.messages.push(new SubMsg(0, bankSend(ctx.sender, this.denom(), amount.toString()), -1, REPLY_NEVER));
      res.event("htlc_fee_credit_withdrawn").add("account", ctx.sender).add("amount", amount.toString());
      return;
    }
    super.executeApp(ctx, res, name, f);
  }

  private lock(ctx: Context, res: Response, f: Fields): void {
    const recipient = f.string("recipient");
    const hashlock = f.hex("hashlock", 32);
    const timelock = f.u64("timelock");
    const denom = f.string("denom");
    const amount = f.u128("amount");
    const relayField = f.take("relay", true);
    let relay: Relay | null = null;
    if (relayField !== null) {
      const r = Fields.of(relayField, "relay");
      relay = new Relay(r.u32("domain"), r.u32("gas_limit"), r.hex("peer_lock_id", 32), new U256());
      r.finish();
    }
    if (!f.finish() || !validateAddress(recipient)) return;
    if (amount.isZero()) { fail("zero_amount"); return; }
    if (timelock <= ctx.time) {
      fail("timelock_in_past", errorFields().dec("timelock", timelock.toString()).dec("now", ctx.time.toString()));
      return;
    }
    // Funds: exactly `amount` of `denom`, plus (with a relay) the fee in the endpoint's denom.
    const feeDenom = this.denom();
    const paid = paidIn(ctx, denom, denom, relay !== null ? feeDenom : denom);
    if (failed()) return;
    let locked = paid;
    if (relay !== null) {
      if (isZero(relay.peerLockId) || relay.gasLimit == 0) { fail("invalid_relay"); return; }
      if (denom == feeDenom) {
        if (paid.cmp(amount) < 0) { this.wrongFunds(denom, amount, paid); return; }
        relay.fee = paid.sub(amount);
        locked = amount;
      } else {
        relay.fee = paidIn(ctx, feeDenom, denom, feeDenom);
      }
    }
    if (locked.cmp(amount) != 0) { this.wrongFunds(denom, amount, locked); return; }

    const nonce = nonceOf(ctx.sender);
    storageSet(key(KEY_NONCE, utf8(ctx.sender)), u64Bytes(nonce + 1));
    const id = lockId(this.localDomain(), ctx.contract, ctx.sender, recipient, hashlock, timelock, denom, amount, nonce);
    if (failed()) return;
    const lock = new Lock();
    lock.state = STATE_OPEN;
    lock.locker = ctx.sender;
    lock.recipient = recipient;
    lock.denom = denom;
    lock.amount = amount;
    lock.hashlock = hashlock;
    lock.timelock = timelock;
    lock.relayed = relay !== null;
    lock.save(id);
    res.event("htlc_locked").add("id", toHex(id)).add("hashlock", toHex(hashlock)).add("recipient", recipient)
      .add("locker", ctx.sender).add("token", denom).add("amount", amount.toString())
      .add("timelock", timelock.toString()).add("nonce", nonce.toString());
    if (relay !== null) {
      storageSet(key(KEY_RELAY, id), utf8(relay.toJson()));
      res.event("htlc_relay_prepaid").add("id", toHex(id)).add("domain", relay.domain.toString())
        .add("peer_lock_id", toHex(relay.peerLockId)).add("gas_limit", relay.gasLimit.toString())
        .add("fee", relay.fee.toString());
    }
    res.data = utf8(new ObjectWriter().str("id", toHex(id)).toString());
  }

  private wrongFunds(denom: string, expected: U256, paid: U256): void {
    fail("wrong_funds", errorFields().str("denom", denom).dec("expected", expected.toString()).dec("paid", paid.toString()));
  }

  private claim(ctx: Context, res: Response, id: Uint8Array, preimage: Uint8Array): void {
    if (preimage.length != PREIMAGE_LENGTH) { fail("preimage_length", errorFields().num("length", preimage.length)); return; }
    const lock = Lock.load(id);
    if (failed()) return;
    const outcome = check(lock, preimage, ctx.time);
    const idHex = toHex(id);
    if (outcome == OUTCOME_UNKNOWN_LOCK) { fail("unknown_lock", errorFields().str("id", idHex)); return; }
    if (outcome == OUTCOME_NOT_OPEN) { fail("not_open", errorFields().str("id", idHex).num("state", lock.state)); return; }
    if (outcome == OUTCOME_EXPIRED) {
      fail("expired", errorFields().str("id", idHex).dec("timelock", lock.timelock.toString()).dec("now", ctx.time.toString()));
      return;
    }
    if (outcome == OUTCOME_WRONG_PREIMAGE) { fail("wrong_preimage", errorFields().str("id", idHex).str("hash", toHex(sha256(preimage)))); return; }
    this.release(ctx, res, id, lock, preimage);
    if (lock.relayed) this.relay(ctx, res, id, lock.locker, takeRelay(id), preimage);
  }

  /** Marks the lock claimed and pays its recipient. */
  private release(ctx: Context, res: Response, id: Uint8Array, lock: Lock, preimage: Uint8Array): void {
    lock.state = STATE_CLAIMED;
    lock.save(id);
    res.messages.push(new SubMsg(0, bankSend(lock.recipient, lock.denom, lock.amount.toString()), -1, REPLY_NEVER));
    res.event("htlc_claimed").add("id", toHex(id)).add("hashlock", toHex(lock.hashlock)).add("recipient", lock.recipient)
      .add("preimage", toHex(preimage)).add("by", ctx.sender);
  }

  /**
   * Sends the preimage to the peer lock, paying the quote from the prepaid fee and crediting the
   * rest to the locker; no peer, an unreadable quote or one above the fee: nothing is sent and the
   * whole fee is credited. The send replies always (replyApp): a refusal credits the quote back.
   */
  private relay(ctx: Context, res: Response, id: Uint8Array, locker: string, relay: Relay, preimage: Uint8Array): void {
    let quote = new U256();
    if (this.peer(relay.domain) !== null) {
      quote = this.quote(relay.domain, BODY_LENGTH, relay.gasLimit, 0);
      // The quote is a query this transaction has not failed before: clearing drops only it.
      if (failed()) { clearError(); this.notRelayed(res, id, locker, relay, new U256()); return; }
      if (quote.cmp(relay.fee) <= 0) {
        const body = concat([Uint8Array.wrap(new ArrayBuffer(1)).fill(BODY_VERSION), relay.peerLockId, preimage]);
        const sent = this.send(ctx, res, relay.domain, body, relay.gasLimit, 0, 0, quote);
        if (failed()) return;
        // `send` queued the endpoint's execute last: its reply tells whether the endpoint took it.
        const sub = res.messages[res.messages.length - 1];
        sub.id = REPLY_RELAY;
        sub.replyOn = REPLY_ALWAYS;
        storageSet(utf8(KEY_PENDING), utf8(new ObjectWriter().str("id", toHex(id)).str("message_id", toHex(sent.id))
          .str("locker", locker).dec("quote", quote.toString()).raw("relay", relay.toJson()).toString()));
        credit(res, locker, relay.fee.sub(quote));
        return;
      }
    }
    this.notRelayed(res, id, locker, relay, quote);
  }

  private notRelayed(res: Response, id: Uint8Array, locker: string, relay: Relay, quote: U256): void {
    res.event("htlc_preimage_not_relayed").add("id", toHex(id)).add("domain", relay.domain.toString())
      .add("prepaid", relay.fee.toString()).add("quote", quote.toString());
    credit(res, locker, relay.fee);
  }

  replyApp(ctx: Context, res: Response, id: u64, result: JsonValue): void {
    if (id != REPLY_RELAY) { super.replyApp(ctx, res, id, result); return; }
    const stored = storageGet(utf8(KEY_PENDING));
    storageRemove(utf8(KEY_PENDING));
    const pending = Fields.of(stored !== null ? parseJson(stored) : null, "pending relay");
    const lockIdHex = pending.string("id");
    const messageId = pending.string("message_id");
    const locker = pending.string("locker");
    const quote = pending.u128("quote");
    const relayFields = pending.object("relay");
    const relay = Relay.read(relayFields);
    if (failed()) return;
    if (result.get("ok") !== null) {
      res.event("htlc_preimage_relayed").add("id", lockIdHex).add("message_id", messageId)
        .add("domain", relay.domain.toString()).add("peer_lock_id", toHex(relay.peerLockId)).add("fee", quote.toString());
      return;
    }
    // The endpoint refused: its funds came back with the rollback; the locker gets them.
    res.event("htlc_preimage_not_relayed").add("id", lockIdHex).add("domain", relay.domain.toString())
      .add("prepaid", relay.fee.toString()).add("quote", quote.toString());
    credit(res, locker, quote);
  }

  private refund(ctx: Context, res: Response, id: Uint8Array): void {
    const lock = Lock.load(id);
    if (failed()) return;
    const idHex = toHex(id);
    if (lock.state == STATE_NONE) { fail("unknown_lock", errorFields().str("id", idHex)); return; }
    if (lock.state != STATE_OPEN) { fail("not_open", errorFields().str("id", idHex).num("state", lock.state)); return; }
    if (ctx.time < lock.timelock) {
      fail("not_expired", errorFields().str("id", idHex).dec("timelock", lock.timelock.toString()).dec("now", ctx.time.toString()));
      return;
    }
    lock.state = STATE_REFUNDED;
    lock.save(id);
    res.event("htlc_refunded").add("id", idHex).add("hashlock", toHex(lock.hashlock)).add("locker", lock.locker);
    if (lock.relayed) credit(res, lock.locker, takeRelay(id).fee);
    res.messages.push(new SubMsg(0, bankSend(lock.locker, lock.denom, lock.amount.toString()), -1, REPLY_NEVER));
  }

  /** A claim message (HTLC §6): claims the lock or does nothing; the result is the outcome byte. */
  handle(ctx: Context, res: Response, origin: u32, sender: Uint8Array, nonce: u64, body: Uint8Array): Uint8Array {
    let outcome = OUTCOME_MALFORMED_BODY;
    let id = new Uint8Array(32);
    if (body.length == BODY_LENGTH && body[0] == BODY_VERSION) {
      id = body.slice(1, 33);
      const preimage = body.slice(33, BODY_LENGTH);
      const lock = Lock.load(id);
      if (failed()) return new Uint8Array(0);
      outcome = check(lock, preimage, ctx.time);
      if (outcome == OUTCOME_CLAIMED) {
        this.release(ctx, res, id, lock, preimage);
        // The preimage came from the peer: it is not sent back.
        if (lock.relayed) credit(res, lock.locker, takeRelay(id).fee);
      }
    }
    res.event("htlc_claim_message_handled").add("origin", origin.toString()).add("nonce", nonce.toString())
      .add("id", toHex(id)).add("outcome", outcome.toString());
    return Uint8Array.wrap(new ArrayBuffer(1)).fill(outcome);
  }

  queryApp(ctx: Context, name: string, f: Fields): string {
    if (name == "lock") {
      const id = f.hex("id", 32);
      if (!f.finish()) return "";
      return Lock.load(id).toJson();
    }
    if (name == "relay") {
      const id = f.hex("id", 32);
      if (!f.finish()) return "";
      const stored = storageGet(key(KEY_RELAY, id));
      return stored !== null ? String.UTF8.decode(stored.buffer) : "{\"relay\":null}";
    }
    if (name == "nonce_of") {
      const locker = f.string("locker");
      if (!f.finish()) return "";
      return new ObjectWriter().dec("nonce", nonceOf(locker).toString()).toString();
    }
    if (name == "fee_credit_of") {
      const account = f.string("account");
      if (!f.finish()) return "";
      return new ObjectWriter().dec("amount", creditOf(account).toString()).toString();
    }
    if (name == "lock_id_of") {
      const locker = f.string("locker");
      const recipient = f.string("recipient");
      const hashlock = f.hex("hashlock", 32);
      const timelock = f.u64("timelock");
      const denom = f.string("denom");
      const amount = f.u128("amount");
      const nonce = f.u64("nonce");
      if (!f.finish()) return "";
      const id = lockId(this.localDomain(), ctx.contract, locker, recipient, hashlock, timelock, denom, amount, nonce);
      return failed() ? "" : new ObjectWriter().str("id", toHex(id)).toString();
    }
    return super.queryApp(ctx, name, f);
  }
}

// No top-level `new`: the heap is reset between calls.
export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runInstantiate(new HashedTimelock(), envPtr, infoPtr, msgPtr);
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runExecute(new HashedTimelock(), envPtr, infoPtr, msgPtr);
}

export function reply(envPtr: u32, msgPtr: u32): u32 {
  return runReply(new HashedTimelock(), envPtr, msgPtr);
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  return runQuery(new HashedTimelock(), envPtr, msgPtr);
}

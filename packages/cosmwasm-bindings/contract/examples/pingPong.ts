// Example app on `EndpointApp` (../app/endpointApp.ts), the twin of the Solidity PingPong
// (packages/evm-contracts/contracts/examples/PingPong.sol): `{"ping":{"destination":u32}}` sends
// "ping" to the peer there with an ack request, paying the quoted fee from the funds sent with it
// and this contract's balance. The peer's handler replies "pong" from inside the handler (paying
// from its balance) and returns the pong's nonce (8 bytes, big-endian), which comes back as the
// ack's result. Pings, pongs and acks are counted: query `{"state":{}}`.
import { Context } from "../assembly/host/context";
import { Response } from "../assembly/host/response";
import { toHex, u64Bytes, utf8 } from "../assembly/lib/bytes";
import { fail, errorFields, failed } from "../assembly/lib/fail";
import { Fields } from "../assembly/lib/jsonFields";
import { ObjectWriter } from "../assembly/lib/jsonWrite";
import { storageGet, storageSet } from "../assembly/host/storage";
import { encodeBase64 } from "../assembly/lib/base64";
import { readU64 } from "../assembly/lib/bytes";
import { EndpointApp, runExecute, runInstantiate, runQuery } from "../app/endpointApp";

export { allocate, deallocate, interface_version_8 } from "../app/endpointApp";

// Handler gas of a ping (it sends the pong), of a pong, and of a ping's ack. Not exported:
// an exported constant would be an exported global, which the VM rejects.
const PING_GAS_LIMIT: u32 = 300_000;
const PONG_GAS_LIMIT: u32 = 100_000;
const ACK_GAS_LIMIT: u32 = 100_000;

const PING = "ping";
const PONG = "pong";

function count(name: string): u64 {
  const value = storageGet(utf8("ping-pong/" + name));
  return value !== null ? readU64(value, 0) : 0;
}

function increment(name: string): void {
  storageSet(utf8("ping-pong/" + name), u64Bytes(count(name) + 1));
}

function text(name: string): string {
  const value = storageGet(utf8("ping-pong/" + name));
  return value !== null ? String.UTF8.decode(value.buffer) : "";
}

class PingPong extends EndpointApp {
  handle(ctx: Context, res: Response, origin: u32, sender: Uint8Array, nonce: u64, body: Uint8Array): Uint8Array {
    const kind = String.UTF8.decode(body.buffer);
    if (kind == PING) {
      increment("pings");
      const fee = this.quote(origin, 4, PONG_GAS_LIMIT, 0);
      const pong = this.send(ctx, res, origin, utf8(PONG), PONG_GAS_LIMIT, 0, 0, fee);
      if (failed()) return new Uint8Array(0);
      res.event("ping_pong_pong_sent").add("origin", origin.toString()).add("pong_id", toHex(pong.id)).add("pong_nonce", pong.nonce.toString());
      return u64Bytes(pong.nonce);
    }
    if (kind == PONG) {
      increment("pongs");
      res.event("ping_pong_pong_received").add("origin", origin.toString());
      return new Uint8Array(0);
    }
    fail("unknown_body", errorFields().str("body", toHex(body)));
    return new Uint8Array(0);
  }

  handleAck(ctx: Context, res: Response, originalId: Uint8Array, status: u8, result: Uint8Array): void {
    increment("acks");
    storageSet(utf8("ping-pong/last_ack"), utf8(new ObjectWriter()
      .str("id", toHex(originalId)).num("status", status).str("result", encodeBase64(result)).toString()));
    res.event("ping_pong_ack_received").add("ping_id", toHex(originalId)).add("status", status.toString()).add("result", toHex(result));
  }

  executeApp(ctx: Context, res: Response, name: string, f: Fields): void {
    if (name != "ping") { super.executeApp(ctx, res, name, f); return; }
    const destination = f.u32("destination");
    if (!f.finish() || this.requirePeer(destination) === null) return;
    const fee = this.quote(destination, 4, PING_GAS_LIMIT, ACK_GAS_LIMIT);
    const sent = this.send(ctx, res, destination, utf8(PING), PING_GAS_LIMIT, ACK_GAS_LIMIT, 0, fee);
    if (failed()) return;
    res.event("ping_pong_ping_sent").add("id", toHex(sent.id)).add("destination", destination.toString());
    res.data = utf8(new ObjectWriter().str("id", toHex(sent.id)).dec("nonce", sent.nonce.toString()).toString());
  }

  queryApp(ctx: Context, name: string, f: Fields): string {
    if (name != "state") return super.queryApp(ctx, name, f);
    if (!f.finish()) return "";
    const lastAck = text("last_ack");
    return new ObjectWriter()
      .dec("pings_received", count("pings").toString())
      .dec("pongs_received", count("pongs").toString())
      .dec("acks_received", count("acks").toString())
      .raw("last_ack", lastAck.length > 0 ? lastAck : "null")
      .toString();
  }
}

export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runInstantiate(new PingPong(), envPtr, infoPtr, msgPtr);
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runExecute(new PingPong(), envPtr, infoPtr, msgPtr);
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  return runQuery(new PingPong(), envPtr, msgPtr);
}

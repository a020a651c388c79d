// Outcomes of handler calls: `reply` reads a sub-message's result, `settle` records it as the
// Solidity EndpointInbox `_settle` does (statuses, last revert data, events, acks).
import { ACK_RESULT_OFFSET, ACK_STATUS_OFFSET, BODY_OFFSET, Message, STATUS_EXECUTED, STATUS_FAILED, STATUS_NONE } from "../codec/message";
import { Context } from "../host/context";
import { Response } from "../host/response";
import { decodeBase64 } from "../lib/base64";
import { toHex, utf8 } from "../lib/bytes";
import { fail, errorFields } from "../lib/fail";
import { Fields } from "../lib/jsonFields";
import { parseJson } from "../lib/jsonParse";
import { JsonValue, KIND_ARRAY, KIND_OBJECT, KIND_STRING } from "../lib/jsonValue";
import { bytesOf } from "../runtime/region";
import { inboundNonce, setLastRevertData, setStoredStatus, storedStatus } from "../state/channels";
import { KIND_RETRY, takePending } from "../state/pending";
import { sendAck } from "./outbox";

/** Most bytes of a handler's result kept (PROTOCOL.md §7.4). */
export const MAX_RESULT_LENGTH: i32 = 1024;

/** Stored status, else Executed when the channel is past the nonce, else None. */
export function statusOf(m: Message, id: Uint8Array): u8 {
  const stored = storedStatus(id);
  if (stored != STATUS_NONE || m.bytes.length < BODY_OFFSET) return stored;
  const nonce = m.nonce;
  return nonce != 0 && nonce <= inboundNonce(m.channel()) ? STATUS_EXECUTED : STATUS_NONE;
}

function truncate(bytes: Uint8Array): Uint8Array {
  return bytes.length > MAX_RESULT_LENGTH ? bytes.slice(0, MAX_RESULT_LENGTH) : bytes;
}

/**
 * Records a handler call's outcome: a first delivery stores nothing when Executed (the inbound
 * nonce says it), Failed otherwise; a retry stores Executed over Failed. Keeps the result of a
 * Failed message that asked for an ack (its TimedOut ack carries it), emits, sends the ack once
 * Executed.
 */
export function settle(ctx: Context, res: Response, m: Message, id: Uint8Array, ok: bool, result: Uint8Array, isRetry: bool): void {
  const status = ok ? STATUS_EXECUTED : STATUS_FAILED;
  const ackRequested = m.ackRequested;
  if (ok) {
    if (isRetry) {
      setStoredStatus(id, STATUS_EXECUTED);
      if (ackRequested) setLastRevertData(id, null);
    }
  } else {
    if (!isRetry) setStoredStatus(id, STATUS_FAILED);
    if (ackRequested) setLastRevertData(id, result);
  }
  if (isRetry) {
    res.event("ferry_message_retried").add("id", toHex(id)).add("status", status.toString()).add("result", toHex(result));
  } else {
    res.event("ferry_message_delivered")
      .add("id", toHex(id)).add("origin", m.origin.toString()).add("sender", toHex(m.sender))
      .add("nonce", m.nonce.toString()).add("status", status.toString()).add("result", toHex(result));
  }
  if (m.isAck) {
    const body = m.body;
    res.event("ferry_ack_delivered")
      .add("ack_id", toHex(id))
      .add("original_id", toHex(body.slice(0, ACK_STATUS_OFFSET)))
      .add("original_status", body[ACK_STATUS_OFFSET].toString())
      .add("status", status.toString());
  }
  if (ok && ackRequested) sendAck(res, m, id, STATUS_EXECUTED, result);
}

/** Reads a protobuf varint at `pos[0]`, advancing it; -1 when malformed. */
function varint(bytes: Uint8Array, pos: Array<i32>): i64 {
  let value: i64 = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (pos[0] >= bytes.length) return -1;
    const b = bytes[pos[0]++];
    value |= (<i64>(b & 0x7f)) << shift;
    if ((b & 0x80) == 0) return value;
  }
  return -1;
}

/** The `type_url` of the response wasmd gives a wasm execute sub-message. */
const EXECUTE_RESPONSE_TYPE = "/cosmwasm.wasm.v1.MsgExecuteContractResponse";

/**
 * Field 1 of a protobuf `MsgExecuteContractResponse { bytes data = 1 }`; empty when absent or
 * malformed.
 */
function executeResponseData(wrapped: Uint8Array): Uint8Array {
  const pos = new Array<i32>(1);
  let data = new Uint8Array(0);
  while (pos[0] < wrapped.length) {
    const tag = varint(wrapped, pos);
    const length = varint(wrapped, pos);
    if (tag < 0 || (tag & 7) != 2 || length < 0 || pos[0] + <i32>length > wrapped.length) return new Uint8Array(0);
    if ((tag >> 3) == 1) data = wrapped.slice(pos[0], pos[0] + <i32>length);
    pos[0] += <i32>length;
  }
  return data;
}

/**
 * The handler's data from a successful sub-message's `SubMsgResponse`. wasmd passes the
 * message's protobuf response, `MsgExecuteContractResponse`, in `msg_responses` (CosmWasm 2.x)
 * and in the deprecated `data`; the first is read when present.
 */
export function handlerData(ok: JsonValue | null): Uint8Array {
  if (ok === null || ok.kind != KIND_OBJECT) return new Uint8Array(0);
  let encoded = ok.get("data");
  const responses = ok.get("msg_responses");
  if (responses !== null && responses.kind == KIND_ARRAY) {
    for (let i = 0; i < responses.items.length; i++) {
      const response = responses.items[i];
      const typeUrl = response.get("type_url");
      if (typeUrl !== null && typeUrl.kind == KIND_STRING && typeUrl.text == EXECUTE_RESPONSE_TYPE) {
        encoded = response.get("value");
        break;
      }
    }
  }
  if (encoded === null || encoded.kind != KIND_STRING) return new Uint8Array(0);
  const bytes = decodeBase64(encoded.text);
  return bytes !== null ? executeResponseData(bytes) : new Uint8Array(0);
}

/** The `reply` entry point: the outcome of a handler call dispatched by deliver or retry. */
export function reply(ctx: Context, res: Response, ptr: u32): void {
  const msg = Fields.of(parseJson(bytesOf(ptr)), "reply");
  const replyId = msg.uint("id", u64.MAX_VALUE);
  const result = msg.take("result");
  if (result === null || result.kind != KIND_OBJECT) { fail("invalid_reply", errorFields().str("problem", "no result")); return; }
  const pending = takePending(replyId);
  if (pending === null) { fail("unknown_reply", errorFields().dec("reply_id", replyId.toString())); return; }
  const m = new Message(pending.message);
  const id = m.id();
  const err = result.get("error");
  let ok = false;
  let data = new Uint8Array(0);
  if (err !== null && err.kind == KIND_STRING) {
    data = utf8(err.text);
  } else {
    ok = true;
    data = handlerData(result.get("ok"));
  }
  settle(ctx, res, m, id, ok, truncate(data), pending.kind == KIND_RETRY);
}

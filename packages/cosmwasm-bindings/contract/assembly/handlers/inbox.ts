// Delivery (PROTOCOL.md §7): deliver, deliver_batch, retry, timeout. The handler call is a
// sub-message with the message's gas limit (a retry's own, at least the message's) and
// `reply_on: always`; its outcome is recorded by
// `reply` (./settle.ts). Mirrors the Solidity EndpointInbox, checks in the same order.
import { checkMessage, Message, STATUS_FAILED, STATUS_TIMED_OUT, ACK_RESULT_OFFSET, ACK_STATUS_OFFSET, BODY_OFFSET } from "../codec/message";
import { querySmart } from "../host/api";
import { Context } from "../host/context";
import { REPLY_ALWAYS, Response, SubMsg, wasmExecute } from "../host/response";
import { decodeBase64, encodeBase64 } from "../lib/base64";
import { toHex } from "../lib/bytes";
import { fail, errorFields, failed } from "../lib/fail";
import { Fields } from "../lib/jsonFields";
import { parseJson } from "../lib/jsonParse";
import { KIND_STRING } from "../lib/jsonValue";
import { ObjectWriter, variant } from "../lib/jsonWrite";
import { inboundNonce, lastRevertData, setInboundNonce, setLastRevertData, setStoredStatus, storedStatus } from "../state/channels";
import { isPaused, localDomain } from "../state/config";
import { appVerifier } from "../state/origins";
import { KIND_DELIVER, KIND_RETRY, lockCount, pushPending } from "../state/pending";
import { verifyMultisig } from "../verify/multisig";
import { bytes32ToAddress } from "./addresses";
import { sendAck } from "./outbox";
import { settle, statusOf } from "./settle";

/** Shared guard of deliver, deliver_batch, retry and timeout. */
function guard(): bool {
  if (isPaused()) return fail("paused");
  if (lockCount() > 0) return fail("reentrant_call");
  return true;
}

/** The JSON a recipient's handler is executed with (PROTOCOL.md §10). */
function handlerMessage(m: Message): string {
  const body = m.body;
  if (m.isAck) {
    return variant("ferry_handle_ack", new ObjectWriter()
      .str("id", toHex(body.slice(0, ACK_STATUS_OFFSET)))
      .num("status", body[ACK_STATUS_OFFSET])
      .str("result", encodeBase64(body.slice(ACK_RESULT_OFFSET)))
      .toString());
  }
  return variant("ferry_handle", new ObjectWriter()
    .num("origin", m.origin)
    .str("sender", toHex(m.sender))
    .dec("nonce", m.nonce.toString())
    .str("body", encodeBase64(body))
    .toString());
}

/**
 * Calls the recipient's handler through a sub-message. A recipient that names no address of
 * this chain, or names the endpoint itself, is not called: the message is Failed with an empty
 * result, so a message can never make the endpoint act on its own behalf.
 */
function dispatch(ctx: Context, res: Response, m: Message, id: Uint8Array, kind: u8, gasLimit: u32): void {
  if (failed()) return;
  const recipient = bytes32ToAddress(m.recipient);
  if (recipient === null || recipient == ctx.contract) {
    settle(ctx, res, m, id, false, new Uint8Array(0), kind == KIND_RETRY);
    return;
  }
  const replyId = pushPending(kind, m.bytes);
  res.messages.push(new SubMsg(replyId, wasmExecute(recipient, handlerMessage(m)), <i64>gasLimit, REPLY_ALWAYS));
}

/** Asks the app's own verifier contract (INTERFACE.md: `{"verify":…}` → `{"valid":bool}`). */
function verifyWith(verifier: string, m: Message, id: Uint8Array, proof: Uint8Array): bool {
  const query = variant("verify", new ObjectWriter().str("message", encodeBase64(m.bytes)).str("proof", encodeBase64(proof)).toString());
  const answer = querySmart(verifier, query);
  if (answer === null) return false;
  const fields = Fields.of(parseJson(answer), "verifier answer");
  const valid = fields.bool("valid");
  if (!fields.finish()) return false;
  if (!valid) return fail("proof_rejected", errorFields().str("id", toHex(id)).str("verifier", verifier));
  return true;
}

/** Delivers one message (PROTOCOL.md §7). */
function deliverOne(ctx: Context, res: Response, bytes: Uint8Array, proof: Uint8Array): void {
  // CHECKS: the header, the channel order, then the proof.
  const m = checkMessage(bytes, localDomain());
  if (m === null) return;
  const id = m.id();
  const channel = m.channel();
  const nonce = m.nonce;
  const current = inboundNonce(channel);
  if (current == u64.MAX_VALUE || nonce != current + 1) {
    fail("nonce_out_of_order", errorFields().str("channel", toHex(channel)).dec("expected", (current + 1).toString()).dec("actual", nonce.toString()));
    return;
  }
  const verifier = appVerifier(m.recipient, m.origin);
  const valid = verifier !== null ? verifyWith(verifier, m, id, proof) : verifyMultisig(m, id, proof);
  if (!valid) return;

  // EFFECTS: the nonce advances whatever happens next.
  setInboundNonce(channel, nonce);
  const deadline = m.deadline;
  if (deadline != 0 && ctx.time > deadline) {
    setStoredStatus(id, STATUS_TIMED_OUT);
    res.event("ferry_message_delivered")
      .add("id", toHex(id)).add("origin", m.origin.toString()).add("sender", toHex(m.sender))
      .add("nonce", nonce.toString()).add("status", STATUS_TIMED_OUT.toString()).add("result", "0x");
    if (m.ackRequested) sendAck(res, m, id, STATUS_TIMED_OUT, new Uint8Array(0));
    return;
  }

  // INTERACTIONS: the handler, settled by its reply.
  dispatch(ctx, res, m, id, KIND_DELIVER, m.gasLimit);
}

export function deliver(ctx: Context, res: Response, f: Fields): void {
  const message = f.base64("message");
  const proof = f.base64("proof");
  if (!f.finish() || !guard()) return;
  deliverOne(ctx, res, message, proof);
}

export function deliverBatch(ctx: Context, res: Response, f: Fields): void {
  const messages = f.array("messages");
  const proofs = f.array("proofs");
  if (!f.finish() || !guard()) return;
  if (messages.length != proofs.length) {
    fail("batch_length_mismatch", errorFields().num("messages", messages.length).num("proofs", proofs.length));
    return;
  }
  for (let i = 0; i < messages.length && !failed(); i++) {
    const message = base64Item(messages[i].kind == KIND_STRING ? messages[i].text : null, "messages");
    const proof = base64Item(proofs[i].kind == KIND_STRING ? proofs[i].text : null, "proofs");
    if (message === null || proof === null) return;
    deliverOne(ctx, res, message, proof);
  }
}

function base64Item(text: string | null, what: string): Uint8Array | null {
  const bytes = text !== null ? decodeBase64(text) : null;
  if (bytes === null) fail("invalid_json", errorFields().str("path", "deliver_batch." + what).str("problem", "expected base64 strings"));
  return bytes;
}

function readMessage(f: Fields): Uint8Array | null {
  const message = f.base64("message");
  if (!f.finish() || !guard()) return null;
  return message;
}

/**
 * `retry`: a Failed message's handler again, with `gas_limit` gas (at least the message's own:
 * a handler that ran out of gas can be retried with more), as long as its deadline has not
 * passed.
 */
export function retry(ctx: Context, res: Response, f: Fields): void {
  const bytes = f.base64("message");
  const gasLimit = f.u32("gas_limit");
  if (!f.finish() || !guard()) return;
  const m = new Message(bytes);
  const id = m.id();
  if (bytes.length < BODY_OFFSET || storedStatus(id) != STATUS_FAILED) {
    fail("not_retryable", errorFields().str("id", toHex(id)).num("status", statusOf(m, id)));
    return;
  }
  const deadline = m.deadline;
  if (deadline != 0 && ctx.time > deadline) {
    fail("deadline_passed", errorFields().str("id", toHex(id)).dec("deadline", deadline.toString()));
    return;
  }
  const own = m.gasLimit;
  if (gasLimit < own) {
    fail("retry_gas_limit_too_low", errorFields().str("id", toHex(id)).num("gas_limit", gasLimit).num("message_gas_limit", own));
    return;
  }
  dispatch(ctx, res, m, id, KIND_RETRY, gasLimit);
}

/** `timeout`: a Failed message past its deadline becomes TimedOut (and is acked if asked). */
export function timeout(ctx: Context, res: Response, f: Fields): void {
  const bytes = readMessage(f);
  if (bytes === null) return;
  const m = new Message(bytes);
  const id = m.id();
  if (bytes.length < BODY_OFFSET || storedStatus(id) != STATUS_FAILED) {
    fail("not_timeoutable", errorFields().str("id", toHex(id)).num("status", statusOf(m, id)));
    return;
  }
  const deadline = m.deadline;
  if (deadline == 0) { fail("no_deadline", errorFields().str("id", toHex(id))); return; }
  if (ctx.time <= deadline) {
    fail("deadline_not_passed", errorFields().str("id", toHex(id)).dec("deadline", deadline.toString()).dec("now", ctx.time.toString()));
    return;
  }
  setStoredStatus(id, STATUS_TIMED_OUT);
  let result = new Uint8Array(0);
  if (m.ackRequested) {
    result = lastRevertData(id);
    setLastRevertData(id, null);
  }
  res.event("ferry_message_timed_out").add("id", toHex(id));
  if (m.ackRequested) sendAck(res, m, id, STATUS_TIMED_OUT, result);
}

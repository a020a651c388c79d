// Sending (PROTOCOL.md §4), fees and top-ups (§9) and acks (§8): outbound nonces, the merkle
// tree, `ferry_message_sent`, `ferry_fee_added`.
import { channelKey, checkBody, checkHeader, encodeAckBody, encodeMessage, FLAG_ACK_REQUESTED, FLAG_IS_ACK, MAX_BODY_LENGTH, Message, ACK_RESULT_OFFSET } from "../codec/message";
import { Coin, Context } from "../host/context";
import { bankSend, REPLY_NEVER, Response, SubMsg } from "../host/response";
import { toHex } from "../lib/bytes";
import { fail, errorFields, failed } from "../lib/fail";
import { Fields } from "../lib/jsonFields";
import { ObjectWriter } from "../lib/jsonWrite";
import { keccak256 } from "../lib/keccak";
import { U256 } from "../lib/uint";
import { loadTree, outboundNonce, saveTree, setOutboundNonce } from "../state/channels";
import { denom, isPaused, localDomain } from "../state/config";
import { FeeConfig, loadFeeConfig } from "../state/fees";
import { addressToBytes32 } from "./addresses";

const RATE_SCALE_HALF: u32 = 1_000_000_000;
/** Acks are quoted with the largest result they can carry (PROTOCOL.md §7.4). */
const ACK_BODY_QUOTE_LENGTH: u64 = <u64>ACK_RESULT_OFFSET + 1024;

/** (gas + overhead + bodyLength × gasPerByte) × gasPrice × rate / 1e18, or null on overflow. */
function gasCost(config: FeeConfig, gas: u64, bodyLength: u64): U256 | null {
  // gas, overhead < 2^32 and bodyLength × gasPerByte < 2^49: the sum fits a u64.
  const units = U256.fromU64(gas + <u64>config.gasOverhead + bodyLength * <u64>config.gasPerByte);
  const priced = units.mul(config.gasPrice);
  if (priced === null) return null;
  const scaled = priced.mul(config.rate);
  if (scaled === null) return null;
  // ÷ 1e18 as two exact ÷ 1e9 (floor of floor is floor).
  return scaled.divSmall(RATE_SCALE_HALF).divSmall(RATE_SCALE_HALF);
}

/**
 * A gas limit above its domain's `max_gas_limit` (PROTOCOL.md §4): a handler that needs more gas
 * than one delivery transaction can give would never run and would block its channel for good.
 */
function checkGasLimit(code: string, field: string, gasLimit: u32, config: FeeConfig, domain: u32): bool {
  if (gasLimit <= config.maxGasLimit) return true;
  return fail(code, errorFields().num(field, gasLimit).num("max_gas_limit", config.maxGasLimit).num("domain", domain));
}

/**
 * The fee of a message, or a zero value after a failure: `gas_limit_too_high` above the
 * destination's `max_gas_limit`, `ack_gas_limit_too_high` above the local domain's.
 */
export function quoteFee(destination: u32, bodyLength: u64, gasLimit: u32, ackGasLimit: u32): U256 {
  const zero = new U256();
  if (bodyLength > <u64>MAX_BODY_LENGTH) {
    fail("body_too_large", errorFields().num("length", bodyLength).num("max", MAX_BODY_LENGTH));
    return zero;
  }
  const remote = loadFeeConfig(destination);
  if (remote === null) { fail("unknown_destination", errorFields().num("destination", destination)); return zero; }
  if (!checkGasLimit("gas_limit_too_high", "gas_limit", gasLimit, remote, destination)) return zero;
  const cost = gasCost(remote, gasLimit, bodyLength);
  let fee = cost !== null ? remote.baseFee.add(cost) : null;
  if (fee !== null && ackGasLimit != 0) {
    const local = localDomain();
    const home = loadFeeConfig(local);
    if (home === null) { fail("unknown_destination", errorFields().num("destination", local)); return zero; }
    if (!checkGasLimit("ack_gas_limit_too_high", "ack_gas_limit", ackGasLimit, home, local)) return zero;
    const ackCost = gasCost(home, ackGasLimit, ACK_BODY_QUOTE_LENGTH);
    fee = ackCost !== null ? fee.add(ackCost) : null;
  }
  if (fee === null || !fee.fitsBits(128)) { fail("fee_overflow", errorFields().str("of", "fee")); return zero; }
  return fee;
}

/** Inserts an encoded message into the tree and emits `ferry_message_sent`; returns its id. */
export function insertMessage(res: Response, message: Uint8Array): Uint8Array {
  const id = keccak256(message);
  const tree = loadTree();
  const leafIndex = tree.insert(id);
  saveTree(tree);
  const m = new Message(message);
  res.event("ferry_message_sent")
    .add("id", toHex(id))
    .add("destination", m.destination.toString())
    .add("recipient", toHex(m.recipient))
    .add("nonce", m.nonce.toString())
    .add("leaf_index", leafIndex.toString())
    .add("message", toHex(message));
  return id;
}

/** Takes the next nonce of an outbound channel. */
export function nextOutboundNonce(channel: Uint8Array): u64 {
  const current = outboundNonce(channel);
  if (current == u64.MAX_VALUE) { fail("nonce_overflow", errorFields().str("channel", toHex(channel))); return 0; }
  setOutboundNonce(channel, current + 1);
  return current + 1;
}

/** The sum of `funds`, all in `feeDenom` (else `wrong_denom`); null after a failure. */
function feeFunds(funds: Array<Coin>, feeDenom: string): U256 | null {
  let paid = new U256();
  for (let i = 0; i < funds.length; i++) {
    const coin = funds[i];
    if (coin.denom != feeDenom) { fail("wrong_denom", errorFields().str("expected", feeDenom).str("actual", coin.denom)); return null; }
    const sum = paid.add(coin.amount);
    if (sum === null) { fail("fee_overflow", errorFields().str("of", "funds")); return null; }
    paid = sum;
  }
  return paid;
}

/** `{"send":{…}}` (INTERFACE.md). */
export function send(ctx: Context, res: Response, f: Fields): void {
  const destination = f.u32("destination");
  const recipient = f.hex("recipient", 32);
  const body = f.base64("body");
  const gasLimit = f.u32("gas_limit");
  const ackGasLimit = f.u32("ack_gas_limit");
  const deadline = f.u64("deadline");
  if (!f.finish()) return;
  if (isPaused()) { fail("paused"); return; }

  // CHECKS: the gas limits and the fee, paid in the fee denom only.
  const fee = quoteFee(destination, body.length, gasLimit, ackGasLimit);
  if (failed()) return;
  const feeDenom = denom();
  const paid = feeFunds(ctx.funds, feeDenom);
  if (paid === null) return;
  if (paid.cmp(fee) < 0) { fail("fee_too_low", errorFields().dec("required", fee.toString()).dec("paid", paid.toString())); return; }

  // EFFECTS
  const local = localDomain();
  const sender = addressToBytes32(ctx.sender);
  const nonce = nextOutboundNonce(channelKey(local, sender, destination, recipient, 0));
  const flags: u8 = ackGasLimit == 0 ? 0 : FLAG_ACK_REQUESTED;
  const message = encodeMessage(flags, local, sender, destination, recipient, nonce, deadline, gasLimit, ackGasLimit, body);
  const id = insertMessage(res, message);
  res.data = Uint8Array.wrap(String.UTF8.encode(new ObjectWriter().str("id", toHex(id)).dec("nonce", nonce.toString()).toString()));

  // INTERACTIONS: refund the excess in the same response.
  if (paid.cmp(fee) > 0) {
    res.messages.push(new SubMsg(0, bankSend(ctx.sender, feeDenom, paid.sub(fee).toString()), -1, REPLY_NEVER));
  }
}

/**
 * `{"add_fee":{"message"}}` (PROTOCOL.md §9): tops up the fee of a message this endpoint sent,
 * with a positive amount in the fee denom, kept whole (no refund). The message must be well
 * formed, from this domain, and its nonce already taken on its channel (1 ≤ nonce ≤ outbound
 * nonce), so a mistyped message cannot swallow the funds. Emits `ferry_fee_added`. Checks in
 * the order of the Solidity `addFee`; open while paused, as there.
 */
export function addFee(ctx: Context, res: Response, f: Fields): void {
  const bytes = f.base64("message");
  if (!f.finish()) return;
  const m = checkHeader(bytes);
  if (m === null || !checkBody(m)) return;
  const id = m.id();
  const local = localDomain();
  if (m.origin != local) { fail("wrong_origin", errorFields().num("expected", local).num("actual", m.origin)); return; }
  const sent = outboundNonce(m.channel());
  if (m.nonce == 0 || m.nonce > sent) {
    fail("message_not_sent", errorFields().str("id", toHex(id)).dec("nonce", m.nonce.toString()).dec("outbound_nonce", sent.toString()));
    return;
  }
  const amount = feeFunds(ctx.funds, denom());
  if (amount === null) return;
  if (amount.isZero()) { fail("zero_fee", errorFields().str("id", toHex(id))); return; }
  res.event("ferry_fee_added").add("id", toHex(id)).add("amount", amount.toString());
}

/**
 * Sends the ack of `message` (delivered here) when it reached a final status: from its
 * recipient back to its sender, IS_ACK, gasLimit = its ackGasLimit, no deadline, no fee here.
 */
export function sendAck(res: Response, m: Message, originalId: Uint8Array, status: u8, result: Uint8Array): void {
  if (failed()) return;
  const local = localDomain();
  const destination = m.origin;
  const ackRecipient = m.sender;
  const ackSender = m.recipient;
  const nonce = nextOutboundNonce(channelKey(local, ackSender, destination, ackRecipient, FLAG_IS_ACK));
  const ack = encodeMessage(FLAG_IS_ACK, local, ackSender, destination, ackRecipient, nonce, 0, m.ackGasLimit, 0, encodeAckBody(originalId, status, result));
  insertMessage(res, ack);
}

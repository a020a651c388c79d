// Queries (INTERFACE.md): each returns its answer's JSON, or "" after a failure.
import { Message } from "../codec/message";
import { toHex } from "../lib/bytes";
import { fail, errorFields } from "../lib/fail";
import { Fields } from "../lib/jsonFields";
import { ObjectWriter, quote, stringArray } from "../lib/jsonWrite";
import { inboundNonce, loadTree, outboundNonce, storedStatus } from "../state/channels";
import { denom, feeCollector, feeManager, isPaused, localDomain, owner, pendingOwner } from "../state/config";
import { loadFeeConfig } from "../state/fees";
import { appVerifier, loadOrigin } from "../state/origins";
import { validateAddress } from "../host/api";
import { addressToBytes32 } from "./addresses";
import { quoteFee } from "./outbox";
import { statusOf } from "./settle";

export function query(name: string, f: Fields): string {
  if (name == "quote") {
    const destination = f.u32("destination");
    const bodyLength = f.u32("body_length");
    const gasLimit = f.u32("gas_limit");
    const ackGasLimit = f.u32("ack_gas_limit");
    if (!f.finish()) return "";
    const fee = quoteFee(destination, bodyLength, gasLimit, ackGasLimit);
    return new ObjectWriter().dec("fee", fee.toString()).str("denom", denom()).toString();
  }
  if (name == "message_status") {
    const bytes = f.base64("message");
    if (!f.finish()) return "";
    const m = new Message(bytes);
    return new ObjectWriter().num("status", statusOf(m, m.id())).toString();
  }
  if (name == "stored_status") {
    const id = f.hex("id", 32);
    if (!f.finish()) return "";
    return new ObjectWriter().num("status", storedStatus(id)).toString();
  }
  if (name == "inbound_nonce" || name == "outbound_nonce") {
    const channel = f.hex("channel", 32);
    if (!f.finish()) return "";
    const nonce = name == "inbound_nonce" ? inboundNonce(channel) : outboundNonce(channel);
    return new ObjectWriter().dec("nonce", nonce.toString()).toString();
  }
  if (name == "merkle_root" || name == "merkle_count" || name == "latest_checkpoint") {
    if (!f.finish()) return "";
    const tree = loadTree();
    if (name == "merkle_count") return new ObjectWriter().num("count", tree.count).toString();
    if (name == "merkle_root") return new ObjectWriter().str("root", toHex(tree.root())).toString();
    if (tree.count == 0) { fail("empty_tree"); return ""; }
    return new ObjectWriter().str("root", toHex(tree.root())).num("index", tree.count - 1).toString();
  }
  if (name == "config") {
    if (!f.finish()) return "";
    return new ObjectWriter()
      .num("local_domain", localDomain()).str("denom", denom()).str("owner", owner())
      .nullableStr("pending_owner", pendingOwner()).str("fee_manager", feeManager())
      .str("fee_collector", feeCollector()).bool("paused", isPaused()).toString();
  }
  if (name == "origin") {
    const origin = f.u32("origin");
    if (!f.finish()) return "";
    const config = loadOrigin(origin);
    if (config === null) { fail("unknown_origin", errorFields().num("origin", origin)); return ""; }
    const validators = new Array<string>(config.validators.length);
    for (let i = 0; i < validators.length; i++) validators[i] = toHex(config.validators[i]);
    return new ObjectWriter().str("origin_endpoint", toHex(config.originEndpoint))
      .raw("validators", stringArray(validators)).num("threshold", config.threshold).toString();
  }
  if (name == "fee_config") {
    const domain = f.u32("domain");
    if (!f.finish()) return "";
    const config = loadFeeConfig(domain);
    if (config === null) { fail("unknown_domain", errorFields().num("domain", domain)); return ""; }
    return new ObjectWriter().dec("base_fee", config.baseFee.toString()).dec("gas_price", config.gasPrice.toString())
      .dec("rate", config.rate.toString()).num("gas_overhead", config.gasOverhead)
      .num("gas_per_byte", config.gasPerByte).num("max_gas_limit", config.maxGasLimit).toString();
  }
  if (name == "app_verifier") {
    const app = f.string("app");
    const origin = f.u32("origin");
    if (!f.finish() || !validateAddress(app)) return "";
    const verifier = appVerifier(addressToBytes32(app), origin);
    return new ObjectWriter().raw("verifier", verifier !== null ? quote(verifier) : "null").toString();
  }
  fail("invalid_json", errorFields().str("problem", "unknown query").str("name", name));
  return "";
}

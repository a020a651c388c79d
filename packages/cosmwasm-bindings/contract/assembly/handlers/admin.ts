// Instantiate and administration: two-step ownership, pause, fee roles and configs, fee
// withdrawal, validator sets per origin, per-app verifier overrides. Each change emits an event.
import { joinStrings } from "../lib/strings";
import { Context } from "../host/context";
import { queryBalance, validateAddress } from "../host/api";
import { bankSend, REPLY_NEVER, Response, SubMsg } from "../host/response";
import { compare, fromHex, isZero, toHex } from "../lib/bytes";
import { fail, errorFields, failed } from "../lib/fail";
import { Fields } from "../lib/jsonFields";
import { KIND_STRING } from "../lib/jsonValue";
import { denom, feeCollector, feeManager, owner, pendingOwner, setLocalDomain, setPaused, setString } from "../state/config";
import { FeeConfig, removeFeeConfig as removeFee, saveFeeConfig } from "../state/fees";
import { loadOrigin, OriginConfig, removeOriginConfig, saveOrigin, setAppVerifier as storeAppVerifier } from "../state/origins";
import { addressToBytes32 } from "./addresses";

export const MAX_VALIDATORS: i32 = 255;

export function instantiate(ctx: Context, res: Response, f: Fields): void {
  const domain = f.u32("local_domain");
  const ownerAddress = f.string("owner");
  const feeDenom = f.string("denom");
  if (!f.finish() || !validateAddress(ownerAddress)) return;
  if (feeDenom.length == 0) { fail("invalid_denom", errorFields().str("denom", feeDenom)); return; }
  setLocalDomain(domain);
  setString("denom", feeDenom);
  setString("owner", ownerAddress);
  setString("fee_manager", ownerAddress);
  setString("fee_collector", ownerAddress);
  res.event("ferry_instantiated").add("local_domain", domain.toString()).add("owner", ownerAddress).add("denom", feeDenom);
}

function only(role: string, holder: string, sender: string): bool {
  if (sender != holder) return fail("unauthorized", errorFields().str("sender", sender).str("role", role));
  return true;
}

/** Reads an address field and validates it. */
function address(f: Fields, key: string): string {
  const value = f.string(key);
  if (!failed()) validateAddress(value);
  return value;
}

export function transferOwnership(ctx: Context, res: Response, f: Fields): void {
  const next = address(f, "new_owner");
  if (!f.finish() || !only("owner", owner(), ctx.sender)) return;
  setString("pending_owner", next);
  res.event("ferry_ownership_transfer_started").add("previous_owner", ctx.sender).add("new_owner", next);
}

export function acceptOwnership(ctx: Context, res: Response, f: Fields): void {
  if (!f.finish()) return;
  const pending = pendingOwner();
  if (pending === null || pending != ctx.sender) { fail("unauthorized", errorFields().str("sender", ctx.sender).str("role", "pending owner")); return; }
  const previous = owner();
  setString("owner", pending);
  setString("pending_owner", null);
  res.event("ferry_ownership_transferred").add("previous_owner", previous).add("new_owner", pending);
}

export function pause(ctx: Context, res: Response, f: Fields, paused: bool): void {
  if (!f.finish() || !only("owner", owner(), ctx.sender)) return;
  setPaused(paused);
  res.event(paused ? "ferry_paused" : "ferry_unpaused").add("by", ctx.sender);
}

export function setRole(ctx: Context, res: Response, f: Fields, role: string): void {
  const holder = address(f, "address");
  if (!f.finish() || !only("owner", owner(), ctx.sender)) return;
  setString(role, holder);
  res.event("ferry_" + role + "_set").add("address", holder);
}

function checkThreshold(threshold: u8, size: i32): bool {
  if (threshold == 0 || <i32>threshold > size) {
    return fail("invalid_threshold", errorFields().num("threshold", threshold).num("size", size));
  }
  return true;
}

export function setOrigin(ctx: Context, res: Response, f: Fields): void {
  const origin = f.u32("origin");
  const originEndpoint = f.hex("origin_endpoint", 32);
  const items = f.array("validators");
  const threshold = f.u8("threshold");
  if (!f.finish() || !only("owner", owner(), ctx.sender)) return;
  if (items.length > MAX_VALIDATORS) { fail("too_many_validators", errorFields().num("size", items.length).num("max", MAX_VALIDATORS)); return; }
  if (!checkThreshold(threshold, items.length)) return;
  if (isZero(originEndpoint)) { fail("zero_origin_endpoint", errorFields().num("origin", origin)); return; }
  const validators = new Array<Uint8Array>();
  let previous = new Uint8Array(20);
  for (let i = 0; i < items.length; i++) {
    const validator = items[i].kind == KIND_STRING ? fromHex(items[i].text, 20) : null;
    if (validator === null) { fail("invalid_json", errorFields().str("path", "set_origin.validators").str("problem", "expected 0x and 40 hex digits")); return; }
    // Strictly ascending, so none repeats and none is zero.
    if (compare(validator, previous) <= 0) {
      fail("validators_not_ascending", errorFields().str("previous", toHex(previous)).str("validator", toHex(validator)));
      return;
    }
    validators.push(validator);
    previous = validator;
  }
  saveOrigin(origin, new OriginConfig(originEndpoint, threshold, validators));
  const event = res.event("ferry_origin_set").add("origin", origin.toString()).add("origin_endpoint", toHex(originEndpoint));
  const list = new Array<string>(validators.length);
  for (let i = 0; i < validators.length; i++) list[i] = toHex(validators[i]);
  event.add("validators", joinStrings(list, ",")).add("threshold", threshold.toString());
}

export function setThreshold(ctx: Context, res: Response, f: Fields): void {
  const origin = f.u32("origin");
  const threshold = f.u8("threshold");
  if (!f.finish() || !only("owner", owner(), ctx.sender)) return;
  const config = loadOrigin(origin);
  if (config === null) { fail("unknown_origin", errorFields().num("origin", origin)); return; }
  if (!checkThreshold(threshold, config.validators.length)) return;
  config.threshold = threshold;
  saveOrigin(origin, config);
  res.event("ferry_threshold_set").add("origin", origin.toString()).add("threshold", threshold.toString());
}

export function removeOrigin(ctx: Context, res: Response, f: Fields): void {
  const origin = f.u32("origin");
  if (!f.finish() || !only("owner", owner(), ctx.sender)) return;
  if (loadOrigin(origin) === null) { fail("unknown_origin", errorFields().num("origin", origin)); return; }
  removeOriginConfig(origin);
  res.event("ferry_origin_removed").add("origin", origin.toString());
}

export function setFeeConfig(ctx: Context, res: Response, f: Fields): void {
  const domain = f.u32("domain");
  const c = f.object("config");
  const config = new FeeConfig();
  config.baseFee = c.u128("base_fee");
  config.gasPrice = c.u128("gas_price");
  config.rate = c.u128("rate");
  config.gasOverhead = c.u32("gas_overhead");
  config.gasPerByte = c.u32("gas_per_byte");
  config.maxGasLimit = c.u32("max_gas_limit");
  if (!c.finish() || !f.finish() || !only("fee manager", feeManager(), ctx.sender)) return;
  if (config.rate.isZero()) { fail("zero_rate", errorFields().num("domain", domain)); return; }
  if (config.maxGasLimit == 0) { fail("zero_max_gas_limit", errorFields().num("domain", domain)); return; }
  saveFeeConfig(domain, config);
  res.event("ferry_fee_config_set").add("domain", domain.toString())
    .add("base_fee", config.baseFee.toString()).add("gas_price", config.gasPrice.toString())
    .add("rate", config.rate.toString()).add("gas_overhead", config.gasOverhead.toString())
    .add("gas_per_byte", config.gasPerByte.toString()).add("max_gas_limit", config.maxGasLimit.toString());
}

export function removeFeeConfig(ctx: Context, res: Response, f: Fields): void {
  const domain = f.u32("domain");
  if (!f.finish() || !only("fee manager", feeManager(), ctx.sender)) return;
  removeFee(domain);
  res.event("ferry_fee_config_removed").add("domain", domain.toString());
}

export function withdrawFees(ctx: Context, res: Response, f: Fields): void {
  const to = address(f, "to");
  const amount = f.u128("amount");
  if (!f.finish() || !only("fee collector", feeCollector(), ctx.sender)) return;
  // The bank module would reject a send above the balance too, but without a named error
  // (EVM: EndpointInsufficientFees(amount, balance)).
  const balance = queryBalance(ctx.contract, denom());
  if (balance === null) return;
  if (amount.cmp(balance) > 0) {
    fail("insufficient_fees", errorFields().dec("requested", amount.toString()).dec("available", balance.toString()));
    return;
  }
  res.messages.push(new SubMsg(0, bankSend(to, denom(), amount.toString()), -1, REPLY_NEVER));
  res.event("ferry_fees_withdrawn").add("to", to).add("amount", amount.toString());
}

export function setAppVerifier(ctx: Context, res: Response, f: Fields): void {
  const origin = f.u32("origin");
  const verifier = f.nullableString("verifier");
  if (!f.finish()) return;
  if (verifier !== null && !validateAddress(verifier)) return;
  const app = addressToBytes32(ctx.sender);
  storeAppVerifier(app, origin, verifier);
  res.event("ferry_app_verifier_set").add("app", ctx.sender).add("origin", origin.toString()).add("verifier", verifier !== null ? verifier : "");
}

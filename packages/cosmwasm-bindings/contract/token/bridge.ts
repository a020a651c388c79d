// The CosmWasm token bridge (spec/apps/token-bridge.md §9), an `EndpointApp` speaking the same
// 97-byte body and rules as the EVM `CollateralTokenBridge` / `SyntheticTokenBridge`. One
// contract, two modes chosen at instantiation:
//
//   native     a lock bridge for the chain's bank denom `denom`: a transfer out locks the funds
//              sent with it, a transfer in releases them with a bank send;
//   synthetic  a mint bridge for a token locked elsewhere (an ERC-20 in an EVM
//              CollateralTokenBridge): the bridge is itself a CW20-compatible token (balances
//              kept here, `transfer`, `balance`, `token_info`, `minter`); a transfer in mints,
//              a transfer out burns, and only the bridge mints and burns.
//
// Per remote domain a route (remote decimals, handler gas, outbound and inbound refilling rate
// limits), exact decimal scaling with the dust left with the sender (TOKEN §3), collateral per
// route (§4), a guardian who pauses (§6), and failures on delivery that leave the message Failed
// and retryable (§7). Only the peer bridge on a message's origin is obeyed (the base's
// `not_peer`).
//
//   instantiate {"endpoint","owner"?,"mode":"native","denom":"uatom","decimals":u8}
//               {"endpoint","owner"?,"mode":"synthetic","name","symbol","decimals":u8}
//   execute     {"transfer_remote":{"destination":u32,"recipient":"0x…b32","amount":"u128"}}
//                 + funds: `sent` of the denom (native) and the fee in the endpoint's denom;
//                 the excess refunded → data {"id","nonce"}
//               {"set_route":{"domain":u32,"enabled":bool,"remote_decimals":u8,"gas_limit":u32,
//                 "outbound":{"capacity":"u128","refill_per_second":"u128"},"inbound":{…}}} owner
//               {"set_guardian":{"guardian":"wasm1…"|null}} owner
//               {"pause":{}}, {"unpause":{}} guardian or owner
//               {"transfer":{"recipient":"wasm1…","amount":"u128"}} synthetic (CW20)
//               + the base's (set_peer, set_verifier, transfer_ownership, ferry_handle…)
//   query       {"quote_transfer":{"destination":u32,"amount":"u128"}}
//                 → {"fee":{"denom","amount"},"sent","amount_received","dust","available"}
//               {"route":{"domain":u32}} → {"enabled","remote_decimals","gas_limit",
//                 "outbound":{"capacity","refill_per_second","available"},"inbound":{…}}
//               {"collateral_of":{"domain":u32}} → {"collateral"}
//               {"config":{}} → {"mode","denom"|null,"decimals","guardian"|null,"paused"}
//               {"balance":{"address"}} → {"balance"}, {"token_info":{}} → {"name","symbol",
//                 "decimals","total_supply"}, {"minter":{}} → {"minter","cap":null} (synthetic)
//               + the base's (peer, app_config, quote)
//
// Errors (`{"ferry_error":{"code":…}}`, the EVM names in snake case): token_bridge_paused,
// token_bridge_unknown_route (domain), token_bridge_zero_amount (amount),
// token_bridge_amount_too_large (amount, max), token_bridge_rate_limited (domain, outbound,
// amount, available), token_bridge_insufficient_collateral (domain, amount, collateral),
// token_bridge_decimals_too_far (local, remote), token_bridge_zero_recipient,
// token_bridge_malformed_body (length), token_bridge_unknown_version (version),
// token_bridge_not_cosmwasm_recipient (recipient), token_bridge_not_guardian (caller),
// token_bridge_insufficient_funds (denom, required, paid), token_bridge_insufficient_balance
// (address, balance, amount), token_bridge_not_synthetic (mode), token_bridge_unknown_mode
// (mode), wrong_denom (expected, actual), nonpayable (action), and the base's.
import { addressToBytes32, bytes32ToAddress } from "../assembly/handlers/addresses";
import { validateAddress } from "../assembly/host/api";
import { Coin, Context } from "../assembly/host/context";
import { bankSend, REPLY_NEVER, Response, SubMsg } from "../assembly/host/response";
import { isZero, toHex, utf8 } from "../assembly/lib/bytes";
import { errorFields, fail, failed } from "../assembly/lib/fail";
import { Fields } from "../assembly/lib/jsonFields";
import { ObjectWriter } from "../assembly/lib/jsonWrite";
import { joinStrings } from "../assembly/lib/strings";
import { U256 } from "../assembly/lib/uint";
import { EndpointApp, runExecute, runInstantiate, runQuery } from "../app/endpointApp";
import { MAX_AMOUNT, MAX_DECIMALS_GAP, scale, Scaled } from "./amounts";
import { AMOUNT_OFFSET, BODY_LENGTH, BODY_VERSION, bodyAmount, bodyAmountFits, bodyRecipient, bodySender, encodeBody, SENDER_OFFSET } from "./body";
import { Bucket } from "./rateLimit";
import {
  addCollateral, balanceOf, burn, collateralOf, debitBalance, creditBalance, requireBalance, guardian, inboundKey, isSynthetic,
  loadRoute, localDecimals, mint, MODE_NATIVE, MODE_SYNTHETIC, mode, outboundKey, paused, removeCollateral, Route,
  setGuardian, setPaused, setToken, storeRoute, tokenDenom, tokenName, tokenSymbol, totalSupply,
} from "./state";

export { allocate, deallocate, interface_version_8 } from "../app/endpointApp";

/** The route to or from `domain`, failing `token_bridge_unknown_route` unless enabled. */
function requireRoute(domain: u32): Route | null {
  const route = loadRoute(domain);
  if (!route.enabled) { fail("token_bridge_unknown_route", errorFields().num("domain", domain)); return null; }
  return route;
}

function requireNotPaused(): bool {
  return paused() ? fail("token_bridge_paused") : true;
}

function requireSynthetic(): bool {
  return isSynthetic() ? true : fail("token_bridge_not_synthetic", errorFields().str("mode", mode()));
}

/** Refuses funds sent with a message that takes none (they would stay in the bridge). */
function nonpayable(ctx: Context, action: string): bool {
  return ctx.funds.length == 0 ? true : fail("nonpayable", errorFields().str("action", action));
}

/** `amount` scaled for `route`, refused when nothing arrives or more than a u128 would. */
function scaledFor(route: Route, amount: U256): Scaled | null {
  const scaled = scale(amount, localDecimals(), route.remoteDecimals);
  if (scaled.received.isZero()) { fail("token_bridge_zero_amount", errorFields().dec("amount", amount.toString())); return null; }
  if (!scaled.received.fitsBits(128)) {
    fail("token_bridge_amount_too_large", errorFields().dec("amount", scaled.received.toString()).dec("max", MAX_AMOUNT));
    return null;
  }
  return scaled;
}

function rateLimited(domain: u32, outbound: bool, amount: U256, available: U256): bool {
  return fail("token_bridge_rate_limited", errorFields().num("domain", domain).bool("outbound", outbound)
    .dec("amount", amount.toString()).dec("available", available.toString()));
}

/** Amounts per denom (u128 each), in the order first seen: the funds paid, the funds owed. */
class Coins {
  denoms: Array<string> = new Array<string>();
  amounts: Array<U256> = new Array<U256>();

  static of(funds: Array<Coin>): Coins | null {
    const coins = new Coins();
    for (let i = 0; i < funds.length; i++) if (!coins.add(funds[i].denom, funds[i].amount)) return null;
    return coins;
  }

  add(denom: string, amount: U256): bool {
    const i = this.denoms.indexOf(denom);
    if (i < 0) { this.denoms.push(denom); this.amounts.push(amount); return true; }
    const sum = this.amounts[i].add(amount);
    if (sum === null || !sum.fitsBits(128)) return fail("fee_overflow", errorFields().str("of", "funds"));
    this.amounts[i] = sum;
    return true;
  }

  of(denom: string): U256 {
    const i = this.denoms.indexOf(denom);
    return i < 0 ? new U256() : this.amounts[i];
  }
}

class TokenBridge extends EndpointApp {
  instantiateApp(ctx: Context, res: Response, f: Fields): void {
    const tokenMode = f.string("mode");
    const decimals = f.u8("decimals");
    if (failed()) return;
    if (tokenMode == MODE_NATIVE) {
      const denom = f.string("denom");
      if (failed()) return;
      if (denom.length == 0) { fail("invalid_denom", errorFields().str("denom", denom)); return; }
      setToken(MODE_NATIVE, denom, decimals, "", "");
    } else if (tokenMode == MODE_SYNTHETIC) {
      const name = f.string("name");
      const symbol = f.string("symbol");
      if (failed()) return;
      setToken(MODE_SYNTHETIC, "", decimals, name, symbol);
    } else {
      fail("token_bridge_unknown_mode", errorFields().str("mode", tokenMode));
      return;
    }
    res.event("token_bridge_instantiated").add("mode", tokenMode).add("decimals", decimals.toString());
  }

  // ------------------------------------------------------------------ receiving (TOKEN §7)

  handle(ctx: Context, res: Response, origin: u32, sender: Uint8Array, nonce: u64, body: Uint8Array): Uint8Array {
    const none = new Uint8Array(0);
    if (!requireNotPaused()) return none;
    if (requireRoute(origin) === null) return none;
    if (body.length != BODY_LENGTH) { fail("token_bridge_malformed_body", errorFields().num("length", body.length)); return none; }
    if (body[0] != BODY_VERSION) { fail("token_bridge_unknown_version", errorFields().num("version", body[0])); return none; }
    const recipient32 = bodyRecipient(body);
    if (isZero(recipient32)) { fail("token_bridge_zero_recipient"); return none; }
    const recipient = bytes32ToAddress(recipient32);
    if (recipient === null) { fail("token_bridge_not_cosmwasm_recipient", errorFields().str("recipient", toHex(recipient32))); return none; }
    if (!bodyAmountFits(body)) {
      fail("token_bridge_amount_too_large", errorFields().str("amount", toHex(body.slice(AMOUNT_OFFSET, SENDER_OFFSET))).dec("max", MAX_AMOUNT));
      return none;
    }
    const amount = bodyAmount(body);
    const inbound = Bucket.load(inboundKey(origin));
    const available = inbound.current(ctx.time);
    if (amount.cmp(available) > 0) { rateLimited(origin, false, amount, available); return none; }

    // The credit: release from the route's collateral, or mint counting it as collateral. Each
    // checks before it writes, and the bucket is taken from last, so a failure leaves nothing.
    if (isSynthetic()) {
      // The collaterals add up to the supply: once the mint fits a u128, so does the route's.
      if (!mint(recipient!, amount)) return none;
      addCollateral(origin, amount);
      res.attribute("action", "mint").attribute("to", recipient!).attribute("amount", amount.toString());
    } else {
      if (!removeCollateral(origin, amount)) return none;
      res.messages.push(new SubMsg(0, bankSend(recipient!, tokenDenom(), amount.toString()), -1, REPLY_NEVER));
    }
    inbound.consume(inboundKey(origin), amount, ctx.time);
    res.event("transfer_received").add("origin", origin.toString()).add("nonce", nonce.toString())
      .add("sender", toHex(bodySender(body))).add("recipient", recipient!).add("amount", amount.toString());
    return none;
  }

  // ------------------------------------------------------------------ sending (TOKEN §3–5, §8)

  private transferRemote(ctx: Context, res: Response, f: Fields): void {
    const destination = f.u32("destination");
    const recipient = f.hex("recipient", 32);
    const amount = f.u128("amount");
    if (!f.finish() || !requireNotPaused()) return;
    const route = requireRoute(destination);
    if (route === null) return;
    if (isZero(recipient)) { fail("token_bridge_zero_recipient"); return; }
    const scaled = scaledFor(route, amount);
    if (scaled === null) return;
    const sent = scaled.sent;
    const outbound = Bucket.load(outboundKey(destination));
    const available = outbound.current(ctx.time);
    if (sent.cmp(available) > 0) { rateLimited(destination, true, sent, available); return; }

    // The funds: the fee in the endpoint's denom, and (native) `sent` of the bridged denom.
    const fee = this.quote(destination, BODY_LENGTH, route.gasLimit, 0);
    const paid = Coins.of(ctx.funds);
    if (failed() || paid === null) return;
    const feeDenom = this.denom();
    const owed = new Coins();
    owed.add(feeDenom, fee);
    if (!isSynthetic() && !owed.add(tokenDenom(), sent)) return;
    for (let i = 0; i < paid.denoms.length; i++) {
      if (owed.denoms.indexOf(paid.denoms[i]) < 0) {
        fail("wrong_denom", errorFields().str("expected", joinStrings(owed.denoms, ",")).str("actual", paid.denoms[i]));
        return;
      }
    }
    for (let i = 0; i < owed.denoms.length; i++) {
      const denom = owed.denoms[i];
      if (paid.of(denom).cmp(owed.amounts[i]) < 0) {
        fail("token_bridge_insufficient_funds", errorFields().str("denom", denom)
          .dec("required", owed.amounts[i].toString()).dec("paid", paid.of(denom).toString()));
        return;
      }
    }

    // The debit: lock (the funds stay here) or burn, keeping the route's collateral; each checks
    // before it writes. Then the outbound bucket.
    if (isSynthetic()) {
      if (!requireBalance(ctx.sender, sent) || !removeCollateral(destination, sent)) return;
      burn(ctx.sender, sent);
      res.attribute("action", "burn").attribute("from", ctx.sender).attribute("amount", sent.toString());
    } else if (!addCollateral(destination, sent)) return;
    outbound.consume(outboundKey(destination), sent, ctx.time);

    const sender32 = addressToBytes32(ctx.sender);
    if (failed()) return;
    const message = this.send(ctx, res, destination, encodeBody(recipient, scaled.received, sender32), route.gasLimit, 0, 0, fee);
    if (failed()) return;
    for (let i = 0; i < paid.denoms.length; i++) {
      const denom = paid.denoms[i];
      const refund = paid.amounts[i].sub(owed.of(denom));
      if (!refund.isZero()) res.messages.push(new SubMsg(0, bankSend(ctx.sender, denom, refund.toString()), -1, REPLY_NEVER));
    }
    res.event("transfer_sent").add("id", toHex(message.id)).add("destination", destination.toString())
      .add("sender", ctx.sender).add("recipient", toHex(recipient))
      .add("sent", sent.toString()).add("amount_received", scaled.received.toString());
    res.data = utf8(new ObjectWriter().str("id", toHex(message.id)).dec("nonce", message.nonce.toString()).toString());
  }

  // ------------------------------------------------------------------ configuration

  private setRoute(ctx: Context, res: Response, f: Fields): void {
    const domain = f.u32("domain");
    const enabled = f.bool("enabled");
    const remoteDecimals = f.u8("remote_decimals");
    const gasLimit = f.u32("gas_limit");
    const out = f.object("outbound");
    const outCapacity = out.u128("capacity");
    const outRefill = out.u128("refill_per_second");
    const into = f.object("inbound");
    const inCapacity = into.u128("capacity");
    const inRefill = into.u128("refill_per_second");
    if (!out.finish() || !into.finish() || !f.finish() || !nonpayable(ctx, "set_route") || !this.onlyOwner(ctx)) return;
    const local = localDecimals();
    const gap = remoteDecimals > local ? remoteDecimals - local : local - remoteDecimals;
    if (gap > MAX_DECIMALS_GAP) { fail("token_bridge_decimals_too_far", errorFields().num("local", local).num("remote", remoteDecimals)); return; }
    storeRoute(domain, new Route(enabled, remoteDecimals, gasLimit));
    Bucket.configure(outboundKey(domain), outCapacity, outRefill, ctx.time);
    Bucket.configure(inboundKey(domain), inCapacity, inRefill, ctx.time);
    res.event("token_bridge_route_set").add("domain", domain.toString()).add("enabled", enabled ? "true" : "false")
      .add("remote_decimals", remoteDecimals.toString()).add("gas_limit", gasLimit.toString())
      .add("outbound_capacity", outCapacity.toString()).add("outbound_refill_per_second", outRefill.toString())
      .add("inbound_capacity", inCapacity.toString()).add("inbound_refill_per_second", inRefill.toString());
  }

  private onlyGuardianOrOwner(ctx: Context): bool {
    const current = guardian();
    if (ctx.sender == this.owner() || (current !== null && ctx.sender == current)) return true;
    return fail("token_bridge_not_guardian", errorFields().str("caller", ctx.sender));
  }

  executeApp(ctx: Context, res: Response, name: string, f: Fields): void {
    if (name == "transfer_remote") { this.transferRemote(ctx, res, f); return; }
    if (name == "set_route") { this.setRoute(ctx, res, f); return; }
    if (name == "set_guardian") {
      const address = f.nullableString("guardian");
      if (!f.finish() || !nonpayable(ctx, name) || !this.onlyOwner(ctx)) return;
      if (address !== null && !validateAddress(address)) return;
      setGuardian(address);
      res.event("token_bridge_guardian_set").add("guardian", address !== null ? address : "");
      return;
    }
    if (name == "pause" || name == "unpause") {
      if (!f.finish() || !nonpayable(ctx, name) || !this.onlyGuardianOrOwner(ctx)) return;
      setPaused(name == "pause");
      res.event(name == "pause" ? "token_bridge_paused" : "token_bridge_unpaused").add("by", ctx.sender);
      return;
    }
    if (name == "transfer") {
      const recipient = f.string("recipient");
      const amount = f.u128("amount");
      if (!f.finish() || !nonpayable(ctx, name) || !requireSynthetic() || !validateAddress(recipient)) return;
      if (amount.isZero()) { fail("token_bridge_zero_amount", errorFields().dec("amount", "0")); return; }
      if (!debitBalance(ctx.sender, amount)) return;
      creditBalance(recipient, amount);
      res.attribute("action", "transfer").attribute("from", ctx.sender).attribute("to", recipient).attribute("amount", amount.toString());
      return;
    }
    super.executeApp(ctx, res, name, f);
  }

  // ------------------------------------------------------------------ queries

  queryApp(ctx: Context, name: string, f: Fields): string {
    if (name == "quote_transfer") {
      const destination = f.u32("destination");
      const amount = f.u128("amount");
      if (!f.finish()) return "";
      const route = requireRoute(destination);
      if (route === null) return "";
      const scaled = scale(amount, localDecimals(), route.remoteDecimals);
      const fee = this.quote(destination, BODY_LENGTH, route.gasLimit, 0);
      if (failed()) return "";
      return new ObjectWriter()
        .raw("fee", new ObjectWriter().str("denom", this.denom()).dec("amount", fee.toString()).toString())
        .dec("sent", scaled.sent.toString()).dec("amount_received", scaled.received.toString())
        .dec("dust", amount.sub(scaled.sent).toString())
        .dec("available", Bucket.load(outboundKey(destination)).current(ctx.time).toString())
        .toString();
    }
    if (name == "route") {
      const domain = f.u32("domain");
      if (!f.finish()) return "";
      const route = loadRoute(domain);
      return new ObjectWriter().bool("enabled", route.enabled).num("remote_decimals", route.remoteDecimals)
        .num("gas_limit", route.gasLimit)
        .raw("outbound", bucketJson(Bucket.load(outboundKey(domain)), ctx.time))
        .raw("inbound", bucketJson(Bucket.load(inboundKey(domain)), ctx.time))
        .toString();
    }
    if (name == "collateral_of") {
      const domain = f.u32("domain");
      if (!f.finish()) return "";
      return new ObjectWriter().dec("collateral", collateralOf(domain).toString()).toString();
    }
    if (name == "config") {
      if (!f.finish()) return "";
      return new ObjectWriter().str("mode", mode()).nullableStr("denom", isSynthetic() ? null : tokenDenom())
        .num("decimals", localDecimals()).nullableStr("guardian", guardian()).bool("paused", paused()).toString();
    }
    if (name == "balance") {
      const address = f.string("address");
      if (!f.finish() || !requireSynthetic()) return "";
      return new ObjectWriter().dec("balance", balanceOf(address).toString()).toString();
    }
    if (name == "token_info") {
      if (!f.finish() || !requireSynthetic()) return "";
      return new ObjectWriter().str("name", tokenName()).str("symbol", tokenSymbol())
        .num("decimals", localDecimals()).dec("total_supply", totalSupply().toString()).toString();
    }
    if (name == "minter") {
      if (!f.finish() || !requireSynthetic()) return "";
      return new ObjectWriter().str("minter", ctx.contract).raw("cap", "null").toString();
    }
    return super.queryApp(ctx, name, f);
  }
}

function bucketJson(bucket: Bucket, now: u64): string {
  return new ObjectWriter().dec("capacity", bucket.capacity.toString())
    .dec("refill_per_second", bucket.refillPerSecond.toString())
    .dec("available", bucket.current(now).toString()).toString();
}

// No top-level `new`: the heap is reset between calls.
export function instantiate(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runInstantiate(new TokenBridge(), envPtr, infoPtr, msgPtr);
}

export function execute(envPtr: u32, infoPtr: u32, msgPtr: u32): u32 {
  return runExecute(new TokenBridge(), envPtr, infoPtr, msgPtr);
}

export function query(envPtr: u32, msgPtr: u32): u32 {
  return runQuery(new TokenBridge(), envPtr, msgPtr);
}

// The bridge's storage (keys start "tb/"; the app base's start "ferry-app/"): its token, guardian
// and pause, its routes with their rate limits and collateral, and, in synthetic mode, the
// CW20-compatible ledger of the representation it issues.
import { storageGet, storageRemove, storageSet } from "../assembly/host/storage";
import { concat, readU32, u32Bytes, utf8, writeU32 } from "../assembly/lib/bytes";
import { errorFields, fail } from "../assembly/lib/fail";
import { U256 } from "../assembly/lib/uint";
import { loadU128, MAX_AMOUNT, storeU128 } from "./amounts";

export const MODE_NATIVE = "native";
export const MODE_SYNTHETIC = "synthetic";

const KEY_MODE = "tb/mode";
const KEY_DENOM = "tb/denom"; // native: the bank denom locked here
const KEY_DECIMALS = "tb/decimals";
const KEY_NAME = "tb/name"; // synthetic: the representation's CW20 name and symbol
const KEY_SYMBOL = "tb/symbol";
const KEY_GUARDIAN = "tb/guardian";
const KEY_PAUSED = "tb/paused";
const KEY_ROUTE = "tb/route/"; // + domain u32 → enabled u8 | remote decimals u8 | gas limit u32
const KEY_OUTBOUND = "tb/out/"; // + domain u32 → Bucket
const KEY_INBOUND = "tb/in/"; // + domain u32 → Bucket
const KEY_COLLATERAL = "tb/collateral/"; // + domain u32 → u128
const KEY_BALANCE = "tb/balance/"; // + address → u128 (synthetic)
const KEY_SUPPLY = "tb/supply"; // u128 (synthetic)

function text(key: string): string {
  const value = storageGet(utf8(key));
  return value !== null ? String.UTF8.decode(value.buffer) : "";
}

function domainKey(prefix: string, domain: u32): Uint8Array {
  return concat([utf8(prefix), u32Bytes(domain)]);
}

// ------------------------------------------------------------------ the token

export function setToken(mode: string, denom: string, decimals: u8, name: string, symbol: string): void {
  storageSet(utf8(KEY_MODE), utf8(mode));
  storageSet(utf8(KEY_DENOM), utf8(denom));
  const d = new Uint8Array(1);
  d[0] = decimals;
  storageSet(utf8(KEY_DECIMALS), d);
  storageSet(utf8(KEY_NAME), utf8(name));
  storageSet(utf8(KEY_SYMBOL), utf8(symbol));
}

export function mode(): string { return text(KEY_MODE); }
export function isSynthetic(): bool { return mode() == MODE_SYNTHETIC; }
/** The bank denom a native bridge locks ("" in synthetic mode). */
export function tokenDenom(): string { return text(KEY_DENOM); }
export function localDecimals(): u8 {
  const value = storageGet(utf8(KEY_DECIMALS));
  return value !== null ? value[0] : 0;
}
export function tokenName(): string { return text(KEY_NAME); }
export function tokenSymbol(): string { return text(KEY_SYMBOL); }

// ------------------------------------------------------------------ guardian and pause

export function guardian(): string | null {
  const value = storageGet(utf8(KEY_GUARDIAN));
  return value !== null ? String.UTF8.decode(value.buffer) : null;
}
export function setGuardian(address: string | null): void {
  if (address !== null) storageSet(utf8(KEY_GUARDIAN), utf8(address));
  else storageRemove(utf8(KEY_GUARDIAN));
}
export function paused(): bool { return storageGet(utf8(KEY_PAUSED)) !== null; }
export function setPaused(value: bool): void {
  if (value) storageSet(utf8(KEY_PAUSED), new Uint8Array(1));
  else storageRemove(utf8(KEY_PAUSED));
}

// ------------------------------------------------------------------ routes

export class Route {
  constructor(public enabled: bool, public remoteDecimals: u8, public gasLimit: u32) {}
}

export function loadRoute(domain: u32): Route {
  const value = storageGet(domainKey(KEY_ROUTE, domain));
  if (value === null) return new Route(false, 0, 0);
  return new Route(value[0] != 0, value[1], readU32(value, 2));
}

export function storeRoute(domain: u32, route: Route): void {
  const value = new Uint8Array(6);
  value[0] = route.enabled ? 1 : 0;
  value[1] = route.remoteDecimals;
  writeU32(value, 2, route.gasLimit);
  storageSet(domainKey(KEY_ROUTE, domain), value);
}

export function outboundKey(domain: u32): Uint8Array { return domainKey(KEY_OUTBOUND, domain); }
export function inboundKey(domain: u32): Uint8Array { return domainKey(KEY_INBOUND, domain); }

// ------------------------------------------------------------------ collateral (TOKEN §4)

export function collateralOf(domain: u32): U256 {
  return loadU128(domainKey(KEY_COLLATERAL, domain));
}

/** Adds `amount` to the route's collateral; false after `token_bridge_amount_too_large`. */
export function addCollateral(domain: u32, amount: U256): bool {
  const sum = checkedSum(collateralOf(domain), amount);
  if (sum === null) return false;
  storeU128(domainKey(KEY_COLLATERAL, domain), sum);
  return true;
}

/** Takes `amount` from the route's collateral, which must cover it. */
export function removeCollateral(domain: u32, amount: U256): bool {
  const collateral = collateralOf(domain);
  if (amount.cmp(collateral) > 0) {
    return fail("token_bridge_insufficient_collateral", errorFields()
      .num("domain", domain).dec("amount", amount.toString()).dec("collateral", collateral.toString()));
  }
  storeU128(domainKey(KEY_COLLATERAL, domain), collateral.sub(amount));
  return true;
}

// ------------------------------------------------------------------ the CW20 ledger (synthetic)

function balanceKey(address: string): Uint8Array { return concat([utf8(KEY_BALANCE), utf8(address)]); }

export function balanceOf(address: string): U256 { return loadU128(balanceKey(address)); }
export function totalSupply(): U256 { return loadU128(utf8(KEY_SUPPLY)); }

/** `a + b` if it fits a u128, else null after `token_bridge_amount_too_large`. */
export function checkedSum(a: U256, b: U256): U256 | null {
  const sum = a.add(b);
  if (sum === null || !sum.fitsBits(128)) {
    fail("token_bridge_amount_too_large", errorFields().dec("amount", sum !== null ? sum.toString() : "overflow").dec("max", MAX_AMOUNT));
    return null;
  }
  return sum;
}

/** Whether `holder`'s balance covers `amount`; fails `token_bridge_insufficient_balance` if not. */
export function requireBalance(holder: string, amount: U256): bool {
  const balance = balanceOf(holder);
  if (amount.cmp(balance) <= 0) return true;
  return fail("token_bridge_insufficient_balance", errorFields()
    .str("address", holder).dec("balance", balance.toString()).dec("amount", amount.toString()));
}

/** Takes `amount` from `holder`'s balance, which must cover it. */
export function debitBalance(holder: string, amount: U256): bool {
  if (!requireBalance(holder, amount)) return false;
  storeU128(balanceKey(holder), balanceOf(holder).sub(amount));
  return true;
}

/** Adds `amount` to `holder`'s balance (the supply bounds it, so it cannot overflow). */
export function creditBalance(holder: string, amount: U256): void {
  storeU128(balanceKey(holder), balanceOf(holder).add(amount)!);
}

/** Mints: the supply grows (refused past u128), then the holder's balance. */
export function mint(holder: string, amount: U256): bool {
  const supply = checkedSum(totalSupply(), amount);
  if (supply === null) return false;
  storeU128(utf8(KEY_SUPPLY), supply);
  creditBalance(holder, amount);
  return true;
}

/** Burns from `holder`'s balance. */
export function burn(holder: string, amount: U256): bool {
  if (!debitBalance(holder, amount)) return false;
  storeU128(utf8(KEY_SUPPLY), totalSupply().sub(amount));
  return true;
}

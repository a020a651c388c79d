// Exact scaling between the two tokens' decimals (TOKEN §3) and u128 storage.
import { storageGet, storageSet } from "../assembly/host/storage";
import { U256 } from "../assembly/lib/uint";

/** The largest amount a body may carry: a CosmWasm `Uint128`. */
export const MAX_AMOUNT = "340282366920938463463374607431768211455";
/** The largest difference between the two tokens' decimals. */
export const MAX_DECIMALS_GAP: u8 = 36;

/** 10^k, k ≤ 36 (< 2^120). */
export function pow10(k: i32): U256 {
  let n = U256.fromU64(1);
  for (let i = 0; i < k; i++) n = n.mulSmall(10);
  return n;
}

/** ⌊n / 10^k⌋, in steps of 10^9 (divSmall takes divisors below 2^32). */
function divPow10(n: U256, k: i32): U256 {
  let out = n;
  for (; k >= 9; k -= 9) out = out.divSmall(1_000_000_000);
  return k > 0 ? out.divSmall(<u32>pow10(k).low64()) : out;
}

/** What a transfer takes from its sender (`amount` less the dust) and what arrives. */
export class Scaled {
  constructor(public sent: U256, public received: U256) {}
}

/**
 * `amount` (u128, local units) in the remote token's units, rounded down, and the local amount
 * that scales to exactly that: never rounded up, so the dust stays with the sender. `received`
 * may pass u128 when the remote has more decimals; the caller refuses that.
 */
export function scale(amount: U256, localDecimals: u8, remoteDecimals: u8): Scaled {
  if (remoteDecimals >= localDecimals) {
    // amount < 2^128 and 10^36 < 2^120: the product fits 256 bits.
    return new Scaled(amount, amount.mul(pow10(remoteDecimals - localDecimals))!);
  }
  const k = localDecimals - remoteDecimals;
  const received = divPow10(amount, k);
  // received × 10^k ≤ amount.
  return new Scaled(received.mul(pow10(k))!, received);
}

/** A stored u128 (zero when absent). */
export function loadU128(key: Uint8Array): U256 {
  const value = storageGet(key);
  return value !== null ? U256.fromBytes16(value, 0) : new U256();
}

/** Stores a u128 (the caller checked that it fits). */
export function storeU128(key: Uint8Array, value: U256): void {
  storageSet(key, value.toBytes16());
}

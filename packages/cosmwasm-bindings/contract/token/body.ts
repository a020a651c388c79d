// The body of a token-bridge message (spec/apps/token-bridge.md §2, TOKEN §2), the same bytes as
// the EVM bridges' TokenBridgeCodec: 97 bytes, packed big-endian.
//
// | offset | size | field     |
// |--------|------|-----------|
// | 0      | 1    | version   |
// | 1      | 32   | recipient |
// | 33     | 32   | amount    |
// | 65     | 32   | sender    |
import { isZero } from "../assembly/lib/bytes";
import { U256 } from "../assembly/lib/uint";

export const BODY_VERSION: u8 = 1;
export const RECIPIENT_OFFSET: i32 = 1;
export const AMOUNT_OFFSET: i32 = 33;
export const SENDER_OFFSET: i32 = 65;
export const BODY_LENGTH: i32 = 97;

/** The body of a transfer of `amount` (at most 2^128 − 1, the caller checked) to `recipient`. */
export function encodeBody(recipient: Uint8Array, amount: U256, sender: Uint8Array): Uint8Array {
  const body = new Uint8Array(BODY_LENGTH);
  body[0] = BODY_VERSION;
  body.set(recipient, RECIPIENT_OFFSET);
  // The amount's high 16 bytes stay zero: amounts are u128.
  body.set(amount.toBytes16(), AMOUNT_OFFSET + 16);
  body.set(sender, SENDER_OFFSET);
  return body;
}

export function bodyRecipient(body: Uint8Array): Uint8Array {
  return body.slice(RECIPIENT_OFFSET, AMOUNT_OFFSET);
}

export function bodySender(body: Uint8Array): Uint8Array {
  return body.slice(SENDER_OFFSET, BODY_LENGTH);
}

/** Whether the amount fits a u128 (its high 16 bytes are zero). */
export function bodyAmountFits(body: Uint8Array): bool {
  return isZero(body.subarray(AMOUNT_OFFSET, AMOUNT_OFFSET + 16));
}

/** The amount's low 128 bits (check `bodyAmountFits` first). */
export function bodyAmount(body: Uint8Array): U256 {
  return U256.fromBytes16(body, AMOUNT_OFFSET + 16);
}

// Errors without exceptions: AssemblyScript cannot catch, and an abort would turn a contract
// error into a VM error. The first failure of a call is kept here; callers check `failed()` and
// return early; the entry point answers `{"error":…}` and drops everything else the call built
// (the chain reverts its writes).
//
// The error text is JSON, `{"ferry_error":{"code":"<code>",<fields>}}` (INTERFACE.md "Errors"):
// clients read a stable code and named fields instead of parsing prose, so rewording can never
// lose a field. Fields follow the JSON interface: u8/u32 as numbers, u64/u128 as decimal
// strings, bytes as 0x hex, addresses and names as strings. The `ferry_error` key lets a client
// find the object inside the words a node wraps around a contract's error.
import { ObjectWriter, quote } from "./jsonWrite";
import { joinStrings } from "./strings";

let firstError: string | null = null;

/** A new set of named fields for `fail`. */
export function errorFields(): ObjectWriter {
  return new ObjectWriter();
}

/** Records a failure (the first one wins) and returns false, so callers can `return fail(…)`. */
export function fail(code: string, named: ObjectWriter | null = null): bool {
  if (firstError === null) {
    const rest = named !== null && named.parts.length > 0 ? "," + joinStrings(named.parts, ",") : "";
    firstError = "{\"ferry_error\":{\"code\":" + quote(code) + rest + "}}";
  }
  return false;
}

/**
 * Records an app's own error text as it is (the test recipient's `fail:<text>`): a handler's
 * error is the app's bytes, which the endpoint keeps as the message's result, not a Ferry error.
 */
export function failWithText(text: string): bool {
  if (firstError === null) firstError = text;
  return false;
}

export function failed(): bool {
  return firstError !== null;
}

export function errorText(): string {
  const text = firstError;
  return text !== null ? text : "";
}

/** Called when an entry point starts (the instance may be reused between calls). */
export function clearError(): void {
  firstError = null;
}

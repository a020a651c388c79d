// Errors without exceptions: AssemblyScript cannot catch, and an abort would turn a contract
// error into a VM error. The first failure of a call is kept here ("<code>: <detail>", as
// INTERFACE.md lists them); callers check `failed()` and return early; the entry point answers
// `{"error":…}` and drops everything else the call built (the chain reverts its writes).

let firstError: string | null = null;

/** Records a failure (the first one wins) and returns false, so callers can `return fail(…)`. */
export function fail(code: string, detail: string = ""): bool {
  if (firstError === null) firstError = detail.length > 0 ? code + ": " + detail : code;
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

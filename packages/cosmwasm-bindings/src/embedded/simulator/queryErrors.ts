import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The simulator's `Querier` (CWSimulateApp.js), the contracts' `query_chain`. */
type QuerierInternals = { handleQuery(request: unknown): unknown }

const querierPrototype: Record<PropertyKey, unknown> =
  require('@oraichain/cw-simulate/dist/CWSimulateApp.js').Querier.prototype

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
/** A ts-results `Err`, as the simulator's queries return a contract's error. */
const isErr = (value: unknown): value is { err: true; val: unknown } =>
  typeof value === 'object' && value !== null && (value as { err?: unknown }).err === true

/**
 * Fix (h): a smart query whose contract answers an error gives the querying contract the
 * `ContractResult` error wasmd's querier gives it (`{"ok":{"error":"…"}}`, wasmvm's
 * `ToQuerierResult`), so the contract sees a failed query. The simulator serialized its own
 * `Err` object as the query's successful answer (`{"ok":{"ok":"<base64 of {\"ok\":false,…}>"}}`).
 * The error text stays readable where wasmd redacts it to `codespace: wasm, code: …`.
 */
export function failSmartQueriesAsWasmd(): void {
  // CAST: query_raw(request bytes, gas limit) returns the answer's bytes.
  const original = querierPrototype.query_raw as (...args: unknown[]) => Uint8Array
  querierPrototype.query_raw = function (this: QuerierInternals, ...args: unknown[]): Uint8Array {
    // CAST: the request is the contract's QueryRequest JSON, as bytes.
    const request = JSON.parse(new TextDecoder().decode(args[0] as Uint8Array))
    const result = this.handleQuery(request)
    if (isErr(result)) return utf8({ ok: { error: String(result.val) } })
    // The simulator's own encoding of any other answer (its query_raw, without a second query).
    const handleQuery = this.handleQuery
    this.handleQuery = () => result
    try {
      return original.apply(this, args)
    } finally {
      this.handleQuery = handleQuery
    }
  }
}

import type { EndpointEvent } from './parseEndpointEvents.js'

/** A native coin, as CosmWasm and `@cosmjs` spell it: an integer amount in a decimal string. */
export type Coin = { readonly denom: string; readonly amount: string }

/** One attribute of a Cosmos SDK event. */
export type EventAttribute = { readonly key: string; readonly value: string }

/** A Cosmos SDK event; a contract's events arrive with the type `wasm-<name>`. */
export type CosmosEvent = { readonly type: string; readonly attributes: readonly EventAttribute[] }

/** A JSON object: a contract's execute or query message. */
export type JsonObject = { readonly [key: string]: unknown }

/** What an executed contract message left behind. */
export type ExecuteOutcome = {
  readonly transactionHash: string
  readonly height: number
  /** Every event of the transaction, the contract's own as `wasm-<name>`. */
  readonly events: readonly CosmosEvent[]
  /**
   * The response's `data`, where the executor can see it (the embedded chain can; a
   * `SigningCosmWasmClient` cannot without decoding the transaction, so it leaves it out).
   */
  readonly data?: Uint8Array | undefined
}

/**
 * The one interface the endpoint actions need from a chain: execute a contract message as an
 * account and query a contract. The embedded chain satisfies it as it is; a `@cosmjs`
 * `SigningCosmWasmClient` through `fromSigningClient`.
 */
export type CosmWasmExecutor = {
  /** The account actions execute as when their parameters name none (viem's `client.account`). */
  readonly sender?: string | undefined
  execute(
    sender: string,
    contract: string,
    msg: JsonObject,
    funds?: readonly Coin[],
  ): Promise<ExecuteOutcome>
  query(contract: string, msg: JsonObject): Promise<unknown>
}

/** What every endpoint execute action takes. */
export type EndpointExecuteParameters = {
  /** The endpoint contract's address. */
  contract: string
  /** Account to execute as; the executor's `sender` when absent. */
  sender?: string | undefined
}

/** What every endpoint query action takes. */
export type EndpointQueryParameters = {
  /** The endpoint contract's address. */
  contract: string
}

/** What every endpoint execute action returns. */
export type EndpointExecuteReturnType = {
  transactionHash: string
  height: number
  /** The endpoint's own events, typed. */
  events: EndpointEvent[]
  /** Everything the executor reported, every Cosmos event included. */
  outcome: ExecuteOutcome
}

import type { Hex } from 'viem'

/** Coins sent with a CosmWasm call, from the account's balance. */
export type CosmWasmCoin = { denom: string; amount: bigint | string }

/**
 * A call on a CosmWasm destination: an execute message for `contract`, made by the caller's
 * account there, with `funds` from the account's balance. Its result is the contract's response
 * `data` (empty when it sets none), as hex, or what `decode` makes of it.
 */
export type CosmWasmRemoteCall<result = Hex> = {
  contract: string
  msg: Record<string, unknown>
  funds?: readonly CosmWasmCoin[] | undefined
  decode?: ((data: Hex) => result) | undefined
}

/**
 * A read on a CosmWasm destination: a smart query of `contract`. Its result is the contract's
 * answer (JSON bytes), as hex, or what `decode` makes of it.
 */
export type CosmWasmRemoteRead<result = Hex> = {
  contract: string
  query: Record<string, unknown>
  decode?: ((data: Hex) => result) | undefined
}

/** Each call's result type: what its `decode` returns, else hex. */
export type CosmWasmRemoteResults<calls extends readonly unknown[]> = {
  -readonly [k in keyof calls]: calls[k] extends { decode: (data: Hex) => infer result }
    ? result
    : Hex
}

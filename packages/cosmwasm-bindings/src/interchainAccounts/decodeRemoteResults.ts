import { decodeAbiParameters, type Hex } from 'viem'

export type DecodeRemoteResultsReturnType = readonly Hex[]

/**
 * The results of a remote call, from its ack's result (or the delivery's): `abi.encode(bytes[])`,
 * one element per call or read, as both routers (EVM and CosmWasm) encode them. On CosmWasm an
 * element is a call's response `data` (empty when none) or a read's answer bytes (a smart query's
 * JSON, a bank balance's `{"amount":{…}}`).
 *
 * @example
 * ```ts
 * const [first, second] = decodeRemoteResults(result)
 * ```
 */
export function decodeRemoteResults(result: Hex): DecodeRemoteResultsReturnType {
  return decodeAbiParameters([{ type: 'bytes[]' }], result)[0]
}

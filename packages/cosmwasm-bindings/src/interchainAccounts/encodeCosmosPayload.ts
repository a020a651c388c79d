import { bytesToHex, type Hex, stringToBytes } from 'viem'
import type { Coin } from '../client/types.js'

/** A call an interchain account runs on a CosmWasm chain (a `CosmosMsg`, as JSON). */
export type CosmosCall =
  | {
      wasm: {
        execute: {
          contract_addr: string
          /** The execute message's JSON, base64. */
          msg: string
          funds?: readonly Coin[] | undefined
        }
      }
    }
  | { bank: { send: { to_address: string; amount: readonly Coin[] } } }

/** A read the router runs on a CosmWasm chain (a `QueryRequest`, as JSON). */
export type CosmosRead =
  | {
      smart: {
        contract_addr: string
        /** The query message's JSON, base64. */
        msg: string
      }
    }
  | { bank: { balance: { address: string; denom: string } } }

/**
 * The payload of a remote call to a CosmWasm chain: the UTF-8 JSON array of its calls
 * (`REMOTE_CALL_KINDS.call`) or reads (`REMOTE_CALL_KINDS.read`).
 *
 * @example
 * ```ts
 * const payload = encodeCosmosPayload([
 *   { wasm: { execute: { contract_addr: counter, msg: btoa('{"increment":{}}'), funds: [] } } },
 *   { bank: { send: { to_address: bob, amount: [{ denom: 'ustake', amount: '5' }] } } },
 * ])
 * ```
 */
export function encodeCosmosPayload(items: readonly CosmosCall[] | readonly CosmosRead[]): Hex {
  return bytesToHex(stringToBytes(JSON.stringify(items)))
}

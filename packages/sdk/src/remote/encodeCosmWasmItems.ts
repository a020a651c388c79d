import { type Hex, stringToHex } from 'viem'
import type { CosmWasmRemoteCall, CosmWasmRemoteRead } from './cosmwasmTypes.js'

const base64 = (value: unknown) => {
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/**
 * The payload of a remote call or read to a CosmWasm chain (spec/apps/interchain-accounts.md
 * §4): the UTF-8 JSON array of `wasm.execute` messages (calls, with their funds) or `smart`
 * queries (reads), each message as base64 JSON.
 *
 * @example
 * const payload = encodeCosmWasmItems('call', [{ contract: counter, msg: { increment: {} } }])
 */
export function encodeCosmWasmItems(
  kind: 'call' | 'read',
  items: readonly (CosmWasmRemoteCall<unknown> | CosmWasmRemoteRead<unknown>)[],
): Hex {
  const messages = items.map((item) =>
    kind === 'call' && 'msg' in item
      ? {
          wasm: {
            execute: {
              contract_addr: item.contract,
              msg: base64(item.msg),
              funds: (item.funds ?? []).map(({ denom, amount }) => ({
                denom,
                amount: amount.toString(),
              })),
            },
          },
        }
      : { smart: { contract_addr: item.contract, msg: base64('query' in item ? item.query : {}) } },
  )
  return stringToHex(JSON.stringify(messages))
}

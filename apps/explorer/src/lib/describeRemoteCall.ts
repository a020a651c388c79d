import { decodeEvmRemoteCalls, decodeRemoteCallBody } from '@ferry/protocol'
import { type Hex, hexToString, isHex } from 'viem'

/**
 * A message body from an interchain-account router (spec/apps/interchain-accounts.md) for
 * people, one line each: what it asks (calls through the owner's account, or reads) and by whom,
 * then each call: an EVM target with its value and calldata (selector first), or a CosmWasm
 * message as its JSON. Undefined when the body is not in that format. Plain text: the caller
 * renders it as text, never as HTML.
 *
 * @example
 * describeRemoteCall(body, 'evm') // ['calls through the account of 0x…', '1. 0x5fbd… value 0, calls 0xd09de08a (…)']
 */
export function describeRemoteCall(
  body: string,
  destinationKind: 'evm' | 'cosmwasm',
): string[] | undefined {
  if (!isHex(body)) return undefined
  try {
    const { kind, owner, payload } = decodeRemoteCallBody(body)
    const head =
      kind === 'call' ? `calls through the account of ${owner}` : `reads, asked by ${owner}`
    if (destinationKind === 'evm') {
      const calls = decodeEvmRemoteCalls(payload)
      return [
        head,
        ...calls.map(
          ({ target, value, data }, i) =>
            `${i + 1}. ${`0x${target.slice(26)}`} value ${value}, calls ${data.slice(0, 10)}${data.length > 10 ? ` (arguments 0x${data.slice(10)})` : ''}`,
        ),
      ]
    }
    const items: unknown = JSON.parse(hexToString(payload as Hex))
    if (!Array.isArray(items)) return undefined
    return [head, ...items.map((item, i) => `${i + 1}. ${JSON.stringify(item)}`)]
  } catch {
    return undefined
  }
}

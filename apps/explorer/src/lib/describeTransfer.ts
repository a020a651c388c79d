import {
  addressToBytes32,
  bytes32ToBech32,
  bytes32ToEvmAddress,
  decodeTokenTransferBody,
} from '@ferry/protocol'
import { formatUnits, type Hex, isHex } from 'viem'

/** A chain of the chains file, as far as a transfer's description reads it. */
type ChainEntry = {
  domain?: unknown
  kind?: unknown
  bech32Prefix?: unknown
  apps?: { tokenBridge?: unknown }
  /** The token its bridge locks or mints, for amounts in whole tokens: `{ symbol, decimals }`. */
  token?: { symbol?: unknown; decimals?: unknown }
}

/**
 * A message body as a token transfer (spec/apps/token-bridge.md §2) for people, one line:
 * "Token transfer: 1.234567 bTT from 0xf39F… to wasm1…", the amount in the destination token's
 * decimals and symbol when the chains file gives them (`chains[].token`), else in base units; the
 * sender and recipient in their chains' own address forms. Undefined unless the message goes
 * between token bridges the chains file names (`chains[].apps.tokenBridge`: its sender is the
 * origin's bridge or its recipient the destination's) and the body decodes as a transfer. Plain
 * text: the caller renders it as text.
 *
 * @example
 * describeTransfer(config.chains, message) // 'Token transfer: 3 uwasm from 0x7099… to wasm144gh…'
 */
export function describeTransfer(
  chains: unknown,
  message: { origin: number; sender: string; destination: number; recipient: string; body: string },
): string | undefined {
  // CAST: the file is probed field by field below; nothing is trusted before it is checked.
  const list = (chains as { chains?: unknown } | undefined)?.chains
  if (!Array.isArray(list) || !isHex(message.body)) return undefined
  const entries = list as ChainEntry[]
  const origin = entries.find((chain) => chain?.domain === message.origin)
  const destination = entries.find((chain) => chain?.domain === message.destination)
  if (!isBridge(origin, message.sender) && !isBridge(destination, message.recipient))
    return undefined
  try {
    const { recipient, amount, sender } = decodeTokenTransferBody(message.body)
    return `Token transfer: ${formatAmount(amount, destination?.token)} from ${addressOn(origin, sender)} to ${addressOn(destination, recipient)}`
  } catch {
    return undefined
  }
}

/** Whether `address` (32-byte hex) is the chain's token bridge in the chains file. */
function isBridge(chain: ChainEntry | undefined, address: string): boolean {
  const bridge = chain?.apps?.tokenBridge
  if (typeof bridge !== 'string') return false
  try {
    return addressToBytes32(bridge).toLowerCase() === address.toLowerCase()
  } catch {
    return false
  }
}

/** `amount` in whole tokens with the symbol, or in base units when the token is unknown. */
function formatAmount(amount: bigint, token: ChainEntry['token']): string {
  const { symbol, decimals } = token ?? {}
  if (typeof symbol !== 'string' || !Number.isInteger(decimals)) return `${amount} base units`
  return `${formatUnits(amount, decimals as number)} ${symbol}` // CAST: checked an integer
}

/** A body's 32-byte address in its chain's form: an EVM address, bech32, else the hex. */
function addressOn(chain: ChainEntry | undefined, address: Hex): string {
  try {
    if (chain?.kind === 'evm') return bytes32ToEvmAddress(address)
    if (chain?.kind === 'cosmwasm' && typeof chain.bech32Prefix === 'string')
      return bytes32ToBech32(address, chain.bech32Prefix)
  } catch {
    // Not an address of that chain (a forged body): the hex says what it holds.
  }
  return address
}

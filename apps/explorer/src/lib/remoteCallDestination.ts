import { addressToBytes32 } from '@ferry/protocol'

/** One chain of the chains file, as far as this reads it. */
type ChainEntry = { domain?: unknown; kind?: unknown; apps?: { interchainAccountRouter?: unknown } }

/**
 * The destination's kind when a message is a remote call: its sender is the origin chain's
 * interchain-account router, per the chains the explorer was given (the devnet file's shape:
 * `chains[].apps.interchainAccountRouter`); undefined for any other message, or without chains.
 * What lets the page decode a body as a remote call (`describeRemoteCall`) only when it is one.
 *
 * @example
 * remoteCallDestination(config.chains, { origin: 31337, sender, destination: 7001 }) // 'cosmwasm'
 */
export function remoteCallDestination(
  chains: unknown,
  message: { origin: number; sender: string; destination: number },
): 'evm' | 'cosmwasm' | undefined {
  // CAST: the file is probed field by field below; nothing is trusted before it is checked.
  const list = (chains as { chains?: unknown } | undefined)?.chains
  if (!Array.isArray(list)) return undefined
  const entries = list as ChainEntry[]
  const origin = entries.find((chain) => chain?.domain === message.origin)
  const destination = entries.find((chain) => chain?.domain === message.destination)
  const router = origin?.apps?.interchainAccountRouter
  const kind = destination?.kind
  if (typeof router !== 'string' || (kind !== 'evm' && kind !== 'cosmwasm')) return undefined
  try {
    return addressToBytes32(router).toLowerCase() === message.sender.toLowerCase()
      ? kind
      : undefined
  } catch {
    return undefined
  }
}

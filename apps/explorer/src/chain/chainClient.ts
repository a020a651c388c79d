// Everything the page does on chains, through the SDK: loaded on demand (its own chunk), so the
// first page carries no chain clients.
import {
  addFee,
  createFerryClient,
  devnetChains,
  type FerryChain,
  findSentMessage,
  getSignedIndex,
  type MessageState,
  relayMessage,
  retryMessage,
  type SentMessageEvent,
  timeoutMessage,
  toMessageState,
} from '@ferry/sdk'
import { createWalletClient, custom, type EIP1193Provider, type Hex, numberToHex } from 'viem'
import type { WaitAction } from '../lib/whyItWaits.ts'

/**
 * The page's `fetch`, unbound from `window`: the SDK calls `client.fetch(…)` as a method, which
 * a browser's own `fetch` refuses ("Illegal invocation") when its `this` is not the window.
 */
const browserFetch: typeof fetch = (input, init) => fetch(input, init)

/** What the page knows of the chains: those it can reach, and those it cannot (the embedded VM). */
export type PageChains = {
  chains: FerryChain[]
  validators: Record<number, readonly string[]>
  unreachable: string[]
}

/**
 * The chains of the page's config (the devnet file's shape, checked by the SDK's `devnetChains`).
 *
 * @example
 * const { chains, unreachable } = pageChains(config.chains)
 */
export function pageChains(file: unknown): PageChains {
  const { chains, validators, unreachable } = devnetChains(file, { source: '/config.json chains' })
  return { chains: [...chains], validators: { ...(validators ?? {}) }, unreachable }
}

/** A message read from the chains alone (no relayer API): its `MessageSent` and its state. */
export type ChainMessage = {
  sent: SentMessageEvent | undefined
  origin: string | undefined
  state: MessageState
}

/**
 * Reads a message from the chains alone, through the SDK: what the page shows when the relayer
 * has never seen it or its API is down. The origin's `MessageSent` (`findSentMessage`), the
 * destination's status and head, and how far the origin's validators signed (`getSignedIndex`)
 * go to the SDK's `toMessageState`, as `getMessage` does, except that the deadline is judged by
 * the destination's block time rather than this machine's clock (a devnet's chains run ahead of
 * it), and the origin is scanned once.
 *
 * @example
 * const { sent, state } = await readFromChains(config.chains, id)
 */
export async function readFromChains(
  file: unknown,
  id: Hex,
  signal?: AbortSignal,
): Promise<ChainMessage> {
  const { chains, validators } = pageChains(file)
  const client = createFerryClient({ chains, validators, fetch: browserFetch })
  const found = await findSentMessage(client, { id, signal })
  if (!found) return { sent: undefined, origin: undefined, state: { type: 'not_found', id } }
  const { event, chain: origin } = found
  const { message } = event
  const destination = client.chains.find((chain) => chain.domain === message.destination)
  const reader = destination && client.reader(destination)
  const [status, head] = reader
    ? await Promise.all([reader.getMessageStatus(event.encoded, signal), reader.getHead(signal)])
    : [undefined, undefined]
  const signatures =
    validators[origin.domain] === undefined
      ? undefined
      : {
          signedIndex: await getSignedIndex(client, { origin: origin.domain, signal }),
          leafIndex: event.leafIndex,
        }
  const state = toMessageState({
    id,
    sent: {
      origin: message.origin,
      destination: message.destination,
      deadline: message.deadline,
      gasLimit: message.gasLimit,
    },
    status,
    signatures,
    now: head?.timestamp ?? BigInt(Math.floor(Date.now() / 1000)),
  })
  return { sent: event, origin: origin.name, state }
}

export type RunActionParameters = {
  action: WaitAction
  id: Hex
  /** The message as sent. */
  encoded: Hex
  /** The chain the action signs on: the origin for addFee, the destination otherwise. */
  domain: number
  /** addFee: how much. */
  amount?: bigint | undefined
  /** retryMessage: the handler's gas. */
  gasLimit?: number | undefined
  /** The API, for proofs and `toPolicy`; undefined when it is down. */
  apiUrl?: string | undefined
}

/** The transaction an action sent. */
export type RunActionReturnType = { transactionHash: string; chain: string }

/**
 * Signs one recovery action with the user's browser wallet (EIP-1193, viem's `custom`
 * transport), through the SDK's action of the same name: the wallet is asked for its account,
 * switched to the chain, and the SDK simulates before it signs (a refusal is decoded first).
 *
 * @example
 * await runAction(config.chains, window.ethereum, { action: 'addFee', id, encoded, domain, amount })
 */
export async function runAction(
  file: unknown,
  provider: EIP1193Provider,
  { action, id, encoded, domain, amount, gasLimit, apiUrl }: RunActionParameters,
): Promise<RunActionReturnType> {
  const [address] = await provider.request({ method: 'eth_requestAccounts' })
  if (address === undefined) throw new Error('The wallet gave no account.')
  const { chains, validators } = pageChains(file)
  const target = chains.find((chain) => chain.domain === domain)
  if (target?.kind !== 'evm')
    throw new Error(`Domain ${domain} is not an EVM chain this page can sign on.`)
  const { chains: signed } = devnetChains(file, { account: { address, type: 'json-rpc' } })
  const viemChain = signed.find((chain) => chain.domain === domain && chain.kind === 'evm')
  const chain = viemChain?.kind === 'evm' ? viemChain.walletClient?.chain : undefined
  if (!chain) throw new Error(`No chain id for domain ${domain}.`)
  await provider.request({
    method: 'wallet_switchEthereumChain',
    params: [{ chainId: numberToHex(chain.id) }],
  })
  const walletClient = createWalletClient({ account: address, chain, transport: custom(provider) })
  const client = createFerryClient({
    chains: chains.map((c) =>
      c.domain === domain && c.kind === 'evm' ? { ...c, walletClient } : c,
    ),
    validators,
    apiUrl,
    fetch: browserFetch,
  })
  switch (action) {
    case 'addFee': {
      const done = await addFee(client, { id, chain: domain, amount: amount ?? 'toPolicy' })
      return { transactionHash: done.transactionHash, chain: done.chain }
    }
    case 'relayMessage': {
      const done = await relayMessage(client, { id })
      return { transactionHash: done.transactionHash, chain: target.name }
    }
    case 'retryMessage': {
      const done = await retryMessage(client, { message: encoded, gasLimit: gasLimit ?? 1_000_000 })
      return { transactionHash: done.transactionHash, chain: done.chain }
    }
    case 'timeoutMessage': {
      const done = await timeoutMessage(client, { message: encoded })
      return { transactionHash: done.transactionHash, chain: done.chain }
    }
  }
}

// Everything the page does on chains, through the SDK: loaded on demand (its own chunk), so the
// first page carries no chain clients.
import {
  addFee,
  createFerryClient,
  devnetChains,
  type FerryChain,
  findSentMessage,
  getMessage,
  type MessageState,
  relayMessage,
  retryMessage,
  type SentMessageEvent,
  timeoutMessage,
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
 * Reads a message from the chains alone, through the SDK (`findSentMessage`, `getMessage`):
 * what the page shows when the relayer has never seen it or its API is down.
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
  const state = await getMessage(client, { id, origin: found?.chain.domain, signal })
  return { sent: found?.event, origin: found?.chain.name, state }
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

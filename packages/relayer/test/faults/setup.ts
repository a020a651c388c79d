// Shared pieces of the in-process fault tests (issue 5): agents over chosen RPC URLs, block
// production on demand, and the exactly-once checks every fault test ends with, in the store
// (stage, status, one delivery outcome per message) and on chain (one `MessageDelivered` per id,
// recipients' handled counts).
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/sdk/codec'
import type { Address, Hex } from 'viem'
import { expect } from 'vitest'
import { createEvmChain, type EvmChainAdapter } from '../../src/chains/evm/createEvmChain.ts'
import type { EvmGasPolicy } from '../../src/chains/evm/feeStrategy.ts'
import type { TransactionJournal } from '../../src/chains/types.ts'
import type { RelayerPolicy } from '../../src/core/relayer/policy.ts'
import type { RelayerStore, StoredAttempt } from '../../src/store/types.ts'
import {
  type RunningRelayer,
  type RunningValidators,
  startRelayer,
  startValidators,
  TEST_POLICY,
  testLogger,
} from '../world/agents.ts'
import { TEST_GAS } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  RELAYER_KEYS,
  sendMessages,
  THRESHOLD,
  toB32,
  validatorKeys,
} from '../world/evmWorld.ts'

/** A relayer retry policy that retries failed sends quickly. */
export const FAST_POLICY: RelayerPolicy = {
  ...TEST_POLICY,
  retry: { initialDelayMs: 200, maxDelayMs: 1_000, factor: 2 },
}

export type AdapterOptions = {
  /** RPC URLs, preferred first; default the node's own. */
  rpcUrls?: readonly string[] | undefined
  /** Signing key; default a throwaway (read-only use). */
  privateKey?: Hex | undefined
  gas?: Partial<EvmGasPolicy> | undefined
  requestTimeoutMs?: number | undefined
}

/**
 * An EVM adapter for `chain` over `rpcUrls`, as the CLI would build it, with a short request
 * timeout (a stalled URL costs 1.5 s).
 *
 * @example
 * const adapter = faultAdapter(a, store, { rpcUrls: [proxy.url, a.rpcUrl], privateKey: RELAYER_KEYS[0] })
 */
export function faultAdapter(
  chain: EvmChain,
  journal: TransactionJournal,
  { rpcUrls, privateKey, gas, requestTimeoutMs = 1_500 }: AdapterOptions = {},
): EvmChainAdapter {
  return createEvmChain({
    domain: chain.domain,
    rpcUrls: rpcUrls ?? [chain.rpcUrl],
    endpoint: chain.endpoint,
    // A random key is fine for validators: their adapters only read.
    privateKey: privateKey ?? '0x1111111111111111111111111111111111111111111111111111111111111111',
    journal,
    gas: { ...TEST_GAS, ...gas },
    logger: testLogger,
    pollingIntervalMs: 50,
    requestTimeoutMs,
  })
}

export type Agents = {
  validators: RunningValidators
  relayer: RunningRelayer
  /** Stops the relayer, then the validators. */
  stop(): Promise<void>
}

export type StartAgentsParameters = {
  chains: readonly EvmChain[]
  /** The relayer's store. */
  store: RelayerStore
  /** The validators' store (one for all of them, as in the e2e tests). */
  validatorStore: RelayerStore
  confirmations: number
  /** RPC URLs of the validators' and the relayer's adapters per chain; default the node's own. */
  rpcUrls?: ((chain: EvmChain) => readonly string[]) | undefined
  /** The relayer's adapter options per chain (over `rpcUrls`). */
  relayerAdapter?: ((chain: EvmChain) => AdapterOptions) | undefined
  /** The validator URLs the relayer is given per origin; default the three honest ones. */
  validatorUrls?: ((chain: EvmChain, honest: readonly string[]) => readonly string[]) | undefined
  /** Which validator keys run per origin; default all three. */
  validatorKeys?: ((chain: EvmChain) => readonly Hex[]) | undefined
  policy?: RelayerPolicy | undefined
  owner?: string | undefined
  privateKey?: Hex | undefined
}

/**
 * Starts validators for every chain (as an origin) and one relayer over all of them, each on
 * adapters of its own.
 *
 * @example
 * const agents = await startAgents({ chains: [a, b], store, validatorStore, confirmations: 2 })
 * await agents.stop()
 */
export async function startAgents(params: StartAgentsParameters): Promise<Agents> {
  const { chains, store, validatorStore, confirmations } = params
  const urls = params.rpcUrls ?? ((chain: EvmChain) => [chain.rpcUrl])
  const validators = await startValidators(
    validatorStore,
    chains.map((chain) => ({
      chain: faultAdapter(chain, validatorStore, { rpcUrls: urls(chain) }),
      keys: params.validatorKeys?.(chain) ?? validatorKeys(chain.domain),
      confirmations,
    })),
    50,
  )
  const relayer = startRelayer({
    store,
    chains: chains.map((chain) => ({
      adapter: faultAdapter(chain, store, {
        rpcUrls: urls(chain),
        privateKey: params.privateKey ?? RELAYER_KEYS[0],
        ...params.relayerAdapter?.(chain),
      }),
      confirmations,
      pollIntervalMs: 50,
    })),
    validators: new Map(
      chains.map((chain) => {
        const honest = validators.urls.get(chain.domain) ?? []
        return [
          chain.domain,
          {
            urls: params.validatorUrls?.(chain, honest) ?? honest,
            threshold: THRESHOLD,
            timeoutMs: 1_000,
          },
        ]
      }),
    ),
    policy: params.policy ?? FAST_POLICY,
    ...(params.owner !== undefined && { owner: params.owner }),
  })
  return {
    validators,
    relayer,
    async stop() {
      await relayer.stop()
      await validators.stop()
    },
  }
}

/** One message sent in a test, and where it must be handled. */
export type Sent = { id: Hex; destination: EvmChain; recipient: Address }

/**
 * Sends `count` messages from `from.apps[app]` to `to.apps[app]` (channel `app` of that
 * direction) and records them in `sent`.
 *
 * @example
 * await send(sent, a, b, 0, 5)
 */
export async function send(
  sent: Sent[],
  from: EvmChain,
  to: EvmChain,
  app: 0 | 1 | 2,
  count: number,
  body: Hex = '0x',
): Promise<Hex[]> {
  const ids = await sendMessages(from, count, {
    app: from.apps[app],
    destination: to.domain,
    recipient: toB32(to.apps[app]),
    body,
  })
  for (const id of ids) sent.push({ id, destination: to, recipient: to.apps[app] })
  return ids
}

/** Whether the store has every message of `ids` `done`. */
export async function allDone(store: RelayerStore, ids: readonly Hex[]): Promise<boolean> {
  for (const id of ids) if ((await store.getMessage(id))?.stage !== 'done') return false
  return true
}

/** `MessageDelivered` logs on `chain`'s endpoint, by message id, with their transactions. */
export async function deliveries(
  chain: EvmChain,
): Promise<Map<Hex, { transactionHash: Hex; status: number }[]>> {
  const logs = await chain.client.getContractEvents({
    address: chain.endpoint,
    abi: endpointAbi,
    eventName: 'MessageDelivered',
    fromBlock: 0n,
    strict: true,
  })
  const byId = new Map<Hex, { transactionHash: Hex; status: number }[]>()
  for (const log of logs)
    byId.set(log.args.id, [
      ...(byId.get(log.args.id) ?? []),
      { transactionHash: log.transactionHash, status: log.args.status },
    ])
  return byId
}

/** `handled` of a TestRecipient. */
export const handled = (chain: EvmChain, app: Address): Promise<bigint> =>
  chain.client.readContract({ address: app, abi: testRecipientAbi, functionName: 'handled' })

const OUTCOMES = new Set(['delivered', 'delivered_by_other', 'retried', 'timed_out'])

/**
 * Asserts each message of `sent` was executed exactly once: in the store `done`, Executed, with
 * exactly one delivery outcome among its attempts; on chain exactly one `MessageDelivered` (status
 * Executed, by the transaction the store names when it delivered it itself), and every recipient
 * handled exactly what was sent to it in this test (`handledBefore`: its count at the start).
 * Returns every message's attempts, by id.
 *
 * @example
 * const attempts = await expectDeliveredOnce(store, sent, handledBefore)
 */
export async function expectDeliveredOnce(
  store: RelayerStore,
  sent: readonly Sent[],
  handledBefore: ReadonlyMap<string, bigint> = new Map(),
): Promise<Map<Hex, StoredAttempt[]>> {
  const onChain = new Map<EvmChain, Awaited<ReturnType<typeof deliveries>>>()
  for (const { destination } of sent)
    if (!onChain.has(destination)) onChain.set(destination, await deliveries(destination))
  const attempts = new Map<Hex, StoredAttempt[]>()
  for (const { id, destination } of sent) {
    const logs = onChain.get(destination)?.get(id) ?? []
    expect(logs, `MessageDelivered of ${id}`).toHaveLength(1)
    expect(logs[0]?.status).toBe(MessageStatus.Executed)
    const message = await store.getMessage(id)
    expect(message, `stored ${id}`).toMatchObject({ stage: 'done', status: MessageStatus.Executed })
    const log = await store.getAttempts(id)
    attempts.set(id, log)
    const outcomes = log.filter((attempt) => OUTCOMES.has(attempt.reason))
    expect(outcomes, `delivery outcomes of ${id}`).toHaveLength(1)
    if (outcomes[0]?.reason === 'delivered')
      expect(outcomes[0].transactionHash).toBe(logs[0]?.transactionHash)
  }
  const recipients = new Map<string, { chain: EvmChain; app: Address; count: bigint }>()
  for (const { destination, recipient } of sent) {
    const key = appKey(destination, recipient)
    recipients.set(key, {
      chain: destination,
      app: recipient,
      count: (recipients.get(key)?.count ?? 0n) + 1n,
    })
  }
  for (const [key, { chain, app, count }] of recipients)
    expect((await handled(chain, app)) - (handledBefore.get(key) ?? 0n), `handled by ${key}`).toBe(
      count,
    )
  return attempts
}

/** An app's key in {@link handledCounts}: apps on two chains may share an address. */
export const appKey = (chain: EvmChain, app: Address): string => `${chain.domain}:${app}`

/** Every TestRecipient's `handled` on `chains`, by {@link appKey}. */
export async function handledCounts(chains: readonly EvmChain[]): Promise<Map<string, bigint>> {
  const counts = new Map<string, bigint>()
  for (const chain of chains)
    for (const app of chain.apps) counts.set(appKey(chain, app), await handled(chain, app))
  return counts
}

/** Sets `chain`'s block production: automine, and a block every `intervalMs` (0: none). */
export async function setMining(
  chain: EvmChain,
  { automine, intervalMs }: { automine: boolean; intervalMs: number },
): Promise<void> {
  await chain.client.request({ method: 'evm_setAutomine', params: [automine] } as never)
  await chain.client.request({ method: 'evm_setIntervalMining', params: [intervalMs] } as never)
}

/** Mines `blocks` blocks on `chain` now. */
export async function mine(chain: EvmChain, blocks = 1): Promise<void> {
  await chain.client.request({
    method: 'hardhat_mine',
    params: [`0x${blocks.toString(16)}`],
  } as never)
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

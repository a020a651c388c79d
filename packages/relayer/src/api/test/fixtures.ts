// Test fixtures for the API: a store filled through its own methods with real encoded messages,
// fake chain adapters for the monitor, and the app wired as `startRelayerApi` wires it.
import {
  encodeAckBody,
  encodeMessage,
  getChannelKey,
  getMessageId,
  type Message,
  MessageFlags,
  type MessageStatus,
} from '@ferry/protocol'
import type { BlockRef } from '@ferry/sdk'
import type { Hex } from 'viem'
import { createEventBus, type EventBus } from '../../events/createEventBus.js'
import { observeStore } from '../../events/observeStore.js'
import { createRelayerMetrics, type RelayerMetrics } from '../../metrics/createRelayerMetrics.js'
import { openStore } from '../../store/openStore.js'
import type { NewMessage, RelayerStore } from '../../store/types.js'
import { createRelayerApi } from '../createRelayerApi.js'
import {
  type ChainMonitor,
  createChainMonitor,
  type MonitoredChain,
} from '../monitor/createChainMonitor.js'
import { createValidatorProbe, type ProbedValidators } from '../monitor/createValidatorProbe.js'
import { createProofSource } from '../proofs/createProofSource.js'
import type { SimulationSource } from '../simulations/createSimulationSource.js'
import type { ApiApp, RelayerApiOptions } from '../types.js'

export const A = 31337
export const B = 31338
export const word = (n: number | bigint, prefix = ''): Hex =>
  `0x${prefix}${n.toString(16).padStart(64 - prefix.length, '0')}`
export const app20 = (n: number): Hex => `0x${n.toString(16).padStart(40, '0')}`
export const b32 = (address: Hex): Hex => `0x${address.slice(2).padStart(64, '0')}`

export type SentFixture = Partial<Omit<Message, 'version'>> & {
  nonce: bigint
  leafIndex: number
  sentAt?: Date
  transactionHash?: string
}

/** A NewMessage built from a real encoded message (its id, channel and decode all agree). */
export function sent(fixture: SentFixture): NewMessage {
  const message: Message = {
    version: 1,
    flags: fixture.flags ?? 0,
    origin: fixture.origin ?? A,
    sender: fixture.sender ?? b32(app20(0xa1)),
    destination: fixture.destination ?? B,
    recipient: fixture.recipient ?? b32(app20(0xb1)),
    nonce: fixture.nonce,
    deadline: fixture.deadline ?? 0n,
    gasLimit: fixture.gasLimit ?? 100_000,
    ackGasLimit: fixture.ackGasLimit ?? 0,
    body: fixture.body ?? '0x1234',
  }
  const encoded = encodeMessage(message)
  return {
    id: getMessageId(encoded),
    origin: message.origin,
    destination: message.destination,
    channel: getChannelKey(message),
    nonce: message.nonce,
    leafIndex: fixture.leafIndex,
    sender: message.sender,
    recipient: message.recipient,
    flags: message.flags,
    deadline: message.deadline,
    gasLimit: message.gasLimit,
    ackGasLimit: message.ackGasLimit,
    encoded,
    feePaid: 10n ** 15n,
    originBlockNumber: 10n + BigInt(fixture.leafIndex),
    originBlockHash: word(fixture.leafIndex, 'b'),
    originTransactionHash: fixture.transactionHash ?? word(fixture.leafIndex, 'f'),
    sentAt: fixture.sentAt ?? new Date(),
  }
}

/** The ack a destination sends back for `original` (PROTOCOL §8), as a NewMessage. */
export function ackOf(
  original: NewMessage,
  { status, nonce, leafIndex }: { status: MessageStatus; nonce: bigint; leafIndex: number },
): NewMessage {
  return sent({
    flags: MessageFlags.isAck,
    origin: original.destination,
    sender: original.recipient,
    destination: original.origin,
    recipient: original.sender,
    nonce,
    leafIndex,
    body: encodeAckBody({ originalId: original.id, status, result: '0xbeef' }),
  })
}

/** A chain adapter answering only what the monitor asks; anything else throws. */
export function fakeChain(
  domain: number,
  state: { head: BlockRef; balance: bigint; fail?: boolean } = {
    head: { number: 120n, hash: word(120, 'h'), timestamp: 1_700_000_000n },
    balance: 10n ** 18n,
  },
): MonitoredChain['adapter'] & { state: typeof state } {
  const unused = async (): Promise<never> => {
    throw new Error('not used by the API')
  }
  return {
    state,
    kind: 'evm',
    domain,
    endpoint: word(domain, 'e'),
    getHead: async () => {
      if (state.fail) throw new Error('connection refused')
      return state.head
    },
    getSignerBalance: async () => {
      if (state.fail) throw new Error('connection refused')
      return state.balance
    },
    getBlockHash: unused,
    getSentMessages: unused,
    getFeesAdded: unused,
    getTree: unused,
    getFeePaid: unused,
    getMessageStatus: unused,
    getInboundNonce: unused,
    getDeliveryResult: unused,
  }
}

export type TestApi = {
  app: ApiApp
  store: RelayerStore
  bus: EventBus
  metrics: RelayerMetrics
  monitor: ChainMonitor
  chains: ReturnType<typeof fakeChain>[]
  shutdown: AbortController
  close(): Promise<void>
}

/**
 * A memory store observed by a bus, the app over it with two fake chains (checked once), and
 * `options` (a generous rate limit by default).
 */
export async function createTestApi({
  minimumFee = new Map(),
  simulations,
  ...options
}: Partial<RelayerApiOptions> & {
  validators?: ProbedValidators
  /** Dry runs for `/simulation` (test/e2e/simulation.test.ts runs the real ones over nodes). */
  simulations?: SimulationSource
  /** The relayer's minimum fee per origin, as `startRelayerApi` takes it. */
  minimumFee?: ReadonlyMap<number, bigint>
} = {}): Promise<TestApi> {
  const opened = await openStore('memory://')
  const bus = createEventBus()
  const store = observeStore(opened, bus)
  const metrics = createRelayerMetrics({ store, bus })
  const chains = [fakeChain(A), fakeChain(B)]
  const monitor = createChainMonitor({
    chains: chains.map((adapter) => ({
      adapter,
      finality: { confirmations: 2 },
      name: `chain-${adapter.domain}`,
    })),
    store,
    onChecked: (health) =>
      metrics.recordChain(health.domain, {
        head: health.head?.number,
        signerBalance: health.signerBalance,
      }),
  })
  await monitor.check()
  const shutdown = new AbortController()
  const app = createRelayerApi(
    {
      store,
      bus,
      metrics,
      chains: monitor,
      validators: createValidatorProbe({ validators: options.validators ?? new Map() }),
      proofs: createProofSource({
        store,
        endpoints: new Map(chains.map((chain) => [chain.domain, chain.endpoint])),
        validators: options.validators ?? new Map(),
      }),
      minimumFee,
      simulations,
      shutdown: shutdown.signal,
    },
    { rateLimit: { requestsPerSecond: 10_000, burst: 10_000 }, ...options },
  )
  return {
    app,
    store,
    bus,
    metrics,
    monitor,
    chains,
    shutdown,
    async close() {
      shutdown.abort()
      metrics.close()
      await opened.close()
    },
  }
}

/** What `get` returns: the body parsed as JSON when it is JSON, else the text. */
export type TestResponse = {
  status: number
  headers: Headers
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  body: any
  text: string
}

/** GET `path` from `app`, returning status, headers and parsed JSON (or text). */
export async function get(app: ApiApp, path: string, init?: RequestInit): Promise<TestResponse> {
  const response = await app.request(path, init)
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {}
  return { status: response.status, headers: response.headers, body, text }
}

/** Polls `check` every 20 ms until it holds, or throws after `timeoutMs` naming `what`. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

// An embedded CosmWasm chain (domain 7001, prefix `wasm`) joined to an EvmWorld's chains for
// the relayer's end-to-end tests: the Ferry endpoint and three test recipients, connected both
// ways with every EVM chain (each side trusts the other's three validators, two must sign; fee
// configs both ways), and a ticker that opens an empty block every `tickMs`, as a real chain's
// blocks keep coming. The embedded chain opens a block only for a successful transaction (or an
// `advance`), and the relayer reads the destination's block time from its head to choose between
// `retry` and `timeout`: on an idle chain a Failed message past its deadline would be retried
// forever (each retry refused with `deadline_passed`, which opens no block), never timed out.
import { type CosmWasmExecutor, send } from '@ferry/cosmwasm-bindings'
import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { testRecipientHandled, viaTestRecipient } from '@ferry/cosmwasm-bindings/testing'
import { createCosmWasmChainReader, createCosmWasmEmbeddedSource } from '@ferry/sdk/cosmwasm'
import {
  connectChain,
  startTestChain,
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_DENOM,
} from '@ferry/testkit'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { connectCosmWasmChain } from '../../src/chains/cosmwasm/connectCosmWasmChain.ts'
import type { CosmWasmChainSubmitter } from '../../src/chains/cosmwasm/createCosmWasmChainSubmitter.ts'
import { type AgentChain, testLogger } from './agents.ts'
import { type EvmWorld, THRESHOLD, validatorKeys } from './evmWorld.ts'
import type { ChannelDeliveries } from './inOrder.ts'

export const COSMWASM_DOMAIN = 7001
export const COSMWASM_DENOM = TEST_COSMWASM_DENOM

/** Deploys, owns and configures the endpoint. */
export const COSMWASM_OWNER = TEST_COSMWASM_ACCOUNTS.owner
/** The relayer's account (the embedded chain charges no gas: it needs no funds). */
export const COSMWASM_RELAYER = TEST_COSMWASM_ACCOUNTS.relayer
/** Pays for the test messages sent from the chain. */
export const COSMWASM_USER = TEST_COSMWASM_ACCOUNTS.user

export type CosmWasmWorld = {
  domain: number
  chain: EmbeddedChain
  /** The endpoint, bech32. */
  endpoint: string
  /** Three test recipients: senders whose acks come back to them, and recipients. */
  apps: [string, string, string]
  /** Stops the ticker. */
  stop(): void
}

export type StartCosmWasmWorldParameters = {
  /** Open an empty block every `tickMs` (default 100). */
  tickMs?: number
}

/**
 * Starts the embedded chain, deploys the endpoint and three test recipients, connects it with
 * every chain of `evm` both ways, and starts the ticker.
 *
 * @example
 * const cosmwasm = await startCosmWasmWorld(evmWorld)
 * afterAll(() => cosmwasm.stop())
 */
export async function startCosmWasmWorld(
  evm: EvmWorld,
  { tickMs = 100 }: StartCosmWasmWorldParameters = {},
): Promise<CosmWasmWorld> {
  const started = await startTestChain({
    kind: 'cosmwasm',
    node: 'embedded',
    domain: COSMWASM_DOMAIN,
    chainId: 'ferry-e2e-7001',
    blockTimeMs: tickMs,
    testRecipients: 3,
  })
  const { node, endpoint, apps } = started
  const [first, second, third] = apps.testRecipients
  if (node.type !== 'embedded' || !first || !second || !third)
    throw new Error('the world runs the embedded chain, with three test recipients')
  const remotes = evm.chains.map((chain) => chain.testChain)
  const connection = {
    validators: (domain: number) => validatorKeys(domain).map((key) => privateKeyToAddress(key)),
    threshold: THRESHOLD,
  }
  // 7001 ← each EVM chain, and each EVM chain ← 7001: the EVM chains are connected already.
  await connectChain(started, remotes, connection)
  for (const remote of remotes) await connectChain(remote, [started], connection)
  return {
    domain: COSMWASM_DOMAIN,
    chain: node.chain,
    endpoint,
    apps: [first, second, third],
    stop: () => void started.stop(),
  }
}

/**
 * A CosmWasm adapter for the world's endpoint, writing as `sender` (the relayer's account, or
 * any account for read-only use).
 *
 * @example
 * const adapter = await cosmwasmAdapter(cosmwasm, COSMWASM_RELAYER)
 */
export function cosmwasmAdapter(
  world: CosmWasmWorld,
  sender: string,
): Promise<CosmWasmChainSubmitter> {
  return connectCosmWasmChain({
    domain: world.domain,
    endpoint: world.endpoint,
    source: { type: 'embedded', chain: world.chain, sender },
    logger: testLogger,
  })
}

/**
 * The world's chain for `startAgents`: validators reading as COSMWASM_USER, the relayer writing
 * as COSMWASM_RELAYER; no confirmations (CometBFT's finality is instant).
 *
 * @example
 * const agents = await startAgents({ chains: [evmAgentChain(a, 2), cosmwasmAgentChain(cosmwasm)], store, validatorStore })
 */
export const cosmwasmAgentChain = (world: CosmWasmWorld): AgentChain => ({
  domain: world.domain,
  finality: { confirmations: 0 },
  validatorReader: () =>
    createCosmWasmChainReader({
      domain: world.domain,
      endpoint: world.endpoint,
      source: createCosmWasmEmbeddedSource({ chain: world.chain }),
    }),
  relayerAdapter: () => cosmwasmAdapter(world, COSMWASM_RELAYER),
})

/**
 * Delivered messages on the world's endpoint by origin and sender (the events name no
 * recipient; each sender in these tests sends to one recipient per destination), in event order.
 *
 * @example
 * expectInOrder(cosmwasmDeliveries(cosmwasm), ids, 3)
 */
export function cosmwasmDeliveries(world: CosmWasmWorld): ChannelDeliveries {
  const byChannel: ChannelDeliveries = new Map()
  const transactions = world.chain.getEvents({
    fromHeight: 1,
    toHeight: world.chain.height,
    type: 'wasm-ferry_message_delivered',
  })
  for (const transaction of transactions) {
    for (const event of transaction.events) {
      const fields = Object.fromEntries(event.attributes.map((x) => [x.key, x.value]))
      if (fields._contract_address !== world.endpoint) continue
      const key = `${fields.origin}:${fields.sender}`
      byChannel.set(key, [
        ...(byChannel.get(key) ?? []),
        { id: fields.id ?? '', nonce: BigInt(fields.nonce ?? 0) },
      ])
    }
  }
  return byChannel
}

export type SendFromCosmWasmParameters = {
  /**
   * Who sends: a test recipient (default `apps[0]`), so that acks come back to its handler, with
   * COSMWASM_USER paying the quoted fee; or `'user'`, COSMWASM_USER itself, an account (a
   * 20-byte sender, where an app is a 32-byte one).
   */
  from?: { app: string } | 'user'
  destination: number
  /** bytes32 recipient on the destination. */
  recipient: Hex
  body?: Hex
  /**
   * Default 200,000: an EVM TestRecipient's handler stores the body and its sender in fresh
   * slots, which 100,000 does not cover once the body is not empty.
   */
  gasLimit?: number
  ackGasLimit?: number
  deadline?: bigint
}

/**
 * Sends `count` messages through the world's endpoint, one transaction each, paying the quote;
 * resolves with their ids in send order, read from the endpoint's `ferry_message_sent` events.
 *
 * @example
 * const ids = await sendFromCosmWasm(cosmwasm, 10, { destination: 31337, recipient: toB32(a.apps[0]) })
 */
export async function sendFromCosmWasm(
  world: CosmWasmWorld,
  count: number,
  params: SendFromCosmWasmParameters,
): Promise<Hex[]> {
  const from = params.from ?? { app: world.apps[0] }
  const executor: CosmWasmExecutor =
    from === 'user' ? world.chain : viaTestRecipient(world.chain, from.app)
  const ids: Hex[] = []
  for (let i = 0; i < count; i++) {
    const { id } = await send(executor, {
      contract: world.endpoint,
      sender: COSMWASM_USER,
      destination: params.destination,
      recipient: params.recipient,
      body: params.body ?? '0x',
      gasLimit: params.gasLimit ?? 200_000,
      ackGasLimit: params.ackGasLimit ?? 0,
      deadline: params.deadline ?? 0n,
    })
    ids.push(id)
  }
  return ids
}

/**
 * Turns test recipient `app`'s `flaky` handler failure on or off.
 *
 * @example
 * await setFlaky(cosmwasm, cosmwasm.apps[0], true)
 */
export async function setFlaky(world: CosmWasmWorld, app: string, on: boolean): Promise<void> {
  await world.chain.execute(COSMWASM_OWNER, app, { set_flaky: { on } })
}

/**
 * What test recipient `app` handled: a count and the last body or `ack:<id>:<status>:<result>`.
 *
 * @example
 * const { count, last } = await handled(cosmwasm, cosmwasm.apps[1])
 */
export const handled = (world: CosmWasmWorld, app: string) =>
  testRecipientHandled(world.chain, { app })

/** UTF-8 text as hex (a test recipient's body). */
export const text = (value: string): Hex => `0x${Buffer.from(value, 'utf8').toString('hex')}`

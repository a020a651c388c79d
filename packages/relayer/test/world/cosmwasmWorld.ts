// An embedded CosmWasm chain (domain 7001, prefix `wasm`) joined to an EvmWorld's chains for
// the relayer's end-to-end tests: the Ferry endpoint and three test recipients, connected both
// ways with every EVM chain (each side trusts the other's three validators, two must sign; fee
// configs both ways), and a ticker that opens an empty block every `tickMs`, as a real chain's
// blocks keep coming. The embedded chain opens a block only for a successful transaction (or an
// `advance`), and the relayer reads the destination's block time from its head to choose between
// `retry` and `timeout`: on an idle chain a Failed message past its deadline would be retried
// forever (each retry refused with `deadline_passed`, which opens no block), never timed out.
import { type CosmWasmExecutor, send } from '@ferry/cosmwasm-bindings'
import { createEmbeddedChain, type EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import {
  connectOrigin,
  deployEndpoint,
  instantiateTestRecipient,
  setFeeConfigs,
  testRecipientHandled,
  viaTestRecipient,
} from '@ferry/cosmwasm-bindings/testing'
import { endpointAbi, multisigVerifierAbi } from '@ferry/evm-contracts'
import { bech32ToBytes32, bytes32ToBech32 } from '@ferry/protocol'
import { createCosmWasmChainReader, createCosmWasmEmbeddedSource } from '@ferry/sdk'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { connectCosmWasmChain } from '../../src/chains/cosmwasm/connectCosmWasmChain.ts'
import type { CosmWasmChainSubmitter } from '../../src/chains/cosmwasm/createCosmWasmChainSubmitter.ts'
import { type AgentChain, testLogger } from './agents.ts'
import { type EvmChain, type EvmWorld, THRESHOLD, toB32, validatorKeys } from './evmWorld.ts'
import type { ChannelDeliveries } from './inOrder.ts'

export const COSMWASM_DOMAIN = 7001
export const COSMWASM_DENOM = 'ustake'

/** A bech32 account of 20 bytes, each `byte` (any 20 bytes are an account). */
const account = (byte: number): string =>
  bytes32ToBech32(`0x${'00'.repeat(12)}${byte.toString(16).padStart(2, '0').repeat(20)}`, 'wasm')

/** Deploys, owns and configures the endpoint. */
export const COSMWASM_OWNER = account(0x11)
/** The relayer's account (the embedded chain charges no gas: it needs no funds). */
export const COSMWASM_RELAYER = account(0x22)
/** Pays for the test messages sent from the chain. */
export const COSMWASM_USER = account(0x33)

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

/** Fees of messages from 7001, per unit of gas, in ustake. */
const COSMWASM_FEES = {
  baseFee: 1_000n,
  gasPrice: 1n,
  rate: 10n ** 18n,
  gasOverhead: 50_000,
  gasPerByte: 16,
  maxGasLimit: 15_000_000,
}
/** Fees of messages from the EVM chains to 7001 (as `connectEndpoints` sets between EVM chains). */
const EVM_FEES = {
  gasPrice: 1_000_000_000n,
  rate: 10n ** 18n,
  baseFee: 0n,
  gasOverhead: 100_000,
  gasPerByte: 16,
  // What a delivery transaction can give one handler under EIP-7825's 2^24 (PROTOCOL §4).
  maxGasLimit: 15_000_000,
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
  const chain = createEmbeddedChain({
    chainId: 'ferry-e2e-7001',
    bech32Prefix: 'wasm',
    accounts: { [COSMWASM_USER]: [{ denom: COSMWASM_DENOM, amount: (10n ** 15n).toString() }] },
  })
  const endpoint = await deployEndpoint(chain, {
    domain: COSMWASM_DOMAIN,
    owner: COSMWASM_OWNER,
    denom: COSMWASM_DENOM,
  })
  const apps: [string, string, string] = [
    await instantiateTestRecipient(chain, { sender: COSMWASM_OWNER }),
    await instantiateTestRecipient(chain, { sender: COSMWASM_OWNER }),
    await instantiateTestRecipient(chain, { sender: COSMWASM_OWNER }),
  ]
  // 7001 → each EVM chain (and acks back to 7001).
  await setFeeConfigs(chain, {
    endpoint,
    feeManager: COSMWASM_OWNER,
    domains: [COSMWASM_DOMAIN, ...evm.chains.map((c) => c.domain)],
    config: COSMWASM_FEES,
  })
  for (const remote of evm.chains) {
    await connectOrigin(chain, {
      endpoint,
      owner: COSMWASM_OWNER,
      origin: remote.domain,
      originEndpoint: toB32(remote.endpoint),
      validators: validatorKeys(remote.domain).map((key) => privateKeyToAddress(key)),
      threshold: THRESHOLD,
    })
    await connectEvm(remote, bech32ToBytes32(endpoint))
  }
  const ticker = setInterval(() => chain.advance({ blocks: 1 }), tickMs)
  ticker.unref()
  return {
    domain: COSMWASM_DOMAIN,
    chain,
    endpoint,
    apps,
    stop: () => clearInterval(ticker),
  }
}

/** The EVM side: its verifier trusts 7001's validators, and it quotes messages to 7001. */
async function connectEvm(chain: EvmChain, cosmwasmEndpoint: Hex): Promise<void> {
  const validators = validatorKeys(COSMWASM_DOMAIN)
    .map((key) => privateKeyToAddress(key))
    .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
  const account = chain.wallet.account
  if (!account) throw new Error('the EVM world’s wallet has no account')
  const writes = [
    () =>
      chain.wallet.writeContract({
        address: chain.verifier,
        abi: multisigVerifierAbi,
        functionName: 'setOrigin',
        args: [COSMWASM_DOMAIN, cosmwasmEndpoint, validators, THRESHOLD],
        account,
        chain: chain.wallet.chain,
      }),
    () =>
      chain.wallet.writeContract({
        address: chain.endpoint,
        abi: endpointAbi,
        functionName: 'setDefaultVerifier',
        args: [COSMWASM_DOMAIN, chain.verifier],
        account,
        chain: chain.wallet.chain,
      }),
    () =>
      chain.wallet.writeContract({
        address: chain.endpoint,
        abi: endpointAbi,
        functionName: 'setFeeConfig',
        args: [COSMWASM_DOMAIN, EVM_FEES],
        account,
        chain: chain.wallet.chain,
      }),
  ]
  for (const write of writes) {
    const receipt = await chain.client.waitForTransactionReceipt({ hash: await write() })
    if (receipt.status !== 'success') throw new Error(`connecting ${chain.domain} to 7001 reverted`)
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
  confirmations: 0,
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

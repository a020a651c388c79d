// Protocol 1.1's relayer rules over two real `hardhat node`s: a Failed message without a deadline
// is retried up to `retry.maxAttempts`, then parked as `retries_exhausted` until someone retries
// it by hand (with more gas); `retry.gasLimitMultiplier` gives the relayer's retries more gas; an
// ack goes free only when its original was seen sent (an app with an always-true verifier cannot
// make relayers carry its forged acks for nothing); an underpaid message topped up with `addFee`
// is delivered at once, its attempt log showing the top-up.
import { readFile } from 'node:fs/promises'
import { endpointAbi, testRecipientAbi, testRecipientBytecode } from '@ferry/evm-contracts'
import { encodeMessage, MessageFlags, MessageStatus } from '@ferry/protocol'
import type { Abi, Address, Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RelayerPolicy } from '../../src/core/relayer/policy.ts'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import {
  type AgentRelayer,
  type Agents,
  startAgentRelayer,
  startAgents,
  TEST_POLICY,
  waitFor,
} from '../world/agents.ts'
import { evmAgentChain } from '../world/evmAdapters.ts'
import {
  type EvmChain,
  type EvmWorld,
  readApp,
  sendMessages,
  startEvmWorld,
  toB32,
} from '../world/evmWorld.ts'

const CONFIRMATIONS = 1
/** A handler limit TestRecipient's `handle` runs out of (it writes five slots). */
const STARVED_GAS = 10_000
/** What `connectEndpoints` prices a message at: (gasLimit + 100,000 overhead) × 1 gwei. */
const quoteOf = (gasLimit: number) => BigInt(gasLimit + 100_000) * 10n ** 9n

describe('retry policy, unpaid acks and fee top-ups over hardhat nodes', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore
  let agents: Agents
  let policy: RelayerPolicy
  /** A second relayer run on the same store with another policy (the last test). */
  let rerun: AgentRelayer | undefined

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    policy = {
      ...TEST_POLICY,
      retry: {
        initialDelayMs: 100,
        maxDelayMs: 1_000,
        factor: 2,
        maxAttempts: 3,
        gasLimitMultiplier: 1,
      },
      // From A: a message with a 100,000 gas limit (and no ack) pays too little; from B any
      // fee will do, but something must be paid: an ack pays nothing where it starts.
      minimumFee: new Map([
        [a.domain, quoteOf(200_000)],
        [b.domain, 1n],
      ]),
    }
    agents = await startAgents({
      chains: world.chains.map((chain) => evmAgentChain(chain, CONFIRMATIONS)),
      store,
      validatorStore,
      policy,
    })
  })

  afterAll(async () => {
    await rerun?.stop()
    await agents?.stop()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  const deploy = async (chain: EvmChain, abi: Abi, bytecode: Hex): Promise<Address> => {
    const hash = await chain.wallet.deployContract({
      abi,
      bytecode,
      account: chain.wallet.account!,
      chain: chain.wallet.chain,
    })
    const receipt = await chain.client.waitForTransactionReceipt({ hash })
    if (!receipt.contractAddress) throw new Error(`deployment ${hash} created no contract`)
    return receipt.contractAddress
  }

  /** Waits for the transaction `sent` resolves to, which must succeed. */
  const mined = async (chain: EvmChain, sent: Promise<Hex>) => {
    const receipt = await chain.client.waitForTransactionReceipt({ hash: await sent })
    expect(receipt.status).toBe('success')
    return receipt
  }

  /** The attempt log's reasons, waits left out (how many depends on timing). */
  const reasonsOf = async (id: Hex) =>
    (await store.getAttempts(id))
      .map((attempt) => attempt.reason)
      .filter((reason) => !reason.startsWith('waiting_'))

  it('parks a message without a deadline after maxAttempts; a manual retry with more gas executes it and the store follows', async () => {
    const app = await deploy(a, testRecipientAbi as Abi, testRecipientBytecode)
    const [id] = await sendMessages(b, 1, {
      app: b.apps[0],
      destination: a.domain,
      recipient: toB32(app),
      gasLimit: STARVED_GAS,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor(
      'retries exhausted',
      async () => (await store.getMessage(id))?.reason === 'retries_exhausted',
    )
    const parked = await store.getMessage(id)
    expect(parked).toMatchObject({ stage: 'failed', status: MessageStatus.Failed, attempts: 3 })
    expect(await reasonsOf(id)).toEqual([
      'submitting',
      'retry_scheduled', // the delivery: out of gas
      'retry_scheduled', // retry 1
      'retries_exhausted', // retry 2: the third attempt
    ])
    // Parked: no more retries, though the relayer looks at it every maxDelayMs (quietly).
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect((await store.getMessage(id))?.attempts).toBe(3)
    expect((await reasonsOf(id)).at(-1)).toBe('retries_exhausted')
    expect(await readApp(a, app, 'handled')).toBe(0n)

    // Anyone may still retry it, with the gas its handler needs (PROTOCOL §7).
    const receipt = await mined(
      a,
      a.wallet.writeContract({
        address: a.endpoint,
        abi: endpointAbi,
        functionName: 'retry',
        args: [parked!.encoded, 500_000],
        account: a.wallet.account!,
        chain: a.wallet.chain,
      }),
    )
    expect(await readApp(a, app, 'handled')).toBe(1n)
    await waitFor('recorded Executed', async () => (await store.getMessage(id))?.stage === 'done')
    expect(await store.getMessage(id)).toMatchObject({
      status: MessageStatus.Executed,
      reason: 'delivered_by_other',
      attempts: 3,
    })
    expect(receipt.status).toBe('success')
  })

  it('relays the ack of a message it saw sent for free, but not a forged ack an app made its endpoint emit', async () => {
    // A genuine ack: A → B asking for one; the ack B's endpoint sends back pays nothing on B.
    const acksBefore = await readApp(a, a.apps[1], 'acksHandled')
    const [original] = await sendMessages(a, 1, {
      app: a.apps[1],
      destination: b.domain,
      recipient: toB32(b.apps[1]),
      ackGasLimit: 100_000,
    })
    await waitFor(
      'genuine ack handled',
      async () => (await readApp(a, a.apps[1], 'acksHandled')) === acksBefore + 1n,
    )
    expect(await readApp(a, a.apps[1], 'lastAckId')).toBe(original)

    // A forged one: an app on B trusts an always-true verifier for messages "from A", delivers
    // itself a message A never sent that asks for an ack of 5,000,000 gas, and B's endpoint
    // emits a genuine-looking ack that validators sign.
    const testVerifier = JSON.parse(
      await readFile(
        new URL(
          '../../artifacts/contracts/test/TestVerifier.sol/TestVerifier.json',
          import.meta.resolve('@ferry/evm-contracts/contracts/test/TestVerifier.sol'),
        ),
        'utf8',
      ),
    ) as { abi: Abi; bytecode: Hex } // CAST: Hardhat's artifact format.
    const verifier = await deploy(b, testVerifier.abi, testVerifier.bytecode)
    const forger = await deploy(b, testRecipientAbi as Abi, testRecipientBytecode)
    await mined(
      b,
      b.wallet.writeContract({
        address: forger,
        abi: testRecipientAbi,
        functionName: 'setVerifierAt',
        args: [b.endpoint, a.domain, verifier],
        account: b.wallet.account!,
        chain: b.wallet.chain,
      }),
    )
    const forged = encodeMessage({
      version: 1,
      flags: MessageFlags.ackRequested,
      origin: a.domain,
      sender: toB32(a.apps[2]),
      destination: b.domain,
      recipient: toB32(forger),
      nonce: 1n,
      deadline: 0n,
      gasLimit: 100_000,
      ackGasLimit: 5_000_000,
      body: '0x',
    })
    await mined(
      b,
      b.wallet.writeContract({
        address: b.endpoint,
        abi: endpointAbi,
        functionName: 'deliver',
        args: [forged, '0x'],
        account: b.wallet.account!,
        chain: b.wallet.chain,
      }),
    )
    const forgedAck = async () =>
      (await store.getMessagesInStage('ready', 10_000)).find(
        (message) => message.origin === b.domain && message.sender === toB32(forger).toLowerCase(),
      )
    await waitFor(
      'forged ack held as underpaid',
      async () => (await forgedAck())?.reason === 'underpaid',
    )
    const ack = await forgedAck()
    expect(ack).toMatchObject({ flags: MessageFlags.isAck, gasLimit: 5_000_000, feePaid: 0n })
    // Passes go by; it is never delivered.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect((await store.getMessage(ack!.id))?.stage).toBe('ready')
    expect(
      await a.client.readContract({
        address: a.endpoint,
        abi: endpointAbi,
        functionName: 'inboundNonce',
        args: [ack!.channel],
      }),
    ).toBe(0n)
    const genuineAck = (await store.getAcksOf(original!)).at(0)
    expect(genuineAck).toMatchObject({ stage: 'done', reason: 'delivered', feePaid: 0n })
  })

  it('delivers an underpaid message once it is topped up, logging the top-up', async () => {
    const before = await readApp(b, b.apps[2], 'handled')
    const [id] = await sendMessages(a, 1, {
      app: a.apps[0],
      destination: b.domain,
      recipient: toB32(b.apps[2]),
      gasLimit: 100_000,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor('underpaid', async () => (await store.getMessage(id))?.reason === 'underpaid')
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect((await store.getMessage(id))?.stage).toBe('ready')
    expect(await readApp(b, b.apps[2], 'handled')).toBe(before)

    const message = await store.getMessage(id)
    const missing = quoteOf(200_000) - quoteOf(100_000)
    const receipt = await mined(
      a,
      a.wallet.writeContract({
        address: a.endpoint,
        abi: endpointAbi,
        functionName: 'addFee',
        args: [message!.encoded],
        value: missing,
        account: a.wallet.account!,
        chain: a.wallet.chain,
      }),
    )
    await waitFor(
      'delivered after the top-up',
      async () => (await store.getMessage(id))?.stage === 'done',
    )
    expect(await store.getMessage(id)).toMatchObject({
      status: MessageStatus.Executed,
      feePaid: quoteOf(200_000),
      feeAdded: missing,
    })
    expect(await readApp(b, b.apps[2], 'handled')).toBe(before + 1n)
    const attempts = await store.getAttempts(id)
    const topUp = attempts.find((attempt) => attempt.reason === 'fee_added')
    expect(topUp).toMatchObject({
      transactionHash: receipt.transactionHash,
      detail: `topped up by ${missing}; paid ${quoteOf(200_000)} in all`,
    })
    const reasons = attempts.map((attempt) => attempt.reason)
    expect(reasons.indexOf('underpaid')).toBeLessThan(reasons.indexOf('fee_added'))
    expect(reasons.at(-1)).toBe('delivered')
  })

  it('gives its retries ceil(gasLimit × retry.gasLimitMultiplier) gas, which revives an out-of-gas handler', async () => {
    await agents.relayer.stop()
    rerun = await startAgentRelayer({
      store,
      chains: world.chains.map((chain) => evmAgentChain(chain, CONFIRMATIONS)),
      validators: agents.validators,
      policy: { ...policy, retry: { ...policy.retry, gasLimitMultiplier: 50 } },
      owner: 'relayer-multiplier',
    })
    const app = await deploy(a, testRecipientAbi as Abi, testRecipientBytecode)
    const [id] = await sendMessages(b, 1, {
      app: b.apps[0],
      destination: a.domain,
      recipient: toB32(app),
      gasLimit: STARVED_GAS,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor('retried to Executed', async () => (await store.getMessage(id))?.stage === 'done')
    expect(await store.getMessage(id)).toMatchObject({
      status: MessageStatus.Executed,
      reason: 'retried',
      attempts: 2,
    })
    expect(await readApp(a, app, 'handled')).toBe(1n)
    // The delivery gave the handler the message's own limit and it ran out; the retry, 50 × that.
    expect(await reasonsOf(id)).toEqual(['submitting', 'retry_scheduled', 'retried'])
  })
})

// A fee top-up on a CosmWasm origin (the embedded VM with the real endpoint wasm): a message that
// paid less than the relayer's policy waits as `underpaid`; once anyone tops it up with
// `add_fee`, the relayer indexes the `ferry_fee_added` event, counts it, and delivers the message
// to an EVM chain (a real `hardhat node`), its attempt log showing the top-up.
import { addFee } from '@ferry/cosmwasm-bindings'
import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, TEST_POLICY, waitFor } from '../world/agents.ts'
import {
  COSMWASM_DENOM,
  COSMWASM_USER,
  type CosmWasmWorld,
  cosmwasmAgentChain,
  sendFromCosmWasm,
  startCosmWasmWorld,
} from '../world/cosmwasmWorld.ts'
import { evmAgentChain } from '../world/evmAdapters.ts'
import { type EvmChain, type EvmWorld, readApp, startEvmWorld, toB32 } from '../world/evmWorld.ts'

/** What the world's CosmWasm fee config charges for a message with an empty body, in ustake. */
const quoteOf = (gasLimit: number) => 1_000n + BigInt(gasLimit + 50_000)
const GAS_LIMIT = 200_000
const MINIMUM = quoteOf(GAS_LIMIT) + 100_000n

describe('fee top-up on a CosmWasm origin', () => {
  let evm: EvmWorld
  let a: EvmChain
  let cw: CosmWasmWorld
  let store: RelayerStore
  let validatorStore: RelayerStore
  let agents: Agents

  beforeAll(async () => {
    evm = await startEvmWorld({ domains: [31337], intervalMs: 100 })
    ;[a] = evm.chains as [EvmChain]
    cw = await startCosmWasmWorld(evm, { tickMs: 100 })
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    agents = await startAgents({
      chains: [evmAgentChain(a, 1), cosmwasmAgentChain(cw)],
      store,
      validatorStore,
      policy: {
        ...TEST_POLICY,
        retry: { ...TEST_POLICY.retry, maxDelayMs: 1_000 },
        minimumFee: new Map([[cw.domain, MINIMUM]]),
      },
    })
  })

  afterAll(async () => {
    await agents?.stop()
    cw?.stop()
    await store?.close()
    await validatorStore?.close()
    await evm?.stop()
  })

  it('delivers an underpaid message once add_fee tops it up, logging the amount and transaction', async () => {
    const before = await readApp(a, a.apps[0], 'handled')
    const [id] = await sendFromCosmWasm(cw, 1, {
      destination: a.domain,
      recipient: toB32(a.apps[0]),
      gasLimit: GAS_LIMIT,
    })
    if (!id) throw new Error('nothing sent')
    await waitFor('underpaid', async () => (await store.getMessage(id))?.reason === 'underpaid')
    expect((await store.getMessage(id))?.feePaid).toBe(quoteOf(GAS_LIMIT))
    // Passes go by; it waits.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect((await store.getMessage(id))?.stage).toBe('ready')
    expect(await readApp(a, a.apps[0], 'handled')).toBe(before)

    const message = await store.getMessage(id)
    const missing = MINIMUM - quoteOf(GAS_LIMIT)
    const topUp = await addFee(cw.chain, {
      contract: cw.endpoint,
      sender: COSMWASM_USER,
      message: message!.encoded,
      fee: { amount: missing, denom: COSMWASM_DENOM },
    })
    expect(topUp.amount).toBe(missing)
    await waitFor(
      'delivered after the top-up',
      async () => (await store.getMessage(id))?.stage === 'done',
    )
    expect(await store.getMessage(id)).toMatchObject({
      status: MessageStatus.Executed,
      feePaid: MINIMUM,
      feeAdded: missing,
    })
    expect(await readApp(a, a.apps[0], 'handled')).toBe(before + 1n)
    const attempts = await store.getAttempts(id)
    expect(attempts.find((attempt) => attempt.reason === 'fee_added')).toMatchObject({
      transactionHash: topUp.transactionHash,
      detail: `topped up by ${missing}; paid ${MINIMUM} in all`,
    })
    expect(attempts.at(-1)?.reason).toBe('delivered')
  })
})

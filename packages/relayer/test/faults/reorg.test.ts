// A reorg on the origin before finality: the origin mines only when the test says so,
// and `evm_snapshot` / `evm_revert` take blocks back. Messages in blocks reverted away before they
// were final must never be signed by a validator nor delivered, and the store must show them
// `orphaned`; the messages mined on the new branch, on the same channel nonces and tree leaves,
// are delivered as usual; and a message reverted away then mined again is delivered once.
import { endpointAbi, testRecipientAbi } from '@ferry/evm-contracts'
import { MerkleTree, MessageStatus } from '@ferry/protocol'
import {
  encodeFunctionData,
  type Hex,
  keccak256,
  parseEventLogs,
  parseGwei,
  stringToHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, waitFor } from '../world/agents.ts'
import {
  type EvmChain,
  type EvmWorld,
  HARDHAT_KEYS,
  startEvmWorld,
  toB32,
} from '../world/evmWorld.ts'
import {
  allDone,
  deliveries,
  expectDeliveredOnce,
  handledCounts,
  type Sent,
} from '../world/exactlyOnce.ts'
import { FAULT_RELAYER, faultChain, mine, setMining, sleep } from './setup.ts'

const CONFIRMATIONS = 3
/** The handler's gas: a TestRecipient's first message stores a body in fresh slots. */
const GAS_LIMIT = 300_000
/** Sends on A come from their own account, signed here, so nonces follow A's reverts. */
const sender = privateKeyToAccount(HARDHAT_KEYS[3])

type Send = { app: 0 | 1; body: Hex }
type Mined = { id: Hex; nonce: bigint; leafIndex: number; blockNumber: bigint }

describe('a reorg on the origin before finality', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore
  let agents: Agents

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
    // A mines only on demand from here on; B keeps mining, so deliveries to it go through.
    await setMining(a, { automine: false, intervalMs: 0 })
    agents = await startAgents({
      ...FAULT_RELAYER,
      chains: [a, b].map((chain) => faultChain(chain, { confirmations: CONFIRMATIONS })),
      store,
      validatorStore,
    })
  })

  afterAll(async () => {
    await agents?.stop()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  /**
   * Signs `sends` (A → B, `a.apps[app]` → `b.apps[app]`) with consecutive nonces from A's pending
   * count and broadcasts them; returns the raw transactions, in A's mempool until a block is mined.
   */
  async function broadcast(sends: readonly Send[]): Promise<Hex[]> {
    let nonce = await a.client.getTransactionCount({
      address: sender.address,
      blockTag: 'pending',
    })
    const raws: Hex[] = []
    for (const { app, body } of sends) {
      const fee = await a.client.readContract({
        address: a.endpoint,
        abi: endpointAbi,
        functionName: 'quote',
        args: [b.domain, BigInt((body.length - 2) / 2), GAS_LIMIT, 0],
      })
      const raw = await sender.signTransaction({
        type: 'eip1559',
        chainId: a.domain,
        nonce: nonce++,
        to: a.apps[app],
        data: encodeFunctionData({
          abi: testRecipientAbi,
          functionName: 'sendVia',
          args: [a.endpoint, b.domain, toB32(b.apps[app]), body, GAS_LIMIT, 0, 0n],
        }),
        value: fee,
        gas: 500_000n,
        maxFeePerGas: parseGwei('10'),
        maxPriorityFeePerGas: parseGwei('1'),
      })
      await a.client.request({ method: 'eth_sendRawTransaction', params: [raw] })
      raws.push(raw)
    }
    return raws
  }

  /** The messages the (mined) transactions `raws` sent, in order. */
  async function minedMessages(raws: readonly Hex[]): Promise<Mined[]> {
    const mined: Mined[] = []
    for (const raw of raws) {
      const receipt = await a.client.getTransactionReceipt({
        hash: keccak256(raw),
      })
      expect(receipt.status).toBe('success')
      for (const log of parseEventLogs({
        abi: endpointAbi,
        eventName: 'MessageSent',
        logs: receipt.logs,
      }))
        mined.push({
          id: log.args.id,
          nonce: log.args.nonce,
          leafIndex: log.args.leafIndex,
          blockNumber: receipt.blockNumber,
        })
    }
    return mined
  }

  const stageOf = async (id: Hex) => (await store.getMessage(id))?.stage
  const body = (text: string) => stringToHex(text)

  /** Mines A's blocks every 100 ms until `check` holds. */
  async function mineUntil(what: string, check: () => Promise<boolean>): Promise<void> {
    await waitFor(
      what,
      async () => {
        if (await check()) return true
        await mine(a)
        return false
      },
      20_000,
    )
  }

  it('never signs nor delivers what was reverted away, and delivers what the new branch put on the same nonces and leaves', async () => {
    const before = await handledCounts([b])
    const sent: Sent[] = []
    // A first message, delivered: the tree and the signed checkpoints have a history.
    const first = await broadcast([{ app: 0, body: body('first') }])
    await mine(a)
    const [m0] = await minedMessages(first)
    if (!m0) throw new Error('nothing sent')
    sent.push({ id: m0.id, destination: b, recipient: b.apps[0] })
    await mineUntil('the first message delivered', () => allDone(store, [m0.id]))

    const snapshot = await a.client.request({ method: 'evm_snapshot' } as never)
    // X1 and X2 in the next block, then one more: two confirmations of the three needed.
    const xRaws = await broadcast([
      { app: 0, body: body('reverted away 1') },
      { app: 1, body: body('reverted away 2') },
    ])
    await mine(a)
    const reverted = await minedMessages(xRaws)
    await mine(a)
    expect(reverted).toHaveLength(2)
    await waitFor('the relayer indexed the doomed messages', async () => {
      for (const { id } of reverted) if ((await stageOf(id)) !== 'pending') return false
      return true
    })
    // Validators and the relayer poll every 50 ms: give them passes over the doomed blocks.
    await sleep(500)
    for (const { id } of reverted) expect(await stageOf(id)).toBe('pending')

    expect(await a.client.request({ method: 'evm_revert', params: [snapshot] } as never)).toBe(true)
    // The new branch: Y1 and Y2 on X1's and X2's channels, nonces and leaves; then Y3.
    const yRaws = await broadcast([
      { app: 0, body: body('new branch 1') },
      { app: 1, body: body('new branch 2') },
      { app: 0, body: body('new branch 3') },
    ])
    await mine(a)
    const branch = await minedMessages(yRaws)
    expect(branch).toHaveLength(3)
    for (const [i, x] of reverted.entries()) {
      const y = branch[i]
      expect(y?.id).not.toBe(x.id)
      expect(y?.nonce).toBe(x.nonce)
      expect(y?.leafIndex).toBe(x.leafIndex)
      expect(y?.blockNumber).toBe(x.blockNumber)
    }
    for (const [i, y] of branch.entries())
      sent.push({ id: y.id, destination: b, recipient: b.apps[i === 1 ? 1 : 0] })
    await mineUntil('the new branch delivered', () =>
      allDone(
        store,
        branch.map((y) => y.id),
      ),
    )

    for (const { id } of reverted) {
      expect(await store.getMessage(id)).toMatchObject({
        stage: 'orphaned',
        reason: 'orphaned',
        attempts: 0,
        transactionHash: null,
      })
      const reasons = (await store.getAttempts(id)).map((attempt) => attempt.reason)
      expect(reasons).toContain('orphaned')
      expect(reasons).not.toContain('delivered')
    }
    // Never delivered: no event and no stored status on B. (`messageStatus` would say Executed:
    // the endpoint infers that for any nonce at or below its channel's, and Y took that nonce.)
    const delivered = await deliveries(b)
    for (const { id } of reverted) {
      expect(delivered.get(id)).toBeUndefined()
      expect(
        await b.client.readContract({
          address: b.endpoint,
          abi: endpointAbi,
          functionName: 'storedStatus',
          args: [id],
        }),
      ).toBe(MessageStatus.None)
    }
    // Never signed: no validator holds a signature over a root that has X1 or X2 in it; every
    // checkpoint any of them signed is of the branch that won.
    const leafIndex = reverted[0]?.leafIndex ?? 0
    const history = await store.getLeaves(a.domain, 0, leafIndex)
    const doomed = new MerkleTree()
    const canonical = new MerkleTree()
    for (const leaf of history) {
      doomed.insert(leaf)
      canonical.insert(leaf)
    }
    for (const { id } of reverted) doomed.insert(id)
    for (const { id } of branch) canonical.insert(id)
    const doomedRoots = new Set([doomed.root(leafIndex + 1), doomed.root(leafIndex + 2)])
    let signedAtOrAfter = 0
    for (const validator of agents.validators.validators.filter((v) => v.domain === a.domain)) {
      for (let index = 0; index < canonical.count; index++) {
        const signed = await validatorStore.getSignedCheckpoint(validator.address, a.domain, index)
        if (!signed) continue
        expect(doomedRoots.has(signed.root)).toBe(false)
        expect(signed.root).toBe(canonical.root(index + 1))
        if (index >= leafIndex) signedAtOrAfter++
      }
    }
    // The validators did sign over those leaves: the new branch's messages.
    expect(signedAtOrAfter).toBeGreaterThanOrEqual(2)
    await expectDeliveredOnce(store, sent, before)
  })

  it('delivers once a message reverted away and then mined again in another block', async () => {
    const before = await handledCounts([b])
    const snapshot = await a.client.request({ method: 'evm_snapshot' } as never)
    const raws = await broadcast([{ app: 1, body: body('mined twice') }])
    await mine(a)
    const [first] = await minedMessages(raws)
    if (!first) throw new Error('nothing sent')
    await mine(a)
    await waitFor('indexed', async () => (await stageOf(first.id)) === 'pending')
    expect(await a.client.request({ method: 'evm_revert', params: [snapshot] } as never)).toBe(true)
    // Two empty blocks first: the same transaction lands higher than before.
    await mine(a, 2)
    await waitFor('orphaned', async () => (await stageOf(first.id)) === 'orphaned')
    for (const raw of raws)
      await a.client.request({ method: 'eth_sendRawTransaction', params: [raw] })
    await mine(a)
    const [again] = await minedMessages(raws)
    expect(again?.id).toBe(first.id)
    expect(again?.blockNumber).toBe(first.blockNumber + 2n)
    await mineUntil('delivered', () => allDone(store, [first.id]))
    expect(await store.getMessage(first.id)).toMatchObject({
      originBlockNumber: first.blockNumber + 2n,
    })
    const reasons = (await store.getAttempts(first.id)).map((attempt) => attempt.reason)
    expect(reasons.indexOf('orphaned')).toBeLessThan(reasons.indexOf('delivered'))
    await expectDeliveredOnce(
      store,
      [{ id: first.id, destination: b, recipient: b.apps[1] }],
      before,
    )
  })
})

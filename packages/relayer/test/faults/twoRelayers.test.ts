// Two relayers on one PostgreSQL: two `runRelayer`s with their own owners, keys and
// store connections share one database, and so its channel leases. Messages come in waves on six
// channels, each wave after the leases of the last have lapsed, so the channels are contested
// again. Every message must be executed exactly once, by exactly one delivery transaction, and
// both relayers must have done part of the work.

import { type StartedPostgres, startPostgres } from '@ferry/testkit'
import pg from 'pg'
import type { Address, Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import {
  type RunningRelayer,
  type RunningValidators,
  startAgentRelayer,
  startAgentValidators,
  waitFor,
} from '../world/agents.ts'
import { type EvmChain, type EvmWorld, RELAYER_KEYS, startEvmWorld } from '../world/evmWorld.ts'
import {
  allDone,
  deliveries,
  expectDeliveredOnce,
  handledCounts,
  type Sent,
  send,
} from '../world/exactlyOnce.ts'
import { FAST_POLICY, faultChain, sleep } from './setup.ts'

const CONFIRMATIONS = 2
const WAVES = 4
/** Per channel per wave: 4 waves × 6 channels × 9 = 216 messages. */
const PER_CHANNEL = 9
/** Short leases, so that a channel idle between waves can go to either relayer. */
const LEASE_MS = 2_000

type JournalRow = {
  hash: string
  domain: string
  sender: string
  call: string
  state: string
  message_ids: string[]
}

describe('two relayers on one PostgreSQL', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let postgres: StartedPostgres
  let validatorStore: RelayerStore
  let validators: RunningValidators
  const stores: RelayerStore[] = []
  const relayers: RunningRelayer[] = []

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    postgres = await startPostgres()
    validatorStore = await openStore('memory://')
    validators = await startAgentValidators(
      validatorStore,
      world.chains.map((chain) => faultChain(chain, { confirmations: CONFIRMATIONS })),
    )
  })

  afterAll(async () => {
    await Promise.all(relayers.map((relayer) => relayer.stop()))
    await validators?.stop()
    for (const store of stores) await store.close()
    await validatorStore?.close()
    await postgres?.stop()
    await world?.stop()
  })

  it('delivers 216 messages on six channels once each, sharing the work', async () => {
    const keys = [RELAYER_KEYS[0], RELAYER_KEYS[1]] as [Hex, Hex]
    const signers = keys.map((key) => privateKeyToAddress(key).toLowerCase())
    for (const [i, key] of keys.entries()) {
      // One store each, opened on its own: two processes' worth of connections.
      const store = await openStore(postgres.url, { poolSize: 4 })
      stores.push(store)
      relayers.push(
        await startAgentRelayer({
          store,
          owner: `relayer-${i + 1}`,
          chains: world.chains.map((chain) =>
            faultChain(chain, { confirmations: CONFIRMATIONS, relayer: { privateKey: key } }),
          ),
          validators,
          policy: { ...FAST_POLICY, leaseMs: LEASE_MS },
        }),
      )
    }
    const [store] = stores as [RelayerStore]
    const before = await handledCounts([a, b])
    const sent: Sent[] = []
    for (let wave = 0; wave < WAVES; wave++) {
      const from = async (origin: EvmChain, to: EvmChain) => {
        // One chain's channels one after the other: the deployer's nonces must not race.
        for (const app of [0, 1, 2] as const) await send(sent, origin, to, app, PER_CHANNEL)
      }
      await Promise.all([from(a, b), from(b, a)])
      const ids = sent.map(({ id }) => id)
      await waitFor(`wave ${wave + 1} delivered`, () => allDone(store, ids), 30_000)
      // Let the leases lapse: the next wave's channels are anyone's.
      if (wave < WAVES - 1) await sleep(LEASE_MS + 200)
    }
    expect(sent).toHaveLength(WAVES * 6 * PER_CHANNEL)
    await Promise.all(relayers.map((relayer) => relayer.stop()))
    relayers.length = 0

    // Once each on chain and in the store, through both relayers' store connections.
    for (const each of stores) await expectDeliveredOnce(each, sent, before)

    // The journal both relayers wrote: every transaction a delivery, mined, and every message in
    // exactly one of them, the one whose `MessageDelivered` names it.
    const client = new pg.Client({ connectionString: postgres.url })
    await client.connect()
    let rows: JournalRow[]
    try {
      rows = (
        await client.query<JournalRow>(
          'select hash, domain, sender, call, state, message_ids from transactions',
        )
      ).rows
    } finally {
      await client.end()
    }
    for (const row of rows) {
      expect(row).toMatchObject({ call: 'deliverBatch', state: 'mined' })
      expect(signers).toContain(row.sender)
    }
    const carriedBy = new Map<string, JournalRow[]>()
    for (const row of rows)
      for (const id of row.message_ids) carriedBy.set(id, [...(carriedBy.get(id) ?? []), row])
    const onChain = new Map([
      [a, await deliveries(a)],
      [b, await deliveries(b)],
    ])
    for (const { id, destination } of sent) {
      const carriers = carriedBy.get(id.toLowerCase()) ?? []
      expect(carriers, `transactions carrying ${id}`).toHaveLength(1)
      expect(Number(carriers[0]?.domain)).toBe(destination.domain)
      expect(carriers[0]?.hash).toBe(onChain.get(destination)?.get(id)?.[0]?.transactionHash)
      expect(await store.getMessage(id)).toMatchObject({ reason: 'delivered', attempts: 1 })
    }

    // Both did part of the work, and each sent nothing but what the journal holds.
    const work = new Map<string, number>()
    for (const chain of [a, b]) {
      for (const signer of signers) {
        const journaled = rows.filter(
          (row) => row.sender === signer && Number(row.domain) === chain.domain,
        ).length
        expect(
          await chain.client.getTransactionCount({ address: signer as Address }),
          `transactions of ${signer} on ${chain.domain}`,
        ).toBe(journaled)
        work.set(signer, (work.get(signer) ?? 0) + journaled)
      }
    }
    for (const signer of signers) expect(work.get(signer), `work of ${signer}`).toBeGreaterThan(0)
    // Every delivery transaction on chain is one of the two relayers'.
    for (const chain of [a, b]) {
      const hashes = new Set(
        [...(onChain.get(chain)?.values() ?? [])].flat().map((d) => d.transactionHash),
      )
      for (const hash of hashes)
        expect(signers).toContain((await chain.client.getTransaction({ hash })).from.toLowerCase())
    }
  })
})

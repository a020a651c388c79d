// A validator serving garbage: validators of origin A are replaced by a small HTTP
// server (an impostor) answering `/v1/checkpoints/*` with a wrong root signed by the real
// validator key, a signature that does not recover to the validator it names, a correct
// signature by a key that is not a validator at all, or a root that is not even a string. With
// threshold 2 and two honest validators the relayer must use their two signatures and deliver
// everything; with one honest validator left, messages wait with reason `waiting_signatures`.
import { endpointAbi } from '@ferry/evm-contracts'
import {
  branchRoot,
  type Checkpoint,
  decodeProof,
  evmAddressToBytes32,
  recoverCheckpointSigner,
  signCheckpoint,
} from '@ferry/protocol'
import { Hono } from 'hono'
import { decodeFunctionData, type Hex, keccak256, stringToHex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedCheckpointResponse } from '../../src/core/validator/createValidatorApp.ts'
import { type Listening, listen } from '../../src/service/listen.ts'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents, waitFor } from '../world/agents.ts'
import {
  type EvmChain,
  type EvmWorld,
  startEvmWorld,
  validatorKey,
  validatorKeys,
} from '../world/evmWorld.ts'
import {
  allDone,
  deliveries,
  expectDeliveredOnce,
  handledCounts,
  type Sent,
  send,
} from '../world/exactlyOnce.ts'
import { FAULT_RELAYER, faultChain, sleep } from './setup.ts'

const CONFIRMATIONS = 2

/** How an impostor answers. */
type Garbage = 'honest' | 'wrong root' | 'bad signature' | 'not a validator' | 'malformed'

/** A key that validates nothing, chosen so that its address sorts before every validator's. */
function outsiderKey(domain: number): Hex {
  const lowest = validatorKeys(domain)
    .map((key) => privateKeyToAddress(key).toLowerCase())
    .sort()[0] as string
  for (let i = 0; ; i++) {
    const key = keccak256(stringToHex(`ferry test outsider ${i}`))
    if (privateKeyToAddress(key).toLowerCase() < lowest) return key
  }
}

type Impostor = Listening & {
  mode: Garbage
  /** The honest validator whose checkpoints it starts from (known once validators run). */
  upstream: string
  /** Checkpoint answers it served. */
  served: number
}

/**
 * Stands in for validator `slot` of `chain`: asks the honest validator at `upstream` for the same
 * path and serves its checkpoint as `mode` says, signing with validator `slot`'s real key
 * (`honest`, `wrong root`, `bad signature`) or with an outsider's.
 */
async function startImpostor(chain: EvmChain, slot: number, mode: Garbage): Promise<Impostor> {
  const key = validatorKey(chain.domain, slot)
  const outsider = outsiderKey(chain.domain)
  const app = new Hono()
  const impostor = { mode, upstream: '', served: 0 }
  app.get('/v1/checkpoints/:which', async (c) => {
    const answer = await fetch(`${impostor.upstream}/v1/checkpoints/${c.req.param('which')}`)
    if (!answer.ok) return c.json(await answer.json(), 404)
    impostor.served++
    const { checkpoint } = (await answer.json()) as SignedCheckpointResponse // CAST: our own API
    const honest: Checkpoint = {
      origin: checkpoint.origin,
      originEndpoint: checkpoint.originEndpoint as Hex, // CAST: hex in our own API
      root: checkpoint.root as Hex, // CAST: hex in our own API
      index: checkpoint.index,
    }
    const signed = async (privateKey: Hex, signedCheckpoint = honest) => ({
      validator: privateKeyToAddress(privateKey).toLowerCase(),
      checkpoint: signedCheckpoint,
      signature: await signCheckpoint({ privateKey, checkpoint: signedCheckpoint }),
    })
    switch (impostor.mode) {
      case 'honest':
        return c.json(await signed(key))
      case 'wrong root':
        // The real validator key, over a root the origin never had.
        return c.json(await signed(key, { ...honest, root: keccak256(honest.root) }))
      case 'bad signature': {
        // Signed by the key, then one byte of `r` changed: it recovers to someone else.
        const answer = await signed(key)
        const byte = Number.parseInt(answer.signature.slice(10, 12), 16) ^ 1
        const signature = `${answer.signature.slice(0, 10)}${byte.toString(16).padStart(2, '0')}${answer.signature.slice(12)}`
        return c.json({ ...answer, signature })
      }
      case 'not a validator':
        // A valid signature, honestly labelled, by a key no verifier lists.
        return c.json(await signed(outsider))
      case 'malformed': {
        // Right origin, endpoint, index and signature; a root that is not a string.
        const answer = await signed(key)
        return c.json({ ...answer, checkpoint: { ...honest, root: 12_345 } })
      }
    }
  })
  const server = await listen(app, { host: '127.0.0.1', port: 0 })
  return Object.assign(impostor, server)
}

describe('a validator serving garbage', () => {
  let world: EvmWorld
  let a: EvmChain
  let b: EvmChain
  let store: RelayerStore
  let validatorStore: RelayerStore
  let impostors: Impostor[] = []
  let agents: Agents | undefined

  beforeAll(async () => {
    world = await startEvmWorld({ intervalMs: 100 })
    ;[a, b] = world.chains as [EvmChain, EvmChain]
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
  })

  afterAll(async () => {
    await stop()
    await store?.close()
    await validatorStore?.close()
    await world?.stop()
  })

  /**
   * Runs A's honest validators `honestSlots` and, for its other slots, impostors in `modes`
   * (each in front of the first honest validator); the relayer asks all of them. B is honest.
   */
  async function start(honestSlots: readonly number[], modes: readonly Garbage[]): Promise<void> {
    const otherSlots = [0, 1, 2].filter((slot) => !honestSlots.includes(slot))
    impostors = await Promise.all(
      modes.map((mode, i) => startImpostor(a, otherSlots[i] ?? 2, mode)),
    )
    agents = await startAgents({
      ...FAULT_RELAYER,
      chains: [
        faultChain(a, {
          confirmations: CONFIRMATIONS,
          validatorKeys: honestSlots.map((slot) => validatorKey(a.domain, slot)),
          validatorUrls: (honest) => {
            for (const impostor of impostors) impostor.upstream = honest[0] ?? ''
            return [...honest, ...impostors.map((impostor) => impostor.url)]
          },
        }),
        faultChain(b, { confirmations: CONFIRMATIONS }),
      ],
      store,
      validatorStore,
    })
  }

  async function stop(): Promise<void> {
    await agents?.stop()
    agents = undefined
    for (const impostor of impostors) await impostor.close()
    impostors = []
  }

  /** The signers of the signatures that delivered `id` on B (those of its batch's first proof). */
  async function signersOf(id: Hex): Promise<string[]> {
    const hash = (await deliveries(b)).get(id)?.[0]?.transactionHash
    if (!hash) throw new Error(`${id} not delivered`)
    const { input } = await b.client.getTransaction({ hash })
    const { functionName, args } = decodeFunctionData({ abi: endpointAbi, data: input })
    if (functionName !== 'deliverBatch') throw new Error(`${hash} is a ${functionName}`)
    const [[message], [proof]] = args
    if (!message || !proof) throw new Error(`${hash} delivered nothing`)
    const { checkpointIndex, leafIndex, branch, signatures } = decodeProof(proof)
    const checkpoint: Checkpoint = {
      origin: a.domain,
      originEndpoint: evmAddressToBytes32(a.endpoint),
      root: branchRoot({ leaf: keccak256(message), branch, index: leafIndex }),
      index: checkpointIndex,
    }
    return await Promise.all(
      signatures.map(async (signature) =>
        (await recoverCheckpointSigner({ checkpoint, signature })).toLowerCase(),
      ),
    )
  }

  const addressOf = (slot: number) =>
    privateKeyToAddress(validatorKey(a.domain, slot)).toLowerCase()

  it('uses the two honest validators and delivers everything, whatever the third serves', async () => {
    await start([0, 1], ['honest'])
    const [impostor] = impostors
    if (!impostor) throw new Error('no impostor')
    const before = await handledCounts([b])
    const sent: Sent[] = []
    const garbage: Garbage[] = ['wrong root', 'bad signature', 'not a validator', 'malformed']
    try {
      for (const [i, mode] of garbage.entries()) {
        impostor.mode = mode
        const served = impostor.served
        const ids = await send(sent, a, b, (i % 3) as 0 | 1 | 2, 3)
        await waitFor(`delivered past "${mode}"`, () => allDone(store, ids), 15_000)
        expect(impostor.served, `answers served as "${mode}"`).toBeGreaterThan(served)
        for (const id of ids)
          expect((await signersOf(id)).sort(), `signers of ${id}`).toEqual(
            [addressOf(0), addressOf(1)].sort(),
          )
        // Only the outsider's signature passes the relayer's own checks; the verifier refuses
        // it once (nothing is signed or spent: the estimate reverts), and never again.
        let refusals = 0
        for (const id of ids)
          for (const attempt of await store.getAttempts(id))
            if (attempt.reason === 'gas_estimate_reverted') {
              expect(mode).toBe('not a validator')
              expect(attempt.detail).toContain('MultisigVerifierSignerNotValidator')
              refusals++
            }
        if (mode === 'not a validator') expect(refusals).toBeGreaterThanOrEqual(1)
      }
    } finally {
      await stop()
    }
    await expectDeliveredOnce(store, sent, before)
  })

  it('holds messages with reason waiting_signatures while only one honest validator is left', async () => {
    await start([0], ['wrong root', 'bad signature'])
    const before = await handledCounts([b])
    const sent: Sent[] = []
    try {
      const ids = await send(sent, a, b, 2, 3)
      await waitFor('final and waiting', async () => {
        for (const id of ids) if ((await store.getMessage(id))?.stage !== 'ready') return false
        return true
      })
      // Long enough for many delivery passes: they all find one good signature of two.
      await sleep(2_000)
      const delivered = await deliveries(b)
      for (const id of ids) {
        expect(await store.getMessage(id)).toMatchObject({
          stage: 'ready',
          reason: 'waiting_signatures',
          attempts: 0,
        })
        expect(delivered.get(id)).toBeUndefined()
      }
      for (const impostor of impostors) expect(impostor.served).toBeGreaterThan(0)

      // Validator 1's stand-in comes back to its senses: two good signatures again.
      const [slot1] = impostors
      if (slot1) slot1.mode = 'honest'
      await waitFor('delivered with two honest signatures', () => allDone(store, ids), 15_000)
      for (const id of ids)
        expect((await signersOf(id)).sort()).toEqual([addressOf(0), addressOf(1)].sort())
    } finally {
      await stop()
    }
    await expectDeliveredOnce(store, sent, before)
  })
})

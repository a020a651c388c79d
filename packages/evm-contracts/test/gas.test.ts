// Gas of the hot paths in steady state (channel and tree already used), with a no-op handler so
// that only the endpoint and the verifier are measured. Bounds catch regressions; the table is
// printed for reports.
import { encodeProof, evmAddressToBytes32 } from '@ferry/sdk'
import { type Hex, toHex } from 'viem'
import { describe, expect, it } from 'vitest'
import {
  currentCheckpoint,
  DOMAIN_A,
  DOMAIN_B,
  deployWorld,
  prove,
  sentIn,
  signBy,
} from './helpers/world.ts'

describe('gas', () => {
  it('send (32-byte body) and deliver with 1, 3 and 5 signatures, steady state', async () => {
    const world = await deployWorld()
    const noop = await world.viem.deployContract('NoopRecipient')
    const recipient = evmAddressToBytes32(noop.address)
    const body = toHex(new Uint8Array(32).fill(0xab))
    const fee = await world.a.endpoint.read.quote([DOMAIN_B, 32n, 100_000, 0])
    const send = async () => {
      const receipt = await world.mined(
        world.a.endpoint.write.send([DOMAIN_B, recipient, body, 100_000, 0, 0n], {
          value: fee,
          account: world.alice.account,
        }),
      )
      return { receipt, sent: sentIn(receipt, world.a) }
    }
    const gas: Record<string, bigint> = {}

    const sentMessages: Hex[] = []
    const sendAndKeep = async () => {
      const result = await send()
      sentMessages.push(result.sent.message)
      return result.receipt.gasUsed
    }
    gas['send, first on its channel (first leaf)'] = await sendAndKeep()
    // Fill the tree to 8 leaves so that the low levels of its frontier are written once.
    for (let i = 1; i < 8; i++) await sendAndKeep()
    gas['send, steady state, leaf 8 (writes level 0)'] = await sendAndKeep()
    gas['send, steady state, leaf 9 (hashes level 0, writes level 1)'] = await sendAndKeep()
    for (let i = 0; i < 11; i++) await sendAndKeep()

    // Warm up the inbound channel with the first message, then deliver in order.
    const pending = [...sentMessages]
    const deliver = async (message: Hex, signers: number[]) =>
      world.mined(
        world.b.endpoint.write.deliver(
          [message, await prove(world, world.a, message, { signers })],
          {
            account: world.relayer.account,
          },
        ),
      )
    await deliver(pending.shift()!, [0, 1, 2])
    for (const threshold of [1, 3, 5]) {
      await world.b.verifier.write.setThreshold([DOMAIN_A, threshold])
      const signers = Array.from({ length: threshold }, (_, i) => i)
      const receipt = await deliver(pending.shift()!, signers)
      gas[`deliver, ${threshold} signature${threshold > 1 ? 's' : ''}`] = receipt.gasUsed
    }

    // deliverBatch of 10 under one checkpoint, 3 signatures on the first proof only.
    await world.b.verifier.write.setThreshold([DOMAIN_A, 3])
    const batch = pending.slice(0, 10)
    const { checkpoint, tree, sent } = await currentCheckpoint(world, world.a)
    const signatures = await signBy(checkpoint, [0, 1, 2])
    const proofs = batch.map((message, i) => {
      const leafIndex = sent.findIndex((s) => s.message === message)
      return encodeProof({
        checkpointIndex: checkpoint.index,
        leafIndex,
        branch: tree.getProof(leafIndex, checkpoint.index + 1).branch,
        signatures: i === 0 ? signatures : [],
      })
    })
    const receipt = await world.mined(
      world.b.endpoint.write.deliverBatch([batch, proofs], { account: world.relayer.account }),
    )
    gas['deliverBatch of 10, per message'] = receipt.gasUsed / 10n

    console.table(Object.fromEntries(Object.entries(gas).map(([k, v]) => [k, Number(v)])))
    expect(gas['send, steady state, leaf 8 (writes level 0)']).toBeLessThan(55_000n)
    expect(gas['send, steady state, leaf 9 (hashes level 0, writes level 1)']).toBeLessThan(60_000n)
    expect(gas['deliver, 1 signature']).toBeLessThan(90_000n)
    expect(gas['deliver, 3 signatures']).toBeLessThan(100_000n)
    expect(gas['deliver, 5 signatures']).toBeLessThan(110_000n)
    expect(gas['deliverBatch of 10, per message']).toBeLessThan(50_000n)
  })
})

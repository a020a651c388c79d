// The examples of spec/apps/htlc.json, reproduced by the contracts: the codec's lock ids (EVM
// and CosmWasm terms alike) and claim bodies, and a deployed HTLC's own ids and hashlock check.
import { htlcVectors } from '@ferry/spec'
import { describe, expect, it } from 'vitest'
import { deployHtlcWorld, lock } from '../helpers/htlc.ts'
import { expectRevert } from '../helpers/revert.ts'
import { deployWorld } from '../helpers/world.ts'

const { hashlocks, rejectedPreimages, lockIds, claimBodies } = htlcVectors

describe('spec/apps/htlc.json', () => {
  it('the codec derives every example lock id and encodes and decodes every claim body', async () => {
    const world = await deployWorld()
    const harness = await world.viem.deployContract('HtlcCodecHarness')
    for (const v of lockIds) {
      const id = await harness.read.lockId([
        v.domain,
        v.bytes32.htlc,
        v.bytes32.locker,
        v.bytes32.recipient,
        v.hashlock,
        BigInt(v.timelock),
        v.bytes32.token,
        BigInt(v.amount),
        BigInt(v.nonce),
      ])
      expect(id, v.name).toBe(v.id)
    }
    for (const b of claimBodies) {
      expect(await harness.read.encode([b.lockId, b.preimage]), b.name).toBe(b.body)
      expect(await harness.read.decode([b.body])).toEqual([1, b.lockId, b.preimage])
    }
  })

  it('an HTLC claims with each example preimage and refuses the rejected ones', async () => {
    const world = await deployHtlcWorld()
    for (const { preimage, hashlock } of hashlocks) {
      const { id } = await lock(world, {
        htlc: world.htlcA,
        from: world.alice,
        recipient: world.bob.account.address,
        hashlock,
      })
      for (const { preimage: bad } of rejectedPreimages) {
        await expectRevert(world.htlcA.write.claim([id, bad]), 'HashedTimelockPreimageLength', [
          BigInt((bad.length - 2) / 2),
        ])
      }
      await world.mined(world.htlcA.write.claim([id, preimage]))
    }
  })
})

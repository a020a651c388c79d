// Messages to an OP Stack rollup (Hardhat's `chainType: 'op'`): the relayer keeps the origin's
// L1 fee parameters for it current from the rollup's GasPriceOracle, so a change of the L1 base
// fee there moves quotes after its next update (PROTOCOL §9), and the L1 data fee its deliveries
// pay (receipts' `l1Fee`) is what the quote's L1 part priced, within 10 %.
import { getL1DataFee } from '@ferry/protocol'
import { setL1Attributes } from '@ferry/testkit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../src/store/openStore.ts'
import type { RelayerStore } from '../../src/store/types.ts'
import { type Agents, startAgents } from '../world/agents.ts'
import { evmAgentChain } from '../world/evmAdapters.ts'
import {
  OP_MAINNET_L1,
  type RollupWorld,
  randomBody,
  startRollupWorld,
} from '../world/rollupWorld.ts'

describe('fees of messages to an OP Stack rollup', () => {
  let rollup: RollupWorld
  let store: RelayerStore
  let validatorStore: RelayerStore

  beforeAll(async () => {
    rollup = await startRollupWorld()
    store = await openStore('memory://')
    validatorStore = await openStore('memory://')
  })

  afterAll(async () => {
    await store?.close()
    await validatorStore?.close()
    await rollup?.stop()
  })

  it("moves quotes when the rollup's L1 base fee changes, after the relayer's next update", async () => {
    const l2Only = await rollup.quote(1024)
    const overheadBytes = await rollup.overheadBytes()
    const first = await rollup.sync(store)
    expect(first.type).toBe('updated')
    // The testkit's fee configs are 1:1: the L1 part is the L1 data fee itself.
    const before = getL1DataFee({ ...OP_MAINNET_L1, overheadBytes }, 1024)
    expect(await rollup.quote(1024)).toBe(l2Only + before)
    expect((await rollup.sync(store)).type).toBe('unchanged')

    const dearer = { ...OP_MAINNET_L1, l1BaseFee: 3n * OP_MAINNET_L1.l1BaseFee }
    await setL1Attributes(rollup.b.client, dearer)
    expect(await rollup.quote(1024)).toBe(l2Only + before)
    const second = await rollup.sync(store)
    expect(second).toMatchObject({ type: 'updated', config: { ...dearer, overheadBytes } })
    const after = getL1DataFee({ ...dearer, overheadBytes }, 1024)
    expect(after).toBeGreaterThan(before)
    expect(await rollup.quote(1024)).toBe(l2Only + after)
    await setL1Attributes(rollup.b.client, OP_MAINNET_L1)
  })

  describe('deliveries there', () => {
    let agents: Agents

    beforeAll(async () => {
      agents = await startAgents({
        chains: [evmAgentChain(rollup.a, 1), evmAgentChain(rollup.b, 1)],
        store,
        validatorStore,
      })
    })
    afterAll(async () => {
      await agents?.stop()
    })

    it.each([0, 1024, 16_384])(
      "pay an L1 data fee (receipt l1Fee) that the quote's L1 part covers to within a tenth: body of %i bytes",
      async (length) => {
        // As the relayer would before it: the parameters for the tree this message lands in.
        await rollup.sync(store)
        const id = await rollup.send(randomBody(length))
        const delivery = await rollup.delivery(id)
        // One message per delivery here: the quote prices exactly such a transaction.
        expect(delivery.messages).toBe(1)
        expect(delivery.l1Fee).toBeGreaterThan(0n)
        const ratio =
          Number(getL1DataFee(await rollup.l1FeeConfig(), length)) / Number(delivery.l1Fee)
        expect(ratio).toBeGreaterThanOrEqual(1)
        expect(ratio).toBeLessThanOrEqual(1.1)
      },
    )
  })
})

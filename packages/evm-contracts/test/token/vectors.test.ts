// The examples of spec/apps/token-bridge.json, reproduced by the contracts: a bridge's quote
// scales each example amount between the example decimals, and the codec encodes and decodes
// each example body (the CosmWasm recipient is the bech32 address's data bytes).
import { bech32ToBytes32, encodeTokenTransferBody } from '@ferry/protocol'
import { tokenBridgeVectors as vectors } from '@ferry/spec'
import { describe, expect, it } from 'vitest'
import { DOMAIN_B, deployWorld } from '../helpers/world.ts'

describe('spec/apps/token-bridge.json', () => {
  it('a bridge quotes every example scaling', async () => {
    const world = await deployWorld()
    for (const v of vectors.scaling) {
      const bridge = await world.viem.deployContract('SyntheticTokenBridge', [
        world.a.endpoint.address,
        world.owner.account.address,
        'T',
        'T',
        v.localDecimals,
      ])
      await world.mined(
        bridge.write.setRoute([
          DOMAIN_B,
          { enabled: true, remoteDecimals: v.remoteDecimals, gasLimit: 100_000 },
          1n,
          1n,
          1n,
          1n,
        ]),
      )
      const [, sent, received, dust] = await bridge.read.quoteTransfer([DOMAIN_B, BigInt(v.amount)])
      expect([sent, received, dust]).toEqual([
        BigInt(v.sent),
        BigInt(v.amountReceived),
        BigInt(v.dust),
      ])
    }
  })

  it('the codec encodes and decodes every example body', async () => {
    const world = await deployWorld()
    const harness = await world.viem.deployContract('TokenBridgeCodecHarness')
    for (const b of vectors.bodies) {
      expect(await harness.read.encode([b.recipient, BigInt(b.amount), b.sender]), b.name).toBe(
        b.body,
      )
      expect(
        encodeTokenTransferBody({
          recipient: b.recipient,
          amount: BigInt(b.amount),
          sender: b.sender,
        }),
        `${b.name} (the protocol codec)`,
      ).toBe(b.body)
      expect(await harness.read.decode([b.body])).toEqual([
        1,
        b.recipient,
        BigInt(b.amount),
        b.sender,
      ])
    }
    const wasm = vectors.bodies.find((b) => b.name.includes('wasm144'))
    expect(wasm?.recipient).toBe(bech32ToBytes32('wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85'))
  })
})

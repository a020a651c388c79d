// Gas limits capped at send (PROTOCOL.md §4, protocol 1.1), tried as an attacker would: first
// the blockage 1.0 allowed (a message, or an ack, whose handler needs more gas than a delivery
// transaction can give reverts every delivery, and its channel is blocked for good), then the
// rejection: the fee config's `max_gas_limit` per domain, `send` and `quote` refusing a
// `gas_limit` above the destination's and an `ack_gas_limit` above the local domain's. The
// CosmWasm twins of the EVM tests of the same names.

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  b64,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  OWNER,
  RELAYER,
  type Side,
  USER,
  World,
  ZERO_FEES,
} from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32, decodeMessage, getChannelKey } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

/**
 * Gas one transaction may use, in the simulator's units (a node's per-transaction limit); a
 * delivery with three signatures costs about 26M of them.
 */
const TX_GAS = 100_000_000
/** A keccak round of the test recipient costs about 620,000: 200 rounds need ~124M > TX_GAS. */
const HEAVY_ROUNDS = 200
const UNCAPPED = 4_294_967_295

describe('gas limits capped at send (§4)', () => {
  let world: World
  let a: Side
  let b: Side
  let appB: Hex

  const feeConfig = (side: Side, domain: number, maxGasLimit: number) =>
    world.must(OWNER, side.endpoint, {
      set_fee_config: { domain, config: { ...ZERO_FEES, max_gas_limit: maxGasLimit } },
    })
  const proveAndDeliver = async (from: Side, to: Side, message: Hex) =>
    world.deliver(to, message, await world.prove(from, message))

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS, metering: true, gasLimit: TX_GAS })
    ;({ a, b } = world)
    appB = bech32ToBytes32(world.appB)
  })

  it('1.0 blockage: a gas limit no delivery can give reverts every delivery and blocks the channel', async () => {
    // As 1.0 allowed: no cap on what A sends to B.
    await feeConfig(a, DOMAIN_B, UNCAPPED)
    await world.must(RELAYER, world.appB, { set_burn: { rounds: HEAVY_ROUNDS } })
    const stuck = await world.sendFrom(world.appA, a, DOMAIN_B, appB, {
      body: 'burn',
      gasLimit: 200_000_000,
    })
    const next = await world.sendFrom(world.appA, a, DOMAIN_B, appB, { body: 'ok:next' })

    // The handler runs past what the transaction has: the delivery reverts as a whole, so a
    // relayer cannot even make it Failed, however often it tries.
    for (let attempt = 0; attempt < 2; attempt++)
      expect(errorOf(await proveAndDeliver(a, b, stuck.message))).toMatch(/out of gas/i)
    expect(world.query(b, { message_status: { message: b64(stuck.message) } })).toEqual({
      status: 0,
    })
    // Every later nonce of the channel is out of order: blocked for good (no deadline).
    const channel = getChannelKey(decodeMessage(next.message))
    expect(errorOf(await proveAndDeliver(a, b, next.message))).toEqual({
      code: 'nonce_out_of_order',
      channel: channel,
      expected: '1',
      actual: '2',
    })
    expect(world.query(b, { inbound_nonce: { channel } })).toEqual({ nonce: '0' })
    // Nothing else can move it either: not Failed, so neither retry nor timeout.
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          retry: { message: b64(stuck.message), gas_limit: UNCAPPED },
        }),
      ),
    ).toMatchObject({ code: 'not_retryable' })
  })

  it('1.0 blockage: an ack gas limit no delivery can give blocks the ack channel back', async () => {
    await feeConfig(a, DOMAIN_A, UNCAPPED)
    await world.must(RELAYER, world.appA, { set_ack_burn: { rounds: HEAVY_ROUNDS } })
    const first = await world.sendFrom(world.appA, a, DOMAIN_B, appB, {
      body: 'ok:one',
      ackGasLimit: 200_000_000,
    })
    const second = await world.sendFrom(world.appA, a, DOMAIN_B, appB, {
      body: 'ok:two',
      ackGasLimit: 200_000,
    })
    await world.relay(a, b, first.message)
    await world.relay(a, b, second.message)
    const [stuckAck, nextAck] = b.sent
    if (!stuckAck || !nextAck) throw new Error('no acks')
    expect(decodeMessage(stuckAck.message).gasLimit).toBe(200_000_000)
    expect(errorOf(await proveAndDeliver(b, a, stuckAck.message))).toMatch(/out of gas/i)
    const channel = getChannelKey(decodeMessage(nextAck.message))
    expect(errorOf(await proveAndDeliver(b, a, nextAck.message))).toEqual({
      code: 'nonce_out_of_order',
      channel: channel,
      expected: '1',
      actual: '2',
    })
  })

  it('send and quote refuse a gas limit above the destination’s max_gas_limit', async () => {
    await feeConfig(a, DOMAIN_B, 20_000_000)
    const quote = (gasLimit: number, ackGasLimit = 0) => ({
      quote: {
        destination: DOMAIN_B,
        body_length: 4,
        gas_limit: gasLimit,
        ack_gas_limit: ackGasLimit,
      },
    })
    expect(world.chain.queryError(a.endpoint, quote(20_000_001))).toEqual({
      code: 'gas_limit_too_high',
      gas_limit: 20000001,
      max_gas_limit: 20000000,
      domain: DOMAIN_B,
    })
    await expect(
      world.sendFrom(world.appA, a, DOMAIN_B, appB, { body: 'burn', gasLimit: 200_000_000 }),
    ).rejects.toThrow(
      `{"ferry_error":{"code":"gas_limit_too_high","gas_limit":200000000,"max_gas_limit":20000000,"domain":${DOMAIN_B}}}`,
    )
    // At the cap it is accepted; a handler needing more than that is then Failed (out of its
    // gas limit), not stuck: the channel moves on and a retry can give it more.
    expect(world.chain.query(a.endpoint, quote(20_000_000))).toMatchObject({ fee: '0' })
    await world.must(RELAYER, world.appB, { set_burn: { rounds: HEAVY_ROUNDS } })
    const capped = await world.sendFrom(world.appA, a, DOMAIN_B, appB, {
      body: 'burn',
      gasLimit: 20_000_000,
    })
    const out = await world.relay(a, b, capped.message)
    expect(eventsOf(out, 'ferry_message_delivered')[0]).toMatchObject({ status: '2' })
    const next = await world.sendFrom(world.appA, a, DOMAIN_B, appB, { body: 'ok:next' })
    expect(
      eventsOf(await world.relay(a, b, next.message), 'ferry_message_delivered')[0],
    ).toMatchObject({ status: '1' })
  })

  it('send and quote refuse an ack gas limit above the local domain’s max_gas_limit', async () => {
    await feeConfig(a, DOMAIN_A, 20_000_000)
    // Another domain's cap does not apply to acks, which come back here.
    await feeConfig(a, DOMAIN_B, UNCAPPED)
    expect(
      world.chain.queryError(a.endpoint, {
        quote: { destination: DOMAIN_B, body_length: 0, gas_limit: 1, ack_gas_limit: 20_000_001 },
      }),
    ).toEqual({
      code: 'ack_gas_limit_too_high',
      ack_gas_limit: 20000001,
      max_gas_limit: 20000000,
      domain: DOMAIN_A,
    })
    await expect(
      world.sendFrom(world.appA, a, DOMAIN_B, appB, { ackGasLimit: 200_000_000 }),
    ).rejects.toThrow(
      `{"ferry_error":{"code":"ack_gas_limit_too_high","ack_gas_limit":200000000,"max_gas_limit":20000000,"domain":${DOMAIN_A}}}`,
    )
    const sent = await world.sendFrom(world.appA, a, DOMAIN_B, appB, { ackGasLimit: 20_000_000 })
    expect(decodeMessage(sent.message).ackGasLimit).toBe(20_000_000)
  })

  it('max_gas_limit is part of the fee config: set, queried, emitted; 0 is refused', async () => {
    expect(
      errorOf(
        await world.execute(OWNER, a.endpoint, {
          set_fee_config: { domain: 9, config: { ...ZERO_FEES, max_gas_limit: 0 } },
        }),
      ),
    ).toEqual({ code: 'zero_max_gas_limit', domain: 9 })
    expect(
      errorOf(
        await world.execute(OWNER, a.endpoint, {
          set_fee_config: { domain: 9, config: { ...ZERO_FEES, max_gas_limit: undefined } },
        }),
      ),
    ).toEqual({
      code: 'invalid_json',
      path: 'set_fee_config.config',
      problem: 'missing field',
      field: 'max_gas_limit',
    })
    const out = await feeConfig(a, 9, 12_345)
    expect(eventsOf(out, 'ferry_fee_config_set')[0]).toMatchObject({ max_gas_limit: '12345' })
    expect(world.query(a, { fee_config: { domain: 9 } })).toMatchObject({ max_gas_limit: 12_345 })
    // Only the fee manager sets it.
    expect(
      errorOf(
        await world.execute(USER, a.endpoint, {
          set_fee_config: { domain: 9, config: { ...ZERO_FEES, max_gas_limit: UNCAPPED } },
        }),
      ),
    ).toEqual({ code: 'unauthorized', sender: USER, role: 'fee manager' })
  })
})

// Acks, deadlines, retry and timeout between two CosmWasm endpoints (PROTOCOL.md §7–8), the
// CosmWasm twins of the EVM endpoint's tests of the same names
// (packages/evm-contracts/test/endpoint/Endpoint.delivery.test.ts).

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  b64,
  contractError,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  hexText,
  OWNER,
  RELAYER,
  type Side,
  textOf,
  USER,
  World,
} from '@ferry/cosmwasm-bindings/harness'
import {
  bech32ToBytes32,
  decodeAckBody,
  decodeMessage,
  getChannelKey,
  MessageStatus,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

/**
 * A block time ahead of the wall clock: cw-simulate moves a block's time up to the wall clock
 * when it is behind, so a time set in the past would not stick.
 */
const NOW = Math.floor(Date.now() / 1000) + 1_000_000

describe('endpoint acks and deadlines', () => {
  let world: World
  let a: Side
  let b: Side
  let appA: Hex
  let appB: Hex

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    appA = bech32ToBytes32(world.appA)
    appB = bech32ToBytes32(world.appB)
    world.chain.setTime(NOW)
  })

  const toB = (options: Parameters<World['sendFrom']>[4] = {}) =>
    world.sendFrom(world.appA, a, DOMAIN_B, appB, options)
  const channelOf = (message: Hex) => getChannelKey(decodeMessage(message))
  const statusOn = (side: Side, message: Hex) =>
    world.query<{ status: number }>(side, { message_status: { message: b64(message) } }).status
  const storedOn = (side: Side, id: Hex) =>
    world.query<{ status: number }>(side, { stored_status: { id } }).status
  const handled = (app: string) =>
    world.chain.query<{ count: number; last: string }>(app, { handled: {} })

  it('happy path: send → sign → deliver → ack back, between 7001 and 7002', async () => {
    const sent = await toB({ body: 'ok:forty-two', ackGasLimit: 120_000 })
    const message = decodeMessage(sent.message)
    expect(message).toMatchObject({
      flags: 2,
      origin: DOMAIN_A,
      sender: appA,
      destination: DOMAIN_B,
      recipient: appB,
      nonce: 1n,
      gasLimit: 200_000,
      ackGasLimit: 120_000,
      body: hexText('ok:forty-two'),
    })
    expect(sent.leafIndex).toBe(0)
    expect(world.query(a, { outbound_nonce: { channel: channelOf(sent.message) } })).toEqual({
      nonce: '1',
    })

    const receipt = await world.relay(a, b, sent.message)
    expect(eventsOf(receipt, 'ferry_message_delivered')).toEqual([
      {
        _contract_address: b.endpoint,
        id: sent.id,
        origin: String(DOMAIN_A),
        sender: appA,
        nonce: '1',
        status: '1',
        result: hexText('forty-two'),
      },
    ])
    expect(handled(world.appB)).toEqual({ count: 1, last: 'ok:forty-two' })
    expect(statusOn(b, sent.message)).toBe(MessageStatus.Executed)
    expect(storedOn(b, sent.id)).toBe(MessageStatus.None)
    expect(world.query(b, { inbound_nonce: { channel: channelOf(sent.message) } })).toEqual({
      nonce: '1',
    })

    // The ack: from appB back to appA, IS_ACK, gasLimit = ackGasLimit, no deadline.
    const [ack, ...more] = world.sentIn(receipt, b)
    expect(more).toEqual([])
    const ackMessage = decodeMessage(ack!.message)
    expect(ackMessage).toMatchObject({
      flags: 1,
      origin: DOMAIN_B,
      sender: appB,
      destination: DOMAIN_A,
      recipient: appA,
      nonce: 1n,
      deadline: 0n,
      gasLimit: 120_000,
      ackGasLimit: 0,
    })
    expect(decodeAckBody(ackMessage.body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.Executed,
      result: hexText('forty-two'),
    })

    // Delivered on A, it calls appA's ferry_handle_ack.
    const ackReceipt = await world.relay(b, a, ack!.message)
    expect(eventsOf(ackReceipt, 'ferry_ack_delivered')).toEqual([
      {
        _contract_address: a.endpoint,
        ack_id: ack!.id,
        original_id: sent.id,
        original_status: '1',
        status: '1',
      },
    ])
    expect(eventsOf(ackReceipt, 'ferry_message_delivered')[0]).toMatchObject({
      id: ack!.id,
      status: '1',
      result: hexText('ack handled'),
    })
    expect(handled(world.appA)).toEqual({
      count: 1,
      last: `ack:${sent.id}:1:${b64(hexText('forty-two'))}`,
    })
    expect(world.query(a, { inbound_nonce: { channel: channelOf(ack!.message) } })).toEqual({
      nonce: '1',
    })
    // Acks never request acks: nothing more was sent.
    expect(world.sentIn(ackReceipt, a)).toEqual([])
    expect(world.query(a, { merkle_count: {} })).toEqual({ count: 1 })
  })

  it('no ack is sent when none was requested', async () => {
    const sent = await toB({ body: 'ok:quiet' })
    const receipt = await world.relay(a, b, sent.message)
    expect(eventsOf(receipt, 'ferry_message_delivered')[0]?.status).toBe('1')
    expect(world.sentIn(receipt, b)).toEqual([])
    expect(world.query(b, { merkle_count: {} })).toEqual({ count: 0 })
  })

  it('recipient fails → Failed (no ack), retry still failing, then retry → Executed with one ack', async () => {
    await world.must(RELAYER, world.appB, { set_flaky: { on: true } })
    const sent = await toB({ body: 'flaky', ackGasLimit: 100_000 })
    const receipt = await world.relay(a, b, sent.message)
    const [delivered] = eventsOf(receipt, 'ferry_message_delivered')
    expect(delivered?.status).toBe('2')
    expect(textOf(delivered!.result!)).toContain('flaky handler failed')
    expect(world.sentIn(receipt, b)).toEqual([]) // Failed is not final
    expect(storedOn(b, sent.id)).toBe(MessageStatus.Failed)
    expect(statusOn(b, sent.message)).toBe(MessageStatus.Failed)

    const stillFailing = await world.must(USER, b.endpoint, {
      retry: { message: b64(sent.message), gas_limit: decodeMessage(sent.message).gasLimit },
    })
    expect(eventsOf(stillFailing, 'ferry_message_retried')).toEqual([
      { _contract_address: b.endpoint, id: sent.id, status: '2', result: delivered!.result },
    ])
    expect(world.sentIn(stillFailing, b)).toEqual([])

    await world.must(RELAYER, world.appB, { set_flaky: { on: false } })
    const retried = await world.must(RELAYER, b.endpoint, {
      retry: { message: b64(sent.message), gas_limit: decodeMessage(sent.message).gasLimit },
    })
    expect(eventsOf(retried, 'ferry_message_retried')).toEqual([
      { _contract_address: b.endpoint, id: sent.id, status: '1', result: hexText('recovered') },
    ])
    const acks = world.sentIn(retried, b)
    expect(acks).toHaveLength(1)
    expect(decodeAckBody(decodeMessage(acks[0]!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.Executed,
      result: hexText('recovered'),
    })
    expect(storedOn(b, sent.id)).toBe(MessageStatus.Executed)
    expect(statusOn(b, sent.message)).toBe(MessageStatus.Executed)
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          retry: { message: b64(sent.message), gas_limit: decodeMessage(sent.message).gasLimit },
        }),
      ),
    ).toEqual({ code: 'not_retryable', id: sent.id, status: 1 })
    // The ack reaches appA with the retry's result.
    await world.relay(b, a, acks[0]!.message)
    expect(handled(world.appA).last).toBe(`ack:${sent.id}:1:${b64(hexText('recovered'))}`)
  })

  it('deadline passed at delivery → TimedOut, handler not called, exactly one ack', async () => {
    const deadline = BigInt(NOW + 100)
    const sent = await toB({ ackGasLimit: 100_000, deadline })
    world.chain.setTime(NOW + 101)
    const receipt = await world.relay(a, b, sent.message)
    expect(eventsOf(receipt, 'ferry_message_delivered')).toEqual([
      {
        _contract_address: b.endpoint,
        id: sent.id,
        origin: String(DOMAIN_A),
        sender: appA,
        nonce: '1',
        status: '3',
        result: '0x',
      },
    ])
    expect(handled(world.appB).count).toBe(0)
    const acks = world.sentIn(receipt, b)
    expect(acks).toHaveLength(1)
    expect(decodeAckBody(decodeMessage(acks[0]!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.TimedOut,
      result: '0x',
    })
    expect(statusOn(b, sent.message)).toBe(MessageStatus.TimedOut)
    expect(world.query(b, { inbound_nonce: { channel: channelOf(sent.message) } })).toEqual({
      nonce: '1',
    })
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          retry: { message: b64(sent.message), gas_limit: decodeMessage(sent.message).gasLimit },
        }),
      ),
    ).toEqual({ code: 'not_retryable', id: sent.id, status: 3 })
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, { timeout: { message: b64(sent.message) } }),
      ),
    ).toEqual({ code: 'not_timeoutable', id: sent.id, status: 3 })
    expect(world.query(b, { merkle_count: {} })).toEqual({ count: 1 })

    // The TimedOut ack reaches appA.
    await world.relay(b, a, acks[0]!.message)
    expect(handled(world.appA).last).toBe(`ack:${sent.id}:3:`)
  })

  it('a deadline exactly at the block time still executes', async () => {
    const deadline = BigInt(NOW + 100)
    const sent = await toB({ deadline })
    world.chain.setTime(NOW + 100)
    const receipt = await world.relay(a, b, sent.message)
    expect(eventsOf(receipt, 'ferry_message_delivered')[0]?.status).toBe('1')
  })

  it('Failed, then timeout after the deadline → TimedOut with exactly one ack carrying the last revert data', async () => {
    const deadline = BigInt(NOW + 1_000)
    const sent = await toB({ body: 'fail:boom', ackGasLimit: 300_000, deadline })
    const receipt = await world.relay(a, b, sent.message)
    const [delivered] = eventsOf(receipt, 'ferry_message_delivered')
    expect(delivered?.status).toBe('2')
    const revertData = delivered!.result as Hex
    expect(textOf(revertData)).toContain('boom')

    world.chain.setTime(NOW + 1_000)
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, { timeout: { message: b64(sent.message) } }),
      ),
    ).toEqual({
      code: 'deadline_not_passed',
      id: sent.id,
      deadline: String(deadline),
      now: String(deadline),
    })

    world.chain.setTime(NOW + 1_001)
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          retry: { message: b64(sent.message), gas_limit: decodeMessage(sent.message).gasLimit },
        }),
      ),
    ).toEqual({ code: 'deadline_passed', id: sent.id, deadline: String(deadline) })
    const timedOut = await world.must(USER, b.endpoint, { timeout: { message: b64(sent.message) } })
    expect(eventsOf(timedOut, 'ferry_message_timed_out')).toEqual([
      { _contract_address: b.endpoint, id: sent.id },
    ])
    const acks = world.sentIn(timedOut, b)
    expect(acks).toHaveLength(1)
    expect(decodeAckBody(decodeMessage(acks[0]!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.TimedOut,
      result: revertData,
    })
    expect(storedOn(b, sent.id)).toBe(MessageStatus.TimedOut)
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, { timeout: { message: b64(sent.message) } }),
      ),
    ).toEqual({ code: 'not_timeoutable', id: sent.id, status: 3 })
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          retry: { message: b64(sent.message), gas_limit: decodeMessage(sent.message).gasLimit },
        }),
      ),
    ).toEqual({ code: 'not_retryable', id: sent.id, status: 3 })
    // Exactly one ack in the whole history of B.
    expect(b.sent).toHaveLength(1)
    expect(world.query(b, { merkle_count: {} })).toEqual({ count: 1 })

    // The ack reaches the sender's ack handler on A.
    const ackReceipt = await world.relay(b, a, acks[0]!.message)
    expect(eventsOf(ackReceipt, 'ferry_ack_delivered')).toEqual([
      {
        _contract_address: a.endpoint,
        ack_id: acks[0]!.id,
        original_id: sent.id,
        original_status: '3',
        status: '1',
      },
    ])
    expect(handled(world.appA).last).toBe(`ack:${sent.id}:3:${b64(revertData)}`)
  })

  it('timeout needs a Failed message with a deadline', async () => {
    const sent = await toB({ body: 'fail:no deadline' })
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, { timeout: { message: b64(sent.message) } }),
      ),
    ).toEqual({ code: 'not_timeoutable', id: sent.id, status: 0 })
    await world.relay(a, b, sent.message)
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, { timeout: { message: b64(sent.message) } }),
      ),
    ).toEqual({ code: 'no_deadline', id: sent.id })
  })

  it('an ack is delivered exactly once: a replay is out of order', async () => {
    const sent = await toB({ ackGasLimit: 100_000 })
    const receipt = await world.relay(a, b, sent.message)
    const [ack] = world.sentIn(receipt, b)
    const proof = await world.prove(b, ack!.message)
    const ackReceipt = await world.deliver(a, ack!.message, proof)
    expect(eventsOf(ackReceipt, 'ferry_ack_delivered')).toHaveLength(1)
    expect(errorOf(await world.deliver(a, ack!.message, proof))).toEqual({
      code: 'nonce_out_of_order',
      channel: channelOf(ack!.message),
      expected: '2',
      actual: '1',
    })
    expect(handled(world.appA).count).toBe(1)
  })

  it('loopback: a message to its own domain is delivered by the same endpoint, with its ack', async () => {
    await world.setOrigin(a, a)
    const sent = await world.sendFrom(world.appA, a, DOMAIN_A, appB, {
      ackGasLimit: 200_000,
      body: 'ok:loop',
    })
    const receipt = await world.relay(a, a, sent.message)
    expect(eventsOf(receipt, 'ferry_message_delivered')[0]?.status).toBe('1')
    const [ack] = world.sentIn(receipt, a)
    await world.relay(a, a, ack!.message)
    expect(handled(world.appA).last).toBe(`ack:${sent.id}:1:${b64(hexText('loop'))}`)
  })

  it('messageStatus reads None before delivery and Executed after, from the channel nonce', async () => {
    const sent = await toB()
    expect(statusOn(b, sent.message)).toBe(MessageStatus.None)
    expect(statusOn(b, '0x01')).toBe(MessageStatus.None)
    await world.relay(a, b, sent.message)
    expect(statusOn(b, sent.message)).toBe(MessageStatus.Executed)
    expect(storedOn(b, sent.id)).toBe(MessageStatus.None)
  })

  it('keeps at most 1,024 bytes of an oversized result, returned or failed, and acks the cut result', async () => {
    const big = await toB({ body: 'big', ackGasLimit: 100_000 })
    const receipt = await world.relay(a, b, big.message)
    const [executed] = eventsOf(receipt, 'ferry_message_delivered')
    expect(executed?.status).toBe('1')
    expect(executed?.result).toBe(hexText('a'.repeat(1_024)))
    const [ack] = world.sentIn(receipt, b)
    expect(decodeAckBody(decodeMessage(ack!.message).body).result).toBe(hexText('a'.repeat(1_024)))

    const failing = await toB({ body: `fail:${'e'.repeat(2_000)}` })
    const [failed] = eventsOf(await world.relay(a, b, failing.message), 'ferry_message_delivered')
    expect(failed?.status).toBe('2')
    expect((failed!.result!.length - 2) / 2).toBe(1_024)
    expect(textOf(failed!.result!)).toMatch(/e{900}$/)
  })

  it('non-ASCII bodies reach the handler byte for byte; a non-ASCII error is kept as UTF-8', async () => {
    const text = 'héllo ✓ 🚀 ферри 渡し'
    const sent = await toB({ body: `ok:${text}`, ackGasLimit: 100_000 })
    expect(decodeMessage(sent.message).body).toBe(hexText(`ok:${text}`))
    const receipt = await world.relay(a, b, sent.message)
    expect(eventsOf(receipt, 'ferry_message_delivered')[0]).toMatchObject({
      status: '1',
      result: hexText(text),
    })
    expect(handled(world.appB).last).toBe(`ok:${text}`)
    const [ack] = world.sentIn(receipt, b)
    await world.relay(b, a, ack!.message)
    expect(handled(world.appA).last).toBe(`ack:${sent.id}:1:${b64(hexText(text))}`)

    const failing = await toB({ body: `fail:ошибка ✓ 🚀` })
    const [failed] = eventsOf(await world.relay(a, b, failing.message), 'ferry_message_delivered')
    expect(failed?.status).toBe('2')
    expect(textOf(failed!.result!)).toContain('ошибка ✓ 🚀')
  })

  it('a body of raw non-UTF-8 bytes is sent and encoded as given', async () => {
    const body = '0xfffe00c0'
    const out = await world.must(USER, a.endpoint, {
      send: {
        destination: DOMAIN_B,
        recipient: appB,
        body: b64(body),
        gas_limit: 1,
        ack_gas_limit: 0,
        deadline: '0',
      },
    })
    const [sent] = world.sentIn(out, a)
    expect(decodeMessage(sent!.message).body).toBe(body)
    expect(decodeMessage(sent!.message).sender).toBe(bech32ToBytes32(USER))
    expect(JSON.parse(Buffer.from(out.ok ? (out.data ?? '') : '', 'base64').toString())).toEqual({
      id: sent!.id,
      nonce: '1',
    })
  })

  it('a message addressed to the endpoint cannot change its configuration (Failed, retry Failed)', async () => {
    const config = world.query(b, { config: {} })
    const origin = world.query(b, { origin: { origin: DOMAIN_A } })
    const attacks = [
      { transfer_ownership: { new_owner: USER } },
      {
        set_origin: {
          origin: DOMAIN_A,
          origin_endpoint: appA,
          validators: [`0x${'11'.repeat(20)}`],
          threshold: 1,
        },
      },
      { pause: {} },
      { remove_origin: { origin: DOMAIN_A } },
      { set_fee_collector: { address: USER } },
    ]
    for (const attack of attacks) {
      const sent = await world.sendFrom(world.appA, a, DOMAIN_B, b.bytes32, {
        body: JSON.stringify(attack),
        ackGasLimit: 50_000,
      })
      const receipt = await world.relay(a, b, sent.message)
      expect(eventsOf(receipt, 'ferry_message_delivered')[0]).toMatchObject({
        status: '2',
        result: '0x',
      })
      expect(world.sentIn(receipt, b)).toEqual([])
      const retried = await world.must(RELAYER, b.endpoint, {
        retry: { message: b64(sent.message), gas_limit: decodeMessage(sent.message).gasLimit },
      })
      expect(eventsOf(retried, 'ferry_message_retried')[0]).toMatchObject({
        status: '2',
        result: '0x',
      })
    }
    // A recipient that relays the same calls to the endpoint is not its owner either.
    const call = await toB({ body: `call:${JSON.stringify(attacks[0])}` })
    const [viaApp] = eventsOf(await world.relay(a, b, call.message), 'ferry_message_delivered')
    expect(viaApp?.status).toBe('2')
    expect(contractError(textOf(viaApp!.result!))).toEqual({
      code: 'unauthorized',
      sender: world.appB,
      role: 'owner',
    })

    expect(world.query(b, { config: {} })).toEqual(config)
    expect(world.query(b, { origin: { origin: DOMAIN_A } })).toEqual(origin)
    expect(config).toMatchObject({ owner: OWNER, pending_owner: null, paused: false })
  })
})

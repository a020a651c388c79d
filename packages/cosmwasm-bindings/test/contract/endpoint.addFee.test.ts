// Fee top-ups (PROTOCOL.md §9, §11): `add_fee { message }` on the origin endpoint, with a
// positive amount in the fee denom, for a message it sent (well formed, from its own domain, a
// nonce its channel has taken); `ferry_fee_added` with the id and the amount; nothing refunded.
// The CosmWasm twin of the EVM `addFee` tests.

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  b64,
  DENOM,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  type Sent,
  type Side,
  USER,
  World,
} from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32, decodeMessage, encodeMessage, getMessageId } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

const coins = (amount: bigint, denom = DENOM) => [{ denom, amount: amount.toString() }]

describe('add_fee (§9)', () => {
  let world: World
  let a: Side
  let b: Side
  let sent: Sent

  const addFee = (side: Side, message: Hex, funds = coins(5_000n)) =>
    world.execute(USER, side.endpoint, { add_fee: { message: b64(message) } }, funds)

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    world.chain.fund(USER, 10n ** 12n)
    sent = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB))
  })

  it('accepts a positive top-up of a sent message: ferry_fee_added with its id and amount, kept whole', async () => {
    const before = world.chain.balance(a.endpoint)
    const out = await addFee(a, sent.message)
    expect(eventsOf(out, 'ferry_fee_added')).toEqual([
      { _contract_address: a.endpoint, id: sent.id, amount: '5000' },
    ])
    expect(world.chain.balance(a.endpoint)).toBe(before + 5_000n)
    // Anyone may top up, as often as needed; coins of the denom add up.
    const again = await addFee(a, sent.message, [...coins(1n), ...coins(2n)])
    expect(eventsOf(again, 'ferry_fee_added')[0]).toMatchObject({ id: sent.id, amount: '3' })
    // A message that is already delivered can still be topped up: the origin cannot know.
    await world.relay(a, b, sent.message)
    expect(eventsOf(await addFee(a, sent.message), 'ferry_fee_added')).toHaveLength(1)
  })

  it('accepts an ack this endpoint sent (its own ack channel)', async () => {
    const asked = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB), {
      ackGasLimit: 100_000,
    })
    await world.relay(a, b, sent.message)
    await world.relay(a, b, asked.message)
    const [ack] = b.sent
    if (!ack) throw new Error('no ack')
    expect(eventsOf(await addFee(b, ack.message), 'ferry_fee_added')[0]).toMatchObject({
      id: ack.id,
    })
  })

  it('rejects no funds and zero funds (zero_fee)', async () => {
    expect(errorOf(await addFee(a, sent.message, []))).toEqual({ code: 'zero_fee', id: sent.id })
    expect(errorOf(await addFee(a, sent.message, coins(0n)))).toEqual({
      code: 'zero_fee',
      id: sent.id,
    })
  })

  it('rejects funds in another denom (wrong_denom)', async () => {
    world.chain.app.bank.setBalance(USER, [
      ...world.chain.app.bank.getBalance(USER),
      { denom: 'uatom', amount: '100' },
    ])
    expect(errorOf(await addFee(a, sent.message, coins(5n, 'uatom')))).toEqual({
      code: 'wrong_denom',
      expected: DENOM,
      actual: 'uatom',
    })
    expect(errorOf(await addFee(a, sent.message, [...coins(5n), ...coins(5n, 'uatom')]))).toEqual({
      code: 'wrong_denom',
      expected: DENOM,
      actual: 'uatom',
    })
  })

  it('rejects a message from another origin (wrong_origin)', async () => {
    // The message A sent, topped up at B: B's domain is not its origin.
    expect(errorOf(await addFee(b, sent.message))).toEqual({
      code: 'wrong_origin',
      expected: DOMAIN_B,
      actual: DOMAIN_A,
    })
  })

  it('rejects a message never sent: a nonce past the channel’s outbound nonce, or 0 (message_not_sent)', async () => {
    const decoded = decodeMessage(sent.message)
    for (const nonce of [2n, 0n]) {
      const never = encodeMessage({ ...decoded, nonce })
      expect(errorOf(await addFee(a, never))).toEqual({
        code: 'message_not_sent',
        id: getMessageId(never),
        nonce: String(nonce),
        outbound_nonce: '1',
      })
    }
    // Another channel (another recipient) that never sent anything.
    const elsewhere = encodeMessage({
      ...decoded,
      recipient: `0x${'00'.repeat(12)}${'cd'.repeat(20)}`,
    })
    expect(errorOf(await addFee(a, elsewhere))).toEqual({
      code: 'message_not_sent',
      id: getMessageId(elsewhere),
      nonce: '1',
      outbound_nonce: '0',
    })
    // The funds stayed with the payer.
    expect(world.chain.balance(a.endpoint)).toBe(0n)
  })

  it('rejects a malformed message with the §3 errors', async () => {
    expect(errorOf(await addFee(a, `0x${sent.message.slice(2, 2 + 97 * 2)}`))).toEqual({
      code: 'message_too_short',
      length: 97,
    })
    const flags = (value: number): Hex =>
      `0x${sent.message.slice(2, 4)}${value.toString(16).padStart(2, '0')}${sent.message.slice(6)}`
    expect(errorOf(await addFee(a, flags(4)))).toEqual({ code: 'unknown_flags', flags: 4 })
    expect(errorOf(await addFee(a, flags(3)))).toEqual({ code: 'ack_requests_ack', flags: 3 })
    expect(errorOf(await addFee(a, flags(2)))).toEqual({
      code: 'ack_request_mismatch',
      flags: 2,
      ack_gas_limit: 0,
    })
  })

  it('stays open while the endpoint is paused, as on EVM', async () => {
    const { owner } = world.chain.query<{ owner: string }>(a.endpoint, { config: {} })
    await world.must(owner, a.endpoint, { pause: {} })
    expect(eventsOf(await addFee(a, sent.message), 'ferry_fee_added')).toHaveLength(1)
  })
})

// Funds where a message takes none, tried as a relayer would: in 1.0 funds
// attached to `deliver` were kept by the endpoint as withdrawable fees, so a relayer that
// attached them by mistake lost them. Now every execute message but `send` and `add_fee`
// refuses attached funds (CosmWasm's nonpayable rule) with `nonpayable`, and `send` and
// `add_fee` take the fee denom only (`wrong_denom`).

import {
  b64,
  DENOM,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  OWNER,
  RELAYER,
  type Side,
  World,
  ZERO_FEES,
} from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32 } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

const ONE = [{ denom: DENOM, amount: '1' }]

describe('funds refused where a message takes none', () => {
  let world: World
  let a: Side
  let b: Side

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    for (const account of [OWNER, RELAYER]) world.chain.fund(account, 10n ** 9n)
  })

  it('deliver with funds is refused and keeps nothing; without them it goes through', async () => {
    const sent = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB))
    const proof = await world.prove(a, sent.message)
    const deliver = { deliver: { message: b64(sent.message), proof: b64(proof) } }
    const before = world.chain.balance(RELAYER)
    expect(errorOf(await world.execute(RELAYER, b.endpoint, deliver, ONE))).toEqual({
      code: 'nonpayable',
      action: 'deliver',
      funds: `1${DENOM}`,
    })
    expect(world.chain.balance(RELAYER)).toBe(before)
    expect(world.chain.balance(b.endpoint)).toBe(0n)
    await world.must(RELAYER, b.endpoint, deliver)
  })

  it('names every coin attached', async () => {
    world.chain.app.bank.setBalance(RELAYER, [
      ...world.chain.app.bank.getBalance(RELAYER),
      { denom: 'uatom', amount: '9' },
    ])
    const out = await world.execute(
      RELAYER,
      b.endpoint,
      { deliver_batch: { messages: [], proofs: [] } },
      [...ONE, { denom: 'uatom', amount: '2' }],
    )
    expect(errorOf(out)).toEqual({
      code: 'nonpayable',
      action: 'deliver_batch',
      funds: `1${DENOM},2uatom`,
    })
  })

  const message = b64('0x01')
  const nonpayable: [string, string, Record<string, unknown>][] = [
    ['deliver_batch', RELAYER, { messages: [], proofs: [] }],
    ['retry', RELAYER, { message, gas_limit: 1 }],
    ['timeout', RELAYER, { message }],
    ['set_app_verifier', RELAYER, { origin: 1, verifier: null }],
    [
      'set_origin',
      OWNER,
      {
        origin: 1,
        origin_endpoint: `0x${'11'.repeat(32)}`,
        validators: [`0x${'22'.repeat(20)}`],
        threshold: 1,
      },
    ],
    ['set_threshold', OWNER, { origin: DOMAIN_A, threshold: 1 }],
    ['remove_origin', OWNER, { origin: DOMAIN_A }],
    ['set_fee_config', OWNER, { domain: 9, config: ZERO_FEES }],
    ['remove_fee_config', OWNER, { domain: DOMAIN_A }],
    ['withdraw_fees', OWNER, { to: OWNER, amount: '0' }],
    ['set_fee_manager', OWNER, { address: OWNER }],
    ['set_fee_collector', OWNER, { address: OWNER }],
    ['pause', OWNER, {}],
    ['unpause', OWNER, {}],
    ['transfer_ownership', OWNER, { new_owner: RELAYER }],
    ['accept_ownership', OWNER, {}],
  ]

  it.each(nonpayable)('%s refuses funds (nonpayable)', async (name, sender, fields) => {
    expect(errorOf(await world.execute(sender, b.endpoint, { [name]: fields }, ONE))).toEqual({
      code: 'nonpayable',
      action: name,
      funds: `1${DENOM}`,
    })
  })

  it('send takes the fee denom only (wrong_denom); add_fee too', async () => {
    world.chain.app.bank.setBalance(OWNER, [
      ...world.chain.app.bank.getBalance(OWNER),
      { denom: 'uatom', amount: '9' },
    ])
    const send = {
      send: {
        destination: DOMAIN_B,
        recipient: bech32ToBytes32(world.appB),
        body: '',
        gas_limit: 1,
        ack_gas_limit: 0,
        deadline: '0',
      },
    }
    const uatom = [{ denom: 'uatom', amount: '1' }]
    expect(errorOf(await world.execute(OWNER, a.endpoint, send, uatom))).toEqual({
      code: 'wrong_denom',
      expected: DENOM,
      actual: 'uatom',
    })
    const sent = await world.must(OWNER, a.endpoint, send, ONE)
    const [message] = world.sentIn(sent, a)
    expect(
      errorOf(
        await world.execute(
          OWNER,
          a.endpoint,
          { add_fee: { message: b64(message!.message) } },
          uatom,
        ),
      ),
    ).toEqual({ code: 'wrong_denom', expected: DENOM, actual: 'uatom' })
  })
})

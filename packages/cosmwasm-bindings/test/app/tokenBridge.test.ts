// The CosmWasm token bridge (contract/token/, spec/apps/token-bridge.md) on the embedded chain:
// two endpoints (7001, 7002) relaying with real checkpoint signatures, a native lock bridge of
// `uatom` (6 decimals) on 7001 and a synthetic, CW20-compatible bridge on 7002. The spec's
// examples, round trips with exact balances, dust, refunds, rate limits both ways, the guardian's
// pause, a forged release from a non-peer and the collateral checks.
import { readFileSync } from 'node:fs'
import {
  account,
  b64,
  contractError,
  DENOM,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  OWNER,
  RELAYER,
  type Sent,
  textOf,
  USER,
  World,
  wasmPath,
  ZERO_FEES,
} from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32, bytes32ToBech32, decodeMessage, MessageStatus } from '@ferry/protocol'
import { checkpointsVectors, tokenBridgeVectors } from '@ferry/spec'
import { encodePacked, type Hex, pad, toHex } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'
import type { CosmWasmExecutor } from '../../src/client/types.ts'
import { EndpointError } from '../../src/errors/endpointError.ts'
import { createTokenBridgeClient } from '../../src/tokenBridge/createTokenBridgeClient.ts'

const ATOM = 'uatom'
const E6 = 10n ** 6n
const MAX_U128 = 2n ** 128n - 1n
const ALICE = account(0x44)
const BOB = account(0x55)
const CAROL = account(0x66)
const GUARDIAN = account(0x77)
const GAS_LIMIT = 300_000
// In the future: the simulator's blocks never go back before the wall clock.
const T0 = 2_000_000_000

type Limits = { capacity: bigint; refillPerSecond: bigint }
const UNLIMITED: Limits = { capacity: MAX_U128, refillPerSecond: MAX_U128 }

/** The owner's `set_route` message. */
function setRoute(
  domain: number,
  remoteDecimals: number,
  { outbound = UNLIMITED, inbound = UNLIMITED, enabled = true } = {},
) {
  const limits = (l: Limits) => ({
    capacity: l.capacity.toString(),
    refill_per_second: l.refillPerSecond.toString(),
  })
  return {
    set_route: {
      domain,
      enabled,
      remote_decimals: remoteDecimals,
      gas_limit: GAS_LIMIT,
      outbound: limits(outbound),
      inbound: limits(inbound),
    },
  }
}

/** The 97-byte body (TOKEN §2), written independently of the contract. */
const body = (recipient: Hex, amount: bigint, sender: Hex) =>
  encodePacked(['uint8', 'bytes32', 'uint256', 'bytes32'], [1, recipient, amount, sender])

describe('token bridge (AssemblyScript, native and synthetic modes)', () => {
  let world: World
  let code: number
  let lock: string // 7001, native uatom, 6 decimals
  let mint: string // 7002, synthetic "Bridged ATOM", 6 decimals

  const coin = (denom: string, amount: bigint) => ({ denom, amount: amount.toString() })
  const bank = (address: string, denom: string) =>
    BigInt(world.chain.app.bank.getBalance(address).find((c) => c.denom === denom)?.amount ?? '0')
  /** Adds `amount` of `denom` to `address`'s bank balance, keeping its other denoms. */
  const fund = (address: string, amount: bigint, denom = ATOM) =>
    world.chain.app.bank.setBalance(address, [
      ...world.chain.app.bank.getBalance(address).filter((c) => c.denom !== denom),
      coin(denom, bank(address, denom) + amount),
    ])
  const cw20 = (address: string) =>
    BigInt(world.chain.query<{ balance: string }>(mint, { balance: { address } }).balance)
  const collateral = (bridge: string, domain: number) =>
    BigInt(
      world.chain.query<{ collateral: string }>(bridge, { collateral_of: { domain } }).collateral,
    )

  async function instantiate(msg: Record<string, unknown>, endpoint: string) {
    return world.chain.instantiate(code, { endpoint, ...msg }, 'token bridge')
  }

  /** `from` sends `amount` on `bridge` to `recipient` on `destination`; returns the outcome. */
  function transfer(
    from: string,
    bridge: string,
    destination: number,
    recipient: Hex,
    amount: bigint,
    funds: { denom: string; amount: string }[] = [],
  ) {
    return world.execute(
      from,
      bridge,
      { transfer_remote: { destination, recipient, amount: amount.toString() } },
      funds,
    )
  }

  async function mustSend(...args: Parameters<typeof transfer>): Promise<Sent> {
    const out = await transfer(...args)
    if (!out.ok) throw new Error(out.error)
    const origin = args[1] === lock ? world.a : world.b
    const [sent] = world.sentIn(out, origin)
    if (!sent) throw new Error('nothing sent')
    return sent
  }

  /** Relays `sent` to the other endpoint; the delivery's status and result. */
  async function relay(sent: Sent) {
    const [from, to] = sent.destination === DOMAIN_B ? [world.a, world.b] : [world.b, world.a]
    const out = await world.relay(from, to, sent.message)
    const [delivered] = eventsOf(out, 'ferry_message_delivered')
    return { status: Number(delivered?.status), result: delivered?.result ?? '0x', out }
  }

  const failure = (result: string) => contractError(textOf(result))

  beforeEach(async () => {
    world = await World.create({ validators: checkpointsVectors.validators })
    world.chain.setTime(T0)
    code = world.chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('token-bridge'))).unwrap()
    lock = await instantiate({ mode: 'native', denom: ATOM, decimals: 6 }, world.a.endpoint)
    mint = await instantiate(
      { mode: 'synthetic', name: 'Bridged ATOM', symbol: 'bATOM', decimals: 6 },
      world.b.endpoint,
    )
    await world.must(OWNER, lock, setRoute(DOMAIN_B, 6))
    await world.must(OWNER, mint, setRoute(DOMAIN_A, 6))
    await world.must(OWNER, lock, { set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(mint) } })
    await world.must(OWNER, mint, { set_peer: { domain: DOMAIN_A, peer: bech32ToBytes32(lock) } })
    fund(ALICE, 1_000n * E6)
  })

  describe('spec/apps/token-bridge.json', () => {
    it('quotes every example scaling', async () => {
      for (const v of tokenBridgeVectors.scaling) {
        const bridge = await instantiate(
          { mode: 'synthetic', name: 'T', symbol: 'T', decimals: v.localDecimals },
          world.a.endpoint,
        )
        await world.must(OWNER, bridge, setRoute(DOMAIN_B, v.remoteDecimals))
        const quote = world.chain.query(bridge, {
          quote_transfer: { destination: DOMAIN_B, amount: v.amount },
        })
        expect(quote).toEqual({
          fee: { denom: DENOM, amount: '0' },
          sent: v.sent,
          amount_received: v.amountReceived,
          dust: v.dust,
          available: MAX_U128.toString(),
        })
      }
    })

    it('sends every example body byte for byte', async () => {
      for (const v of tokenBridgeVectors.bodies) {
        // A fresh bridge each: the largest amount fills a route's collateral.
        const bridge = await instantiate(
          { mode: 'native', denom: ATOM, decimals: 6 },
          world.a.endpoint,
        )
        await world.must(OWNER, bridge, setRoute(DOMAIN_B, 6))
        await world.must(OWNER, bridge, {
          set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(mint) },
        })
        const sender = bytes32ToBech32(v.sender, 'wasm')
        fund(sender, BigInt(v.amount))
        const out = await transfer(sender, bridge, DOMAIN_B, v.recipient, BigInt(v.amount), [
          coin(ATOM, BigInt(v.amount)),
        ])
        const [sent] = world.sentIn(out, world.a)
        expect(decodeMessage(sent?.message ?? '0x').body, v.name).toBe(v.body)
      }
    })
  })

  it('locks uatom on 7001 and mints on 7002; back again, exactly; the excess funds refunded', async () => {
    const feeConfig = { ...ZERO_FEES, base_fee: '1000' }
    await world.must(OWNER, world.a.endpoint, {
      set_fee_config: { domain: DOMAIN_B, config: feeConfig },
    })
    fund(ALICE, 10_000n, DENOM)
    const quote = world.chain.query(lock, {
      quote_transfer: { destination: DOMAIN_B, amount: (5n * E6).toString() },
    })
    expect(quote).toEqual({
      fee: { denom: DENOM, amount: '1000' },
      sent: '5000000',
      amount_received: '5000000',
      dust: '0',
      available: MAX_U128.toString(),
    })
    // Alice overpays both: 7 uatom and 500 ustake come back.
    const out = await transfer(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 5n * E6, [
      coin(ATOM, 5n * E6 + 7n),
      coin(DENOM, 1_500n),
    ])
    expect(out.ok).toBe(true)
    const [sent] = world.sentIn(out, world.a)
    expect(bank(ALICE, ATOM)).toBe(995n * E6)
    expect(bank(ALICE, DENOM)).toBe(9_000n)
    expect(bank(lock, ATOM)).toBe(5n * E6)
    expect(collateral(lock, DOMAIN_B)).toBe(5n * E6)
    expect(eventsOf(out, 'transfer_sent')[0]).toMatchObject({
      id: sent?.id,
      destination: String(DOMAIN_B),
      sender: ALICE,
      recipient: bech32ToBytes32(BOB),
      sent: '5000000',
      amount_received: '5000000',
    })
    expect(JSON.parse(Buffer.from(out.ok ? (out.data ?? '') : '', 'base64').toString())).toEqual({
      id: sent?.id,
      nonce: '1',
    })

    const delivered = await relay(sent!)
    expect(delivered.status).toBe(MessageStatus.Executed)
    expect(eventsOf(delivered.out, 'transfer_received')[0]).toMatchObject({
      origin: String(DOMAIN_A),
      nonce: '1',
      sender: bech32ToBytes32(ALICE),
      recipient: BOB,
      amount: '5000000',
    })
    expect(cw20(BOB)).toBe(5n * E6)
    expect(world.chain.query(mint, { token_info: {} })).toEqual({
      name: 'Bridged ATOM',
      symbol: 'bATOM',
      decimals: 6,
      total_supply: '5000000',
    })
    expect(collateral(mint, DOMAIN_A)).toBe(5n * E6)

    // CW20 transfer, then Carol sends 2 back to Alice: burned on 7002, released on 7001.
    await world.must(BOB, mint, { transfer: { recipient: CAROL, amount: '3000000' } })
    expect([cw20(BOB), cw20(CAROL)]).toEqual([2n * E6, 3n * E6])
    const back = await mustSend(CAROL, mint, DOMAIN_A, bech32ToBytes32(ALICE), 2n * E6)
    expect(cw20(CAROL)).toBe(E6)
    expect(world.chain.query(mint, { token_info: {} })).toMatchObject({ total_supply: '3000000' })
    expect(collateral(mint, DOMAIN_A)).toBe(3n * E6)
    expect((await relay(back)).status).toBe(MessageStatus.Executed)
    expect(bank(ALICE, ATOM)).toBe(997n * E6)
    expect(bank(lock, ATOM)).toBe(3n * E6)
    expect(collateral(lock, DOMAIN_B)).toBe(3n * E6)
  })

  it('scales 6 → 18 decimals exactly and leaves the dust with the sender 18 → 6', async () => {
    // A synthetic 18-decimal token on 7002 for the native 6-decimal uatom on 7001.
    const mint18 = await instantiate(
      { mode: 'synthetic', name: 'ATOM18', symbol: 'ATOM18', decimals: 18 },
      world.b.endpoint,
    )
    await world.must(OWNER, lock, setRoute(DOMAIN_B, 18))
    await world.must(OWNER, lock, { set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(mint18) } })
    await world.must(OWNER, mint18, setRoute(DOMAIN_A, 6))
    await world.must(OWNER, mint18, { set_peer: { domain: DOMAIN_A, peer: bech32ToBytes32(lock) } })
    const sent = await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 1_234_567n, [
      coin(ATOM, 1_234_567n),
    ])
    expect(decodeMessage(sent.message).body).toBe(
      body(bech32ToBytes32(BOB), 1_234_567n * 10n ** 12n, bech32ToBytes32(ALICE)),
    )
    expect((await relay(sent)).status).toBe(MessageStatus.Executed)
    const balance = (address: string) =>
      BigInt(world.chain.query<{ balance: string }>(mint18, { balance: { address } }).balance)
    expect(balance(BOB)).toBe(1_234_567n * 10n ** 12n)

    // Back with dust: 1.000000891234567891 sends 1.000000, the rest stays with Bob.
    const amount = 1_000_000_891_234_567_891n
    const back = await mustSend(BOB, mint18, DOMAIN_A, bech32ToBytes32(ALICE), amount)
    expect(balance(BOB)).toBe(1_234_567n * 10n ** 12n - 10n ** 18n)
    expect((await relay(back)).status).toBe(MessageStatus.Executed)
    expect(bank(ALICE, ATOM)).toBe(1_000n * E6 - 1_234_567n + E6)

    // All dust: nothing would arrive, refused.
    expect(
      errorOf(await transfer(BOB, mint18, DOMAIN_A, bech32ToBytes32(ALICE), 10n ** 12n - 1n)),
    ).toEqual({
      code: 'token_bridge_zero_amount',
      amount: (10n ** 12n - 1n).toString(),
    })
  })

  it('sends to a CosmWasm account given in bech32: its data bytes in the body, credited there', async () => {
    const to = 'wasm144ghy6hpwxqvunppx3vtn2vg6q5wqugne74v85'
    const sent = await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(to), 3n * E6, [
      coin(ATOM, 3n * E6),
    ])
    expect(decodeMessage(sent.message).body).toBe(
      body(bech32ToBytes32(to), 3n * E6, bech32ToBytes32(ALICE)),
    )
    await relay(sent)
    expect(cw20(to)).toBe(3n * E6)
  })

  it('refuses bad transfers on the origin with named errors, taking nothing', async () => {
    const bob32 = bech32ToBytes32(BOB)
    const atom = (amount: bigint) => [coin(ATOM, amount)]
    expect(errorOf(await transfer(ALICE, lock, 9999, bob32, E6, atom(E6)))).toEqual({
      code: 'token_bridge_unknown_route',
      domain: 9999,
    })
    expect(errorOf(await transfer(ALICE, lock, DOMAIN_B, pad('0x'), E6, atom(E6)))).toEqual({
      code: 'token_bridge_zero_recipient',
    })
    expect(errorOf(await transfer(ALICE, lock, DOMAIN_B, bob32, E6, atom(E6 - 1n)))).toEqual({
      code: 'token_bridge_insufficient_funds',
      denom: ATOM,
      required: E6.toString(),
      paid: (E6 - 1n).toString(),
    })
    fund(ALICE, 5n, 'uosmo')
    expect(
      errorOf(await transfer(ALICE, lock, DOMAIN_B, bob32, E6, [...atom(E6), coin('uosmo', 1n)])),
    ).toEqual({ code: 'wrong_denom', expected: `${DENOM},${ATOM}`, actual: 'uosmo' })
    expect(errorOf(await transfer(ALICE, mint, DOMAIN_A, bob32, E6))).toEqual({
      code: 'token_bridge_insufficient_balance',
      address: ALICE,
      balance: '0',
      amount: E6.toString(),
    })
    expect(errorOf(await world.execute(USER, lock, setRoute(DOMAIN_B, 6)))).toMatchObject({
      code: 'unauthorized',
      role: 'owner',
    })
    expect(errorOf(await world.execute(OWNER, lock, setRoute(DOMAIN_B, 43)))).toEqual({
      code: 'token_bridge_decimals_too_far',
      local: 6,
      remote: 43,
    })
    expect(
      errorOf(await world.execute(ALICE, lock, { transfer: { recipient: BOB, amount: '1' } })),
    ).toEqual({
      code: 'token_bridge_not_synthetic',
      mode: 'native',
    })
    expect(bank(ALICE, ATOM)).toBe(1_000n * E6)
    expect(world.a.sent).toHaveLength(0)
    expect(collateral(lock, DOMAIN_B)).toBe(0n)
  })

  it('an outbound rate limit refuses on the origin, with nothing taken and no message, and refills', async () => {
    await world.must(
      OWNER,
      lock,
      setRoute(DOMAIN_B, 6, { outbound: { capacity: 10n * E6, refillPerSecond: E6 } }),
    )
    await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 6n * E6, [coin(ATOM, 6n * E6)])
    const refused = await transfer(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 5n * E6, [
      coin(ATOM, 5n * E6),
    ])
    expect(errorOf(refused)).toEqual({
      code: 'token_bridge_rate_limited',
      domain: DOMAIN_B,
      outbound: true,
      amount: (5n * E6).toString(),
      available: (4n * E6).toString(),
    })
    expect(world.a.sent).toHaveLength(1)
    expect(bank(ALICE, ATOM)).toBe(994n * E6)
    expect(
      world.chain.query(lock, { quote_transfer: { destination: DOMAIN_B, amount: '1' } }),
    ).toMatchObject({ available: (4n * E6).toString() })
    world.chain.setTime(T0 + 1)
    await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 5n * E6, [coin(ATOM, 5n * E6)])
    expect(world.chain.query(lock, { route: { domain: DOMAIN_B } })).toEqual({
      enabled: true,
      remote_decimals: 6,
      gas_limit: GAS_LIMIT,
      outbound: {
        capacity: (10n * E6).toString(),
        refill_per_second: E6.toString(),
        available: '0',
      },
      inbound: {
        capacity: MAX_U128.toString(),
        refill_per_second: MAX_U128.toString(),
        available: MAX_U128.toString(),
      },
    })
  })

  it('an inbound rate limit fails the delivery, which succeeds on retry once refilled: never stuck', async () => {
    await world.must(
      OWNER,
      mint,
      setRoute(DOMAIN_A, 6, { inbound: { capacity: 6n * E6, refillPerSecond: E6 } }),
    )
    const first = await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 4n * E6, [
      coin(ATOM, 4n * E6),
    ])
    await relay(first)
    const second = await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 5n * E6, [
      coin(ATOM, 5n * E6),
    ])
    const failed = await relay(second)
    expect(failed.status).toBe(MessageStatus.Failed)
    expect(failure(failed.result)).toEqual({
      code: 'token_bridge_rate_limited',
      domain: DOMAIN_A,
      outbound: false,
      amount: (5n * E6).toString(),
      available: (2n * E6).toString(),
    })
    expect(cw20(BOB)).toBe(4n * E6)
    world.chain.setTime(T0 + 3)
    const retried = await world.must(RELAYER, world.b.endpoint, {
      retry: { message: b64(second.message), gas_limit: GAS_LIMIT },
    })
    expect(eventsOf(retried, 'ferry_message_retried')[0]?.status).toBe(
      String(MessageStatus.Executed),
    )
    expect(cw20(BOB)).toBe(9n * E6)
  })

  it('the guardian pauses: sends refused, deliveries Failed, delivered on retry after unpausing', async () => {
    await world.must(OWNER, lock, { set_guardian: { guardian: GUARDIAN } })
    await world.must(OWNER, mint, { set_guardian: { guardian: GUARDIAN } })
    expect(errorOf(await world.execute(BOB, lock, { pause: {} }))).toEqual({
      code: 'token_bridge_not_guardian',
      caller: BOB,
    })
    const sent = await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 2n * E6, [
      coin(ATOM, 2n * E6),
    ])
    await world.must(GUARDIAN, lock, { pause: {} })
    await world.must(GUARDIAN, mint, { pause: {} })
    expect(world.chain.query(lock, { config: {} })).toEqual({
      mode: 'native',
      denom: ATOM,
      decimals: 6,
      guardian: GUARDIAN,
      paused: true,
    })
    expect(
      errorOf(await transfer(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), E6, [coin(ATOM, E6)])),
    ).toEqual({ code: 'token_bridge_paused' })
    const failed = await relay(sent)
    expect(failed.status).toBe(MessageStatus.Failed)
    expect(failure(failed.result)).toEqual({ code: 'token_bridge_paused' })

    await world.must(OWNER, mint, { unpause: {} })
    await world.must(RELAYER, world.b.endpoint, {
      retry: { message: b64(sent.message), gas_limit: GAS_LIMIT },
    })
    expect(cw20(BOB)).toBe(2n * E6)
  })

  /** `forger` (a test recipient on 7002) sends `payload` to the lock bridge on 7001. */
  async function forge(payload: Hex): Promise<Sent> {
    const send = {
      send: {
        destination: DOMAIN_A,
        recipient: bech32ToBytes32(lock),
        body: b64(payload),
        gas_limit: GAS_LIMIT,
        ack_gas_limit: 0,
        deadline: '0',
      },
    }
    const msg = Buffer.from(JSON.stringify(send)).toString('base64')
    const out = await world.must(RELAYER, world.appB, {
      forward: { contract: world.b.endpoint, msg },
    })
    const [sent] = world.sentIn(out, world.b)
    if (!sent) throw new Error('nothing sent')
    return sent
  }

  it('security: a release from an app that is not the peer bridge is refused', async () => {
    await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 100n * E6, [coin(ATOM, 100n * E6)])
    const forged = await forge(body(bech32ToBytes32(BOB), 100n * E6, bech32ToBytes32(BOB)))
    const delivered = await relay(forged)
    expect(delivered.status).toBe(MessageStatus.Failed)
    expect(failure(delivered.result)).toEqual({
      code: 'not_peer',
      origin: DOMAIN_B,
      sender: bech32ToBytes32(world.appB),
    })
    expect(bank(BOB, ATOM)).toBe(0n)
  })

  it('security: a route never releases more than was locked for it; a faulty body fails by name', async () => {
    await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 100n * E6, [coin(ATOM, 100n * E6)])
    // A faulty peer on 7002 asks 7001 to release 150 where 100 are locked for 7002.
    await world.must(OWNER, lock, {
      set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(world.appB) },
    })
    const cases: [Hex, unknown][] = [
      [
        body(bech32ToBytes32(BOB), 150n * E6, bech32ToBytes32(BOB)),
        {
          code: 'token_bridge_insufficient_collateral',
          domain: DOMAIN_B,
          amount: (150n * E6).toString(),
          collateral: (100n * E6).toString(),
        },
      ],
      ['0x0102', { code: 'token_bridge_malformed_body', length: 2 }],
      [
        `0x02${body(bech32ToBytes32(BOB), 1n, bech32ToBytes32(BOB)).slice(4)}`,
        { code: 'token_bridge_unknown_version', version: 2 },
      ],
      [body(pad('0x'), 1n, bech32ToBytes32(BOB)), { code: 'token_bridge_zero_recipient' }],
      [
        body(bech32ToBytes32(BOB), MAX_U128 + 1n, bech32ToBytes32(BOB)),
        {
          code: 'token_bridge_amount_too_large',
          amount: pad(toHex(MAX_U128 + 1n)),
          max: MAX_U128.toString(),
        },
      ],
    ]
    for (const [payload, error] of cases) {
      const delivered = await relay(await forge(payload))
      expect(delivered.status).toBe(MessageStatus.Failed)
      expect(failure(delivered.result)).toEqual(error)
    }
    expect(bank(BOB, ATOM)).toBe(0n)
    expect(collateral(lock, DOMAIN_B)).toBe(100n * E6)
  })

  it('a mint bridge refuses to send to a route whose destination locked too little', async () => {
    await relay(
      await mustSend(ALICE, lock, DOMAIN_B, bech32ToBytes32(BOB), 10n * E6, [coin(ATOM, 10n * E6)]),
    )
    // A second route from 7002, to 7003, which locked nothing for it.
    await world.must(OWNER, world.b.endpoint, {
      set_fee_config: { domain: 7003, config: ZERO_FEES },
    })
    await world.must(OWNER, mint, setRoute(7003, 6))
    await world.must(OWNER, mint, { set_peer: { domain: 7003, peer: pad('0xab', { size: 32 }) } })
    expect(errorOf(await transfer(BOB, mint, 7003, bech32ToBytes32(ALICE), E6))).toEqual({
      code: 'token_bridge_insufficient_collateral',
      domain: 7003,
      amount: E6.toString(),
      collateral: '0',
    })
    expect(cw20(BOB)).toBe(10n * E6)
    // Back to 7001, whose route locked 10, it goes.
    await mustSend(BOB, mint, DOMAIN_A, bech32ToBytes32(ALICE), E6)
  })

  it('takes no funds with its other messages, and only the bridge mints', async () => {
    fund(OWNER, 1n)
    expect(errorOf(await world.execute(OWNER, lock, { pause: {} }, [coin(ATOM, 1n)]))).toEqual({
      code: 'nonpayable',
      action: 'pause',
    })
    expect(world.chain.query(mint, { minter: {} })).toEqual({ minter: mint, cap: null })
    // Executing the handler directly is refused: only the endpoint delivers.
    const direct = await world.execute(USER, mint, {
      ferry_handle: {
        origin: DOMAIN_A,
        sender: bech32ToBytes32(lock),
        nonce: '1',
        body: b64(body(bech32ToBytes32(USER), E6, bech32ToBytes32(USER))),
      },
    })
    expect(errorOf(direct)).toEqual({ code: 'not_endpoint', sender: USER })
  })

  it('the typed client: configuration, quote, transfer with quoted funds, CW20 and named errors', async () => {
    // The world's chain as a CosmWasmExecutor, recording what the endpoints send.
    const executor: CosmWasmExecutor = {
      sender: OWNER,
      async execute(sender, contract, msg, funds = []) {
        const out = await world.execute(sender, contract, msg, [...funds])
        if (!out.ok) throw new Error(out.error)
        return { transactionHash: '', height: 0, events: out.events }
      },
      query: async (contract, msg) => world.chain.query(contract, msg),
    }
    const lockClient = createTokenBridgeClient(executor, lock)
    const mintClient = createTokenBridgeClient(executor, mint)
    await lockClient.setTokenBridgeRoute({
      domain: DOMAIN_B,
      remoteDecimals: 6,
      gasLimit: GAS_LIMIT,
      outbound: { capacity: 100n * E6, refillPerSecond: E6 },
      inbound: { capacity: 50n * E6, refillPerSecond: 2n },
    })
    expect(await lockClient.tokenBridgeRoute({ domain: DOMAIN_B })).toEqual({
      enabled: true,
      remoteDecimals: 6,
      gasLimit: GAS_LIMIT,
      outbound: { capacity: 100n * E6, refillPerSecond: E6, available: 100n * E6 },
      inbound: { capacity: 50n * E6, refillPerSecond: 2n, available: 50n * E6 },
    })
    await lockClient.setTokenBridgeGuardian({ guardian: GUARDIAN })
    await lockClient.setTokenBridgePaused({ sender: GUARDIAN, paused: true })
    expect(await lockClient.tokenBridgeConfig({})).toEqual({
      mode: 'native',
      denom: ATOM,
      decimals: 6,
      guardian: GUARDIAN,
      paused: true,
    })
    await lockClient.setTokenBridgePaused({ sender: GUARDIAN, paused: false })

    // A fee in the endpoint's denom: transferRemote quotes it and sends it with the uatom.
    const feeConfig = { ...ZERO_FEES, base_fee: '250' }
    await world.must(OWNER, world.a.endpoint, {
      set_fee_config: { domain: DOMAIN_B, config: feeConfig },
    })
    fund(ALICE, 250n, DENOM)
    expect(await lockClient.quoteTransfer({ destination: DOMAIN_B, amount: 7n * E6 })).toEqual({
      fee: { denom: DENOM, amount: 250n },
      sent: 7n * E6,
      amountReceived: 7n * E6,
      dust: 0n,
      available: 100n * E6,
    })
    const { id, message, sent, amountReceived } = await lockClient.transferRemote({
      sender: ALICE,
      destination: DOMAIN_B,
      recipient: BOB, // bech32: its data bytes go in the body
      amount: 7n * E6,
    })
    expect([sent, amountReceived]).toEqual([7n * E6, 7n * E6])
    expect(decodeMessage(message).body).toBe(
      body(bech32ToBytes32(BOB), 7n * E6, bech32ToBytes32(ALICE)),
    )
    expect(id).toBe(world.a.sent.at(-1)?.id)
    expect([bank(ALICE, ATOM), bank(ALICE, DENOM)]).toEqual([993n * E6, 0n])
    expect(await lockClient.collateralOf({ domain: DOMAIN_B })).toBe(7n * E6)

    await world.relay(world.a, world.b, message)
    expect(await mintClient.cw20Balance({ address: BOB })).toBe(7n * E6)
    await mintClient.cw20Transfer({ sender: BOB, recipient: CAROL, amount: 2n * E6 })
    expect(await mintClient.cw20TokenInfo({})).toEqual({
      name: 'Bridged ATOM',
      symbol: 'bATOM',
      decimals: 6,
      totalSupply: 7n * E6,
    })
    // An EVM address as the recipient: left-padded.
    const evm = await mintClient.transferRemote({
      sender: CAROL,
      destination: DOMAIN_A,
      recipient: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      amount: E6,
    })
    expect(decodeMessage(evm.message).body).toBe(
      body(pad('0x70997970c51812dc3a010c7d01b50e0d17dc79c8'), E6, bech32ToBytes32(CAROL)),
    )
    const refused = mintClient.cw20Transfer({ sender: CAROL, recipient: BOB, amount: 2n * E6 })
    await expect(refused).rejects.toBeInstanceOf(EndpointError)
    await expect(refused).rejects.toMatchObject({
      code: 'token_bridge_insufficient_balance',
      fields: { balance: E6.toString(), amount: (2n * E6).toString() },
    })
  })
})

// Fees (PROTOCOL.md §9): quote, charge in the native denom, refund, roles and withdrawal; the
// CosmWasm twins of packages/evm-contracts/test/endpoint/Endpoint.fees.test.ts.

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  account,
  b64,
  Chain,
  DENOM,
  errorOf,
  eventsOf,
  OWNER,
  USER,
} from '@ferry/cosmwasm-bindings/harness'
import { beforeEach, describe, expect, it } from 'vitest'

const LOCAL = 7001
const REMOTE = 7002
const FEE_CONFIG = {
  base_fee: '1000',
  gas_price: '2000000000',
  rate: '1500000000000000000',
  gas_overhead: 50_000,
  gas_per_byte: 16,
  max_gas_limit: 16_777_216,
}
const FEE_MANAGER = account(0x44)
const FEE_COLLECTOR = account(0x55)
const BOB = account(0x66)
const STRANGER = account(0x77)
const recipient: Hex = `0x${'00'.repeat(12)}${'b0'.repeat(20)}`

/** The §9 formula, with the ack part priced at the longest ack body (33 + 1,024 bytes). */
function expectedFee(
  bodyLength: bigint,
  gasLimit: bigint,
  ackGasLimit: bigint,
  config = FEE_CONFIG,
  home = FEE_CONFIG,
): bigint {
  const gas = (c: typeof FEE_CONFIG, units: bigint, length: bigint) =>
    ((units + BigInt(c.gas_overhead) + length * BigInt(c.gas_per_byte)) *
      BigInt(c.gas_price) *
      BigInt(c.rate)) /
    10n ** 18n
  return (
    BigInt(config.base_fee) +
    gas(config, gasLimit, bodyLength) +
    (ackGasLimit > 0n ? gas(home, ackGasLimit, 1_057n) : 0n)
  )
}

const coins = (amount: bigint, denom = DENOM) => [{ denom, amount: amount.toString() }]
const sendMsg = (body: Hex, gasLimit: number, ackGasLimit: number, destination = REMOTE) => ({
  send: {
    destination,
    recipient,
    body: b64(body),
    gas_limit: gasLimit,
    ack_gas_limit: ackGasLimit,
    deadline: '0',
  },
})

describe('endpoint fees', () => {
  let chain: Chain
  let endpoint: string

  beforeEach(async () => {
    chain = await Chain.create()
    endpoint = await chain.endpoint(LOCAL)
    await chain.must(OWNER, endpoint, { set_fee_manager: { address: FEE_MANAGER } })
    await chain.must(OWNER, endpoint, { set_fee_collector: { address: FEE_COLLECTOR } })
    for (const domain of [LOCAL, REMOTE])
      await chain.must(FEE_MANAGER, endpoint, { set_fee_config: { domain, config: FEE_CONFIG } })
    chain.fund(USER, 10n ** 18n)
  })

  const quote = (bodyLength: number, gasLimit: number, ackGasLimit: number, destination = REMOTE) =>
    BigInt(
      chain.query<{ fee: string; denom: string }>(endpoint, {
        quote: {
          destination,
          body_length: bodyLength,
          gas_limit: gasLimit,
          ack_gas_limit: ackGasLimit,
        },
      }).fee,
    )

  it('quotes baseFee + gas × price × rate, plus the ack back here when requested', async () => {
    expect(
      chain.query(endpoint, {
        quote: { destination: REMOTE, body_length: 100, gas_limit: 200_000, ack_gas_limit: 0 },
      }),
    ).toEqual({
      fee: expectedFee(100n, 200_000n, 0n).toString(),
      denom: DENOM,
    })
    expect(quote(100, 200_000, 80_000)).toBe(expectedFee(100n, 200_000n, 80_000n))
    // A different rate on the destination scales the destination part only.
    await chain.must(FEE_MANAGER, endpoint, {
      set_fee_config: {
        domain: REMOTE,
        config: { ...FEE_CONFIG, rate: (2n * 10n ** 18n).toString() },
      },
    })
    const destinationPart = expectedFee(100n, 200_000n, 0n) - BigInt(FEE_CONFIG.base_fee)
    const ackPart = expectedFee(100n, 200_000n, 80_000n) - expectedFee(100n, 200_000n, 0n)
    expect(quote(100, 200_000, 80_000)).toBe(
      BigInt(FEE_CONFIG.base_fee) + (4n * destinationPart) / 3n + ackPart,
    )
  })

  it('rounds the gas part down (a rate of 1 wei per 1e18)', async () => {
    await chain.must(FEE_MANAGER, endpoint, {
      set_fee_config: {
        domain: REMOTE,
        config: {
          base_fee: '7',
          gas_price: '3',
          rate: '1',
          gas_overhead: 0,
          gas_per_byte: 0,
          max_gas_limit: 4_294_967_295,
        },
      },
    })
    // 1e9 × 3 × 1 / 1e18 = 0.000000003 → 0.
    expect(quote(0, 1_000_000_000, 0)).toBe(7n)
  })

  it('rejects a fee above u128 (fee_overflow), never wrapping', async () => {
    const max = ((1n << 128n) - 1n).toString()
    await chain.must(FEE_MANAGER, endpoint, {
      set_fee_config: { domain: REMOTE, config: { ...FEE_CONFIG, base_fee: max } },
    })
    expect(
      chain.queryError(endpoint, {
        quote: { destination: REMOTE, body_length: 0, gas_limit: 0, ack_gas_limit: 0 },
      }),
    ).toEqual({ code: 'fee_overflow', of: 'fee' })
    await chain.must(FEE_MANAGER, endpoint, {
      set_fee_config: { domain: REMOTE, config: { ...FEE_CONFIG, gas_price: max, rate: max } },
    })
    expect(
      chain.queryError(endpoint, {
        quote: { destination: REMOTE, body_length: 0, gas_limit: 1, ack_gas_limit: 0 },
      }),
    ).toEqual({ code: 'fee_overflow', of: 'fee' })
  })

  it('rejects a fee below the quote', async () => {
    const fee = quote(3, 100_000, 0)
    const out = await chain.execute(
      USER,
      endpoint,
      sendMsg('0x010203', 100_000, 0),
      coins(fee - 1n),
    )
    expect(errorOf(out)).toEqual({
      code: 'fee_too_low',
      required: String(fee),
      paid: String(fee - 1n),
    })
    expect(errorOf(await chain.execute(USER, endpoint, sendMsg('0x010203', 100_000, 0)))).toEqual({
      code: 'fee_too_low',
      required: String(fee),
      paid: '0',
    })
    expect(chain.balance(endpoint)).toBe(0n)
  })

  it('refunds the excess to the sender in the same transaction', async () => {
    const fee = quote(3, 100_000, 50_000)
    const before = chain.balance(USER)
    const out = await chain.must(
      USER,
      endpoint,
      sendMsg('0x010203', 100_000, 50_000),
      coins(fee + 10n ** 12n),
    )
    expect(before - chain.balance(USER)).toBe(fee)
    expect(chain.balance(endpoint)).toBe(fee)
    expect(eventsOf(out, 'ferry_message_sent')[0]?.nonce).toBe('1')
    // The exact fee needs no refund.
    const exact = await chain.must(USER, endpoint, sendMsg('0x010203', 100_000, 50_000), coins(fee))
    expect(eventsOf(exact, 'ferry_message_sent')[0]?.nonce).toBe('2')
    expect(chain.balance(endpoint)).toBe(2n * fee)
  })

  it('takes the fee in the native denom only', async () => {
    chain.app.bank.setBalance(USER, [
      ...chain.app.bank.getBalance(USER),
      { denom: 'uatom', amount: '1000000' },
    ])
    const fee = quote(0, 1, 0)
    const out = await chain.execute(USER, endpoint, sendMsg('0x', 1, 0), [
      ...coins(fee),
      { denom: 'uatom', amount: '5' },
    ])
    expect(errorOf(out)).toEqual({ code: 'wrong_denom', expected: DENOM, actual: 'uatom' })
  })

  it('rejects an unknown destination, and an ack request without a local config', async () => {
    expect(
      chain.queryError(endpoint, {
        quote: { destination: 999, body_length: 0, gas_limit: 1, ack_gas_limit: 0 },
      }),
    ).toEqual({ code: 'unknown_destination', destination: 999 })
    expect(
      errorOf(await chain.execute(USER, endpoint, sendMsg('0x', 1, 0, 999), coins(10n ** 15n))),
    ).toEqual({ code: 'unknown_destination', destination: 999 })
    await chain.must(FEE_MANAGER, endpoint, { remove_fee_config: { domain: LOCAL } })
    expect(
      chain.queryError(endpoint, {
        quote: { destination: REMOTE, body_length: 0, gas_limit: 1, ack_gas_limit: 1 },
      }),
    ).toEqual({ code: 'unknown_destination', destination: LOCAL })
    expect(quote(0, 1, 0)).toBe(expectedFee(0n, 1n, 0n))
  })

  it('allows sending to its own domain (loopback)', async () => {
    const fee = quote(0, 1, 0, LOCAL)
    const out = await chain.must(USER, endpoint, sendMsg('0x', 1, 0, LOCAL), coins(fee))
    expect(eventsOf(out, 'ferry_message_sent')[0]?.destination).toBe(String(LOCAL))
  })

  it('lets only the fee manager configure fees, with a non-zero rate', async () => {
    expect(
      errorOf(
        await chain.execute(STRANGER, endpoint, {
          set_fee_config: { domain: 7, config: FEE_CONFIG },
        }),
      ),
    ).toEqual({ code: 'unauthorized', sender: STRANGER, role: 'fee manager' })
    expect(
      errorOf(await chain.execute(OWNER, endpoint, { remove_fee_config: { domain: REMOTE } })),
    ).toEqual({ code: 'unauthorized', sender: OWNER, role: 'fee manager' })
    expect(
      errorOf(
        await chain.execute(FEE_MANAGER, endpoint, {
          set_fee_config: { domain: 7, config: { ...FEE_CONFIG, rate: '0' } },
        }),
      ),
    ).toEqual({ code: 'zero_rate', domain: 7 })
    expect(chain.queryError(endpoint, { fee_config: { domain: 7 } })).toEqual({
      code: 'unknown_domain',
      domain: 7,
    })
    const out = await chain.must(FEE_MANAGER, endpoint, {
      set_fee_config: { domain: 7, config: FEE_CONFIG },
    })
    expect(eventsOf(out, 'ferry_fee_config_set')[0]).toMatchObject({
      domain: '7',
      ...Object.fromEntries(Object.entries(FEE_CONFIG).map(([k, v]) => [k, String(v)])),
    })
    expect(chain.query(endpoint, { fee_config: { domain: 7 } })).toEqual(FEE_CONFIG)
    await chain.must(FEE_MANAGER, endpoint, { remove_fee_config: { domain: 7 } })
    expect(chain.queryError(endpoint, { fee_config: { domain: 7 } })).toEqual({
      code: 'unknown_domain',
      domain: 7,
    })
    // Only the owner appoints the roles.
    expect(
      errorOf(await chain.execute(STRANGER, endpoint, { set_fee_manager: { address: STRANGER } })),
    ).toEqual({ code: 'unauthorized', sender: STRANGER, role: 'owner' })
    expect(
      errorOf(
        await chain.execute(FEE_MANAGER, endpoint, { set_fee_collector: { address: STRANGER } }),
      ),
    ).toEqual({ code: 'unauthorized', sender: FEE_MANAGER, role: 'owner' })
    expect(chain.query(endpoint, { config: {} })).toMatchObject({
      fee_manager: FEE_MANAGER,
      fee_collector: FEE_COLLECTOR,
    })
  })

  it('lets only the fee collector withdraw, at most the balance', async () => {
    const fee = quote(0, 100_000, 0)
    await chain.must(USER, endpoint, sendMsg('0x', 100_000, 0), coins(fee))
    expect(
      errorOf(
        await chain.execute(OWNER, endpoint, {
          withdraw_fees: { to: BOB, amount: fee.toString() },
        }),
      ),
    ).toEqual({ code: 'unauthorized', sender: OWNER, role: 'fee collector' })
    expect(
      errorOf(
        await chain.execute(FEE_COLLECTOR, endpoint, {
          withdraw_fees: { to: BOB, amount: (fee + 1n).toString() },
        }),
      ),
    ).toEqual({ code: 'insufficient_fees', requested: String(fee + 1n), available: String(fee) })
    expect(
      errorOf(
        await chain.execute(FEE_COLLECTOR, endpoint, {
          withdraw_fees: { to: 'wasm1nope', amount: '1' },
        }),
      ),
    ).toMatchObject({ code: 'invalid_address', address: 'wasm1nope' })
    const before = chain.balance(BOB)
    const out = await chain.must(FEE_COLLECTOR, endpoint, {
      withdraw_fees: { to: BOB, amount: fee.toString() },
    })
    expect(chain.balance(BOB)).toBe(before + fee)
    expect(chain.balance(endpoint)).toBe(0n)
    expect(eventsOf(out, 'ferry_fees_withdrawn')).toEqual([
      { _contract_address: endpoint, to: BOB, amount: fee.toString() },
    ])
    // A new collector takes over; the old one is refused.
    await chain.must(OWNER, endpoint, { set_fee_collector: { address: BOB } })
    expect(
      errorOf(
        await chain.execute(FEE_COLLECTOR, endpoint, { withdraw_fees: { to: BOB, amount: '0' } }),
      ),
    ).toEqual({ code: 'unauthorized', sender: FEE_COLLECTOR, role: 'fee collector' })
  })
})

// The CosmWasm HTLC (contract/htlc/htlc.ts, spec/apps/htlc.md) on the embedded chain: two
// endpoints (7001, 7002) with an HTLC each, peered, messages relayed with real checkpoint
// signatures. One chain's rules (ids, the preimage-length attack, wrong preimage, the timelock
// both ways, second claim, refunds, bad terms) and the swap: a claim on 7002 carries the preimage
// to 7001, whose handler claims for the recipient; late or unknown messages are Executed no-ops;
// the relay's fee rules. The twin of packages/evm-contracts/test/htlc/.
import { readFileSync } from 'node:fs'
import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  DENOM,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  OWNER,
  RELAYER,
  USER,
  World,
  wasmPath,
} from '@ferry/cosmwasm-bindings/harness'
import {
  bech32ToBytes32,
  encodeHtlcClaimBody,
  getHtlcHashlock,
  getHtlcLockId,
  MessageStatus,
  HtlcClaimOutcome as Outcome,
} from '@ferry/protocol'
import { checkpointsVectors, htlcVectors } from '@ferry/spec'
import { keccak256, sha256, stringToHex, toHex } from 'viem'
import { beforeEach, describe, expect, it } from 'vitest'

const VALIDATORS = checkpointsVectors.validators
// Ahead of the wall clock: the simulator never moves block time backwards past it.
const NOW = Math.floor(Date.now() / 1000) + 1_000_000
const GAS_LIMIT = 200_000
/** Alice (USER) locks on 7001 for Bob; Bob (RELAYER, a funded account) locks on 7002 for Alice. */
const ALICE = USER
const BOB = RELAYER

type LockView = {
  state: number
  locker: string
  recipient: string
  denom: string
  amount: string
  hashlock: Hex
  timelock: string
  relayed: boolean
}

const secret = (salt: string) => {
  const preimage = keccak256(stringToHex(`htlc/${salt}`))
  return { preimage, hashlock: getHtlcHashlock(preimage) }
}
const coins = (amount: bigint) => [{ denom: DENOM, amount: amount.toString() }]

describe('HTLC (AssemblyScript)', () => {
  let world: World
  let htlcA: string
  let htlcB: string

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    world.chain.setTime(NOW)
    const code = world.chain.app.wasm.storeCode(OWNER, readFileSync(wasmPath('htlc'))).unwrap()
    htlcA = await world.chain.instantiate(code, { endpoint: world.a.endpoint }, 'htlc-a')
    htlcB = await world.chain.instantiate(code, { endpoint: world.b.endpoint }, 'htlc-b')
    await world.must(OWNER, htlcA, { set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(htlcB) } })
    await world.must(OWNER, htlcB, { set_peer: { domain: DOMAIN_A, peer: bech32ToBytes32(htlcA) } })
    world.chain.fund(ALICE, 10_000_000n)
    world.chain.fund(BOB, 10_000_000n)
  })

  const lockOf = (htlc: string, id: Hex) => world.chain.query<LockView>(htlc, { lock: { id } })

  /** Locks and checks the id against the spec's derivation and the contract's own. */
  async function lock(
    htlc: string,
    from: string,
    recipient: string,
    hashlock: Hex,
    {
      amount = 1_000_000n,
      expiresIn = 3_600,
      relay,
      fee = 0n,
    }: {
      amount?: bigint
      expiresIn?: number
      relay?: { domain: number; gas_limit: number; peer_lock_id: Hex }
      fee?: bigint
    } = {},
  ) {
    const timelock = BigInt(NOW + expiresIn)
    const { nonce } = world.chain.query<{ nonce: string }>(htlc, { nonce_of: { locker: from } })
    const out = await world.must(
      from,
      htlc,
      {
        lock: {
          recipient,
          hashlock,
          timelock: timelock.toString(),
          denom: DENOM,
          amount: amount.toString(),
          ...(relay ? { relay } : {}),
        },
      },
      coins(amount + fee),
    )
    const domain = htlc === htlcA ? DOMAIN_A : DOMAIN_B
    const id = getHtlcLockId({
      domain,
      htlc: bech32ToBytes32(htlc),
      locker: bech32ToBytes32(from),
      recipient: bech32ToBytes32(recipient),
      hashlock,
      timelock,
      token: keccak256(stringToHex(DENOM)),
      amount,
      nonce: BigInt(nonce),
    })
    expect(eventsOf(out, 'htlc_locked')).toEqual([
      {
        _contract_address: htlc,
        id,
        hashlock,
        recipient,
        locker: from,
        token: DENOM,
        amount: amount.toString(),
        timelock: timelock.toString(),
        nonce,
      },
    ])
    expect(
      world.chain.query(htlc, {
        lock_id_of: {
          locker: from,
          recipient,
          hashlock,
          timelock: timelock.toString(),
          denom: DENOM,
          amount: amount.toString(),
          nonce,
        },
      }),
    ).toEqual({ id })
    return { id, timelock }
  }

  describe('one chain', () => {
    const { preimage, hashlock } = secret('one')

    it('locks the denom; anyone claims it for the recipient with the preimage', async () => {
      const { id, timelock } = await lock(htlcA, ALICE, BOB, hashlock)
      expect(world.chain.balance(htlcA)).toBe(1_000_000n)
      expect(lockOf(htlcA, id)).toEqual({
        state: 1,
        locker: ALICE,
        recipient: BOB,
        denom: DENOM,
        amount: '1000000',
        hashlock,
        timelock: timelock.toString(),
        relayed: false,
      })
      const bob = world.chain.balance(BOB)
      const out = await world.must(OWNER, htlcA, { claim: { id, preimage } })
      expect(world.chain.balance(BOB)).toBe(bob + 1_000_000n)
      expect(eventsOf(out, 'htlc_claimed')).toMatchObject([
        { id, hashlock, recipient: BOB, preimage, by: OWNER },
      ])
      expect(lockOf(htlcA, id).state).toBe(2)
      expect(errorOf(await world.execute(OWNER, htlcA, { claim: { id, preimage } }))).toEqual({
        code: 'not_open',
        id,
        state: 2,
      })
    })

    it('refuses 31- and 33-byte preimages even when they hash to the hashlock, and a wrong one', async () => {
      for (const bad of [`0x${'11'.repeat(31)}`, `0x${'11'.repeat(33)}`] as const) {
        const { id } = await lock(htlcA, ALICE, BOB, sha256(bad))
        expect(
          errorOf(await world.execute(OWNER, htlcA, { claim: { id, preimage: bad } })),
        ).toEqual({ code: 'preimage_length', length: (bad.length - 2) / 2 })
      }
      const { id } = await lock(htlcA, ALICE, BOB, hashlock)
      const wrong = secret('wrong').preimage
      expect(
        errorOf(await world.execute(OWNER, htlcA, { claim: { id, preimage: wrong } })),
      ).toEqual({ code: 'wrong_preimage', id, hash: sha256(wrong) })
    })

    it('claims strictly before the timelock, refunds at or after it, then nothing more', async () => {
      const { id, timelock } = await lock(htlcA, ALICE, BOB, hashlock)
      expect(errorOf(await world.execute(OWNER, htlcA, { refund: { id } }))).toEqual({
        code: 'not_expired',
        id,
        timelock: timelock.toString(),
        now: String(NOW),
      })
      world.chain.setTime(Number(timelock))
      expect(errorOf(await world.execute(OWNER, htlcA, { claim: { id, preimage } }))).toEqual({
        code: 'expired',
        id,
        timelock: timelock.toString(),
        now: timelock.toString(),
      })
      const alice = world.chain.balance(ALICE)
      const out = await world.must(OWNER, htlcA, { refund: { id } })
      expect(world.chain.balance(ALICE)).toBe(alice + 1_000_000n)
      expect(eventsOf(out, 'htlc_refunded')).toMatchObject([{ id, hashlock, locker: ALICE }])
      expect(errorOf(await world.execute(OWNER, htlcA, { refund: { id } }))).toMatchObject({
        code: 'not_open',
        state: 3,
      })
    })

    it('refuses unknown ids and bad terms by code', async () => {
      const id = sha256('0x01')
      expect(errorOf(await world.execute(OWNER, htlcA, { claim: { id, preimage } }))).toEqual({
        code: 'unknown_lock',
        id,
      })
      const terms = {
        recipient: BOB,
        hashlock,
        timelock: String(NOW + 60),
        denom: DENOM,
        amount: '5',
      }
      const tryLock = async (overrides: object, funds = coins(5n)) =>
        errorOf(await world.execute(ALICE, htlcA, { lock: { ...terms, ...overrides } }, funds))
      expect(await tryLock({ amount: '0' }, [])).toEqual({ code: 'zero_amount' })
      expect(await tryLock({ timelock: String(NOW) })).toEqual({
        code: 'timelock_in_past',
        timelock: String(NOW),
        now: String(NOW),
      })
      expect(await tryLock({}, coins(4n))).toEqual({
        code: 'wrong_funds',
        denom: DENOM,
        expected: '5',
        paid: '4',
      })
      expect(
        await tryLock({ relay: { domain: DOMAIN_B, gas_limit: 0, peer_lock_id: hashlock } }),
      ).toEqual({ code: 'invalid_relay' })
      expect(errorOf(await world.execute(ALICE, htlcA, { withdraw_fee_credit: {} }))).toEqual({
        code: 'no_credit',
        account: ALICE,
      })
    })

    it('derives the spec example id of a CosmWasm lock', () => {
      const example = htlcVectors.lockIds.find((v) => v.token === 'ustake')
      expect(example).toBeDefined()
      expect(
        getHtlcLockId({
          domain: example!.domain,
          ...example!.bytes32,
          hashlock: example!.hashlock,
          timelock: BigInt(example!.timelock),
          amount: BigInt(example!.amount),
          nonce: BigInt(example!.nonce),
        }),
      ).toBe(example!.id)
    })
  })

  describe('swap 7001 ↔ 7002 with Ferry carrying the secret', () => {
    /** Sets every fee to 1 per gas unit, so relays cost something. */
    async function chargeFees() {
      for (const side of [world.a, world.b])
        for (const domain of [DOMAIN_A, DOMAIN_B])
          await world.must(OWNER, side.endpoint, {
            set_fee_config: {
              domain,
              config: {
                base_fee: '1000',
                gas_price: '1',
                rate: '1',
                gas_overhead: 0,
                gas_per_byte: 0,
                max_gas_limit: 16_777_216,
              },
            },
          })
      return BigInt(
        world.chain.query<{ fee: string }>(htlcB, {
          quote: { destination: DOMAIN_A, body_length: 65, gas_limit: GAS_LIMIT, ack_gas_limit: 0 },
        }).fee,
      )
    }

    async function openSwap(salt: string, fee: bigint) {
      const { preimage, hashlock } = secret(salt)
      const onA = await lock(htlcA, ALICE, BOB, hashlock, { expiresIn: 7_200 })
      const onB = await lock(htlcB, BOB, ALICE, hashlock, {
        amount: 2_000_000n,
        relay: { domain: DOMAIN_A, gas_limit: GAS_LIMIT, peer_lock_id: onA.id },
        fee,
      })
      return { preimage, hashlock, onA, onB }
    }

    async function deliverOnA(message: Hex) {
      const out = await world.relay(world.b, world.a, message)
      const [delivered] = eventsOf(out, 'ferry_message_delivered')
      const [handled] = eventsOf(out, 'htlc_claim_message_handled')
      return { out, delivered, handled }
    }

    it('Alice claims on 7002; the message claims Alice’s lock on 7001 for Bob; Bob withdraws the change', async () => {
      const quote = await chargeFees()
      const swap = await openSwap('happy', quote + 77n)
      const out = await world.must(ALICE, htlcB, {
        claim: { id: swap.onB.id, preimage: swap.preimage },
      })
      const [sent] = world.sentIn(out, world.b)
      expect(sent).toBeDefined()
      expect(
        sent!.message.endsWith(
          encodeHtlcClaimBody({ lockId: swap.onA.id, preimage: swap.preimage }).slice(2),
        ),
      ).toBe(true)
      expect(eventsOf(out, 'htlc_preimage_relayed')).toMatchObject([
        {
          id: swap.onB.id,
          message_id: sent!.id,
          domain: String(DOMAIN_A),
          peer_lock_id: swap.onA.id,
          fee: quote.toString(),
        },
      ])
      expect(world.chain.query(htlcB, { fee_credit_of: { account: BOB } })).toEqual({
        amount: '77',
      })

      const bob = world.chain.balance(BOB)
      const { delivered, handled } = await deliverOnA(sent!.message)
      expect(delivered).toMatchObject({
        status: String(MessageStatus.Executed),
        result: toHex(Outcome.Claimed, { size: 1 }),
      })
      expect(handled).toMatchObject({ origin: String(DOMAIN_B), id: swap.onA.id, outcome: '0' })
      expect(world.chain.balance(BOB)).toBe(bob + 1_000_000n)
      expect(lockOf(htlcA, swap.onA.id).state).toBe(2)

      const before = world.chain.balance(BOB)
      await world.must(BOB, htlcB, { withdraw_fee_credit: {} })
      expect(world.chain.balance(BOB)).toBe(before + 77n)
    })

    it('a message after the refund is an Executed no-op, and the next one on the channel claims', async () => {
      const swap = await openSwap('late', 0n)
      const [sent] = world.sentIn(
        await world.must(ALICE, htlcB, { claim: { id: swap.onB.id, preimage: swap.preimage } }),
        world.b,
      )
      world.chain.setTime(Number(swap.onA.timelock))
      await world.must(ALICE, htlcA, { refund: { id: swap.onA.id } })
      const late = await deliverOnA(sent!.message)
      expect(late.delivered).toMatchObject({
        status: String(MessageStatus.Executed),
        result: '0x02',
      })
      expect(late.handled?.outcome).toBe(String(Outcome.NotOpen))
      expect(lockOf(htlcA, swap.onA.id).state).toBe(3)

      world.chain.setTime(NOW)
      const next = await openSwap('next', 0n)
      const [nextSent] = world.sentIn(
        await world.must(ALICE, htlcB, { claim: { id: next.onB.id, preimage: next.preimage } }),
        world.b,
      )
      expect(nextSent!.nonce).toBe(sent!.nonce + 1n)
      expect((await deliverOnA(nextSent!.message)).handled?.outcome).toBe(String(Outcome.Claimed))
    })

    it('a message after a claim by hand, or naming an unknown lock, is a no-op', async () => {
      const swap = await openSwap('by-hand', 0n)
      const [sent] = world.sentIn(
        await world.must(ALICE, htlcB, { claim: { id: swap.onB.id, preimage: swap.preimage } }),
        world.b,
      )
      await world.must(BOB, htlcA, { claim: { id: swap.onA.id, preimage: swap.preimage } })
      expect((await deliverOnA(sent!.message)).handled?.outcome).toBe(String(Outcome.NotOpen))

      const { preimage, hashlock } = secret('unknown')
      const onB = await lock(htlcB, BOB, ALICE, hashlock, {
        relay: { domain: DOMAIN_A, gas_limit: GAS_LIMIT, peer_lock_id: hashlock },
      })
      const [unknown] = world.sentIn(
        await world.must(ALICE, htlcB, { claim: { id: onB.id, preimage } }),
        world.b,
      )
      const { delivered, handled } = await deliverOnA(unknown!.message)
      expect(delivered?.status).toBe(String(MessageStatus.Executed))
      expect(handled?.outcome).toBe(String(Outcome.UnknownLock))
    })

    it('a prepaid fee below the quote: the claim stands, nothing is sent, the fee is credited', async () => {
      const quote = await chargeFees()
      const swap = await openSwap('short', quote - 1n)
      const out = await world.must(ALICE, htlcB, {
        claim: { id: swap.onB.id, preimage: swap.preimage },
      })
      expect(world.sentIn(out, world.b)).toEqual([])
      expect(eventsOf(out, 'htlc_preimage_not_relayed')).toMatchObject([
        { id: swap.onB.id, prepaid: (quote - 1n).toString(), quote: quote.toString() },
      ])
      expect(lockOf(htlcB, swap.onB.id).state).toBe(2)
      expect(world.chain.query(htlcB, { fee_credit_of: { account: BOB } })).toEqual({
        amount: (quote - 1n).toString(),
      })
    })

    it('an endpoint that refuses the send leaves the claim standing and credits the fee', async () => {
      const quote = await chargeFees()
      const swap = await openSwap('refused', quote)
      await world.must(OWNER, world.b.endpoint, { pause: {} })
      const out = await world.must(ALICE, htlcB, {
        claim: { id: swap.onB.id, preimage: swap.preimage },
      })
      expect(world.sentIn(out, world.b)).toEqual([])
      expect(eventsOf(out, 'htlc_preimage_not_relayed')).toMatchObject([{ id: swap.onB.id }])
      expect(lockOf(htlcB, swap.onB.id).state).toBe(2)
      expect(world.chain.query(htlcB, { fee_credit_of: { account: BOB } })).toEqual({
        amount: quote.toString(),
      })
    })

    it('a body that is not a claim is a MalformedBody no-op', async () => {
      // Only the peer may send: make the test recipient on 7002 the peer for this case.
      await world.must(OWNER, htlcA, {
        set_peer: { domain: DOMAIN_B, peer: bech32ToBytes32(world.appB) },
      })
      const sent = await world.sendFrom(world.appB, world.b, DOMAIN_A, bech32ToBytes32(htlcA), {
        body: 'not a claim',
        gasLimit: GAS_LIMIT,
      })
      const { delivered, handled } = await deliverOnA(sent.message)
      expect(delivered?.status).toBe(String(MessageStatus.Executed))
      expect(handled?.outcome).toBe(String(Outcome.MalformedBody))
    })
  })
})

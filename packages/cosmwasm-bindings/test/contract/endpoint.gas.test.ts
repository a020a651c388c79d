// Delivery to recipients that cannot run (PROTOCOL.md §7.4): the handler runs as a sub-message
// with the message's gas limit, so a recipient that runs out of it, or an address without a
// contract, makes the message Failed without failing the delivery; the channel moves on. A
// retry may give the handler more gas than the message asked for, never less (§7). Gas
// limits need the VM's metering, which the patched simulator then enforces as wasmd does.

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  account,
  b64,
  Chain,
  configureOrigin,
  deliverMsg,
  errorOf,
  eventsOf,
  hexText,
  Origin,
  RELAYER,
} from '@ferry/cosmwasm-bindings/harness'
import { decodeMessage, getChannelKey, getMessageId } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

const text = (hex: string | undefined) => Buffer.from((hex ?? '').slice(2), 'hex').toString()
const channelOf = (message: Hex) => getChannelKey(decodeMessage(message))

async function deliver(chain: Chain, endpoint: string, origin: Origin, message: Hex) {
  const out = await chain.must(RELAYER, endpoint, deliverMsg(message, await origin.prove(message)))
  const [event] = eventsOf(out, 'ferry_message_delivered')
  return { status: event?.status, result: text(event?.result) }
}

describe('endpoint delivery: a recipient out of its gas limit', () => {
  let chain: Chain
  let endpoint: string
  let recipient: string
  let origin: Origin

  beforeEach(async () => {
    chain = await Chain.create({ metering: true })
    endpoint = await chain.endpoint(7001)
    recipient = await chain.recipient()
    await configureOrigin(chain, endpoint, VALIDATORS)
    origin = new Origin(7001, VALIDATORS)
  })

  it('Failed (out of gas), the channel moves on; retry → Executed once the handler fits', async () => {
    // In the simulator's gas units a handler call costs about 150,000 and a keccak round about
    // 620,000: 20 rounds are far over the message's 1,000,000 gas, 1 round fits.
    await chain.must(RELAYER, recipient, { set_burn: { rounds: 20 } })
    const heavy = origin.send(recipient, 'burn', { gasLimit: 1_000_000 })
    const next = origin.send(recipient, 'ok:next', { gasLimit: 1_000_000 })

    expect(await deliver(chain, endpoint, origin, heavy)).toEqual({
      status: '2',
      result: 'SubMsg hit gas limit: out of gas',
    })
    // The handler's writes were rolled back with it.
    expect(chain.query(recipient, { handled: {} })).toEqual({ count: 0, last: '' })
    expect(chain.query(endpoint, { message_status: { message: b64(heavy) } })).toEqual({
      status: 2,
    })

    expect(await deliver(chain, endpoint, origin, next)).toEqual({ status: '1', result: 'next' })
    expect(chain.query(endpoint, { inbound_nonce: { channel: channelOf(next) } })).toEqual({
      nonce: '2',
    })

    await chain.must(RELAYER, recipient, { set_burn: { rounds: 1 } })
    const retried = await chain.must(RELAYER, endpoint, {
      retry: { message: b64(heavy), gas_limit: decodeMessage(heavy).gasLimit },
    })
    expect(eventsOf(retried, 'ferry_message_retried')[0]?.status).toBe('1')
    expect(chain.query(endpoint, { message_status: { message: b64(heavy) } })).toEqual({
      status: 1,
    })
  })

  it('retry with a larger gas limit turns an out-of-gas Failed into Executed (§7)', async () => {
    // 20 keccak rounds (~12.5M) do not fit the message's 1,000,000 gas; 20,000,000 do.
    await chain.must(RELAYER, recipient, { set_burn: { rounds: 20 } })
    const heavy = origin.send(recipient, 'burn', { gasLimit: 1_000_000 })
    expect(await deliver(chain, endpoint, origin, heavy)).toEqual({
      status: '2',
      result: 'SubMsg hit gas limit: out of gas',
    })
    const retry = (gasLimit: number) =>
      chain.execute(RELAYER, endpoint, { retry: { message: b64(heavy), gas_limit: gasLimit } })

    // Less than the message's own gas limit is refused: a retry may give more, never less.
    const id = getMessageId(heavy)
    expect(errorOf(await retry(999_999))).toEqual({
      code: 'retry_gas_limit_too_low',
      id: id,
      gas_limit: 999999,
      message_gas_limit: 1000000,
    })
    // The same gas limit fails the same way; the message stays Failed.
    const same = await retry(1_000_000)
    expect(eventsOf(same, 'ferry_message_retried')[0]).toMatchObject({
      status: '2',
      result: hexText('SubMsg hit gas limit: out of gas'),
    })
    const more = await retry(20_000_000)
    expect(eventsOf(more, 'ferry_message_retried')[0]).toMatchObject({ id, status: '1' })
    expect(chain.query(endpoint, { message_status: { message: b64(heavy) } })).toEqual({
      status: 1,
    })
    expect(chain.query(recipient, { handled: {} })).toEqual({ count: 1, last: 'burn' })
    // Executed is final.
    expect(errorOf(await retry(20_000_000))).toEqual({ code: 'not_retryable', id: id, status: 1 })
  })

  it('retry after the deadline is still rejected, whatever its gas limit', async () => {
    await chain.must(RELAYER, recipient, { set_burn: { rounds: 20 } })
    const deadline = BigInt(Math.floor(chain.app.time / 1e9) + 100)
    const heavy = origin.send(recipient, 'burn', { gasLimit: 1_000_000, deadline })
    expect((await deliver(chain, endpoint, origin, heavy)).status).toBe('2')
    chain.setTime(Number(deadline) + 1)
    const out = await chain.execute(RELAYER, endpoint, {
      retry: { message: b64(heavy), gas_limit: 20_000_000 },
    })
    expect(errorOf(out)).toEqual({
      code: 'deadline_passed',
      id: getMessageId(heavy),
      deadline: String(deadline),
    })
  })

  it('a handler within its gas limit is Executed with metering on', async () => {
    await chain.must(RELAYER, recipient, { set_burn: { rounds: 1 } })
    const light = origin.send(recipient, 'burn', { gasLimit: 1_000_000 })
    expect((await deliver(chain, endpoint, origin, light)).status).toBe('1')
  })

  it('a gas limit of 0 runs nothing: Failed (out of gas), not a failed delivery', async () => {
    const none = origin.send(recipient, 'ok:free', { gasLimit: 0 })
    expect(await deliver(chain, endpoint, origin, none)).toEqual({
      status: '2',
      result: 'SubMsg hit gas limit: out of gas',
    })
    expect(chain.query(recipient, { handled: {} })).toEqual({ count: 0, last: '' })
  })
})

describe('endpoint delivery: a recipient address without a contract', () => {
  let chain: Chain
  let endpoint: string
  let origin: Origin
  const nobody = account(0x44)

  beforeEach(async () => {
    chain = await Chain.create()
    endpoint = await chain.endpoint(7001)
    await configureOrigin(chain, endpoint, VALIDATORS)
    origin = new Origin(7001, VALIDATORS)
  })

  it('Failed (no such contract), not a failed delivery; the channel moves on', async () => {
    const first = origin.send(nobody, 'ok:one')
    const second = origin.send(nobody, 'ok:two')
    expect(await deliver(chain, endpoint, origin, first)).toEqual({
      status: '2',
      result: `no such contract: ${nobody}`,
    })
    expect(await deliver(chain, endpoint, origin, second)).toMatchObject({ status: '2' })
    expect(chain.query(endpoint, { inbound_nonce: { channel: channelOf(second) } })).toEqual({
      nonce: '2',
    })
    // A contract cannot be deployed at an account's address, so a retry fails the same way.
    const retried = await chain.must(RELAYER, endpoint, {
      retry: { message: b64(first), gas_limit: decodeMessage(first).gasLimit },
    })
    expect(eventsOf(retried, 'ferry_message_retried')[0]).toMatchObject({ status: '2' })
    expect(chain.query(endpoint, { message_status: { message: b64(first) } })).toEqual({
      status: 2,
    })
  })
})

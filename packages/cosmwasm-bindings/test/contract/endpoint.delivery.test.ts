// Delivery in the VM (PROTOCOL.md §7): a recipient's handler runs as a sub-message; its data or
// error becomes the result; Failed messages can be retried; a handler re-entering the endpoint
// fails with `reentrant_call`.

import {
  b64,
  Chain,
  configureOrigin,
  deliverMsg,
  errorOf,
  eventsOf,
  Origin,
  RELAYER,
} from '@ferry/cosmwasm-bindings/harness'
import { decodeMessage } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

const hex = (text: string) => `0x${Buffer.from(text, 'utf8').toString('hex')}`

describe('endpoint delivery', () => {
  let chain: Chain
  let endpoint: string
  let recipient: string
  let origin: Origin

  beforeEach(async () => {
    chain = await Chain.create()
    endpoint = await chain.endpoint(7001)
    recipient = await chain.recipient()
    await configureOrigin(chain, endpoint, VALIDATORS)
    origin = new Origin(7001, VALIDATORS)
  })

  it('happy path: the handler runs with the message and its data is the result (Executed)', async () => {
    const message = origin.send(recipient, 'ok:pong')
    const out = await chain.must(
      RELAYER,
      endpoint,
      deliverMsg(message, await origin.prove(message)),
    )
    const [delivered] = eventsOf(out, 'ferry_message_delivered')
    expect(delivered).toMatchObject({
      origin: '31337',
      nonce: '1',
      status: '1',
      result: hex('pong'),
    })
    expect(chain.query(endpoint, { message_status: { message: b64(message) } })).toEqual({
      status: 1,
    })
    expect(chain.query(recipient, { handled: {} })).toEqual({ count: 1, last: 'ok:pong' })
  })

  it('rejects a replay of a delivered message (nonce_out_of_order)', async () => {
    const message = origin.send(recipient, 'ok:once')
    const proof = await origin.prove(message)
    await chain.must(RELAYER, endpoint, deliverMsg(message, proof))
    const out = await chain.execute(RELAYER, endpoint, deliverMsg(message, proof))
    expect(errorOf(out)).toEqual({
      code: 'nonce_out_of_order',
      channel: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      expected: '2',
      actual: '1',
    })
  })

  it('recipient fails → Failed with its error, the channel moves on; retry → Executed', async () => {
    await chain.must(RELAYER, recipient, { set_flaky: { on: true } })
    const first = origin.send(recipient, 'flaky')
    const second = origin.send(recipient, 'ok:next')
    const failed = await chain.must(RELAYER, endpoint, deliverMsg(first, await origin.prove(first)))
    const [event] = eventsOf(failed, 'ferry_message_delivered')
    expect(event?.status).toBe('2')
    expect(Buffer.from(event!.result!.slice(2), 'hex').toString()).toContain('flaky handler failed')
    await chain.must(RELAYER, endpoint, deliverMsg(second, await origin.prove(second)))

    await chain.must(RELAYER, recipient, { set_flaky: { on: false } })
    const retried = await chain.must(RELAYER, endpoint, {
      retry: { message: b64(first), gas_limit: decodeMessage(first).gasLimit },
    })
    expect(eventsOf(retried, 'ferry_message_retried')[0]).toMatchObject({
      status: '1',
      result: hex('recovered'),
    })
    expect(chain.query(endpoint, { message_status: { message: b64(first) } })).toEqual({
      status: 1,
    })
    const again = await chain.execute(RELAYER, endpoint, {
      retry: { message: b64(first), gas_limit: decodeMessage(first).gasLimit },
    })
    expect(errorOf(again)).toEqual({
      code: 'not_retryable',
      id: expect.stringMatching(/^0x[0-9a-f]{64}$/),
      status: 1,
    })
  })

  it('a recipient that re-enters deliver from its handler fails with reentrant_call (Failed)', async () => {
    const inner = origin.send(recipient, 'ok:inner')
    const innerProof = await origin.prove(inner)
    const call = `call:${JSON.stringify(deliverMsg(inner, innerProof))}`
    const outer = origin.send(recipient, call)
    // The inner message is delivered first, so re-delivering it would also be a replay: the
    // error shows the lock is checked before anything else.
    await chain.must(RELAYER, endpoint, deliverMsg(inner, await origin.prove(inner)))
    const out = await chain.must(RELAYER, endpoint, deliverMsg(outer, await origin.prove(outer)))
    const [event] = eventsOf(out, 'ferry_message_delivered')
    expect(event?.status).toBe('2')
    expect(Buffer.from(event!.result!.slice(2), 'hex').toString()).toContain('reentrant_call')
    // The lock is released: the next delivery goes through.
    const next = origin.send(recipient, 'ok:after')
    await chain.must(RELAYER, endpoint, deliverMsg(next, await origin.prove(next)))
  })
})

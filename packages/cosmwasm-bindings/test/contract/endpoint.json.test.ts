// Strict JSON (INTERFACE.md "Encoding rules"): unknown fields, missing fields, wrong types,
// malformed and out-of-range numbers, duplicate keys and malformed text are `invalid_json`
// errors, never coerced, in execute and query messages alike; and nothing is written.

import type { Hex } from '@ferry/cosmwasm-bindings'
import { b64, Chain, errorOf, OWNER, RELAYER } from '@ferry/cosmwasm-bindings/harness'
import { beforeEach, describe, expect, it } from 'vitest'
import { executeRaw, queryRawError } from './rawJson.ts'

const REMOTE = 7002
const ZERO_FEES = {
  base_fee: '0',
  gas_price: '0',
  rate: '1',
  gas_overhead: 0,
  gas_per_byte: 0,
  max_gas_limit: 4_294_967_295,
}
const RECIPIENT: Hex = `0x${'00'.repeat(12)}${'b0'.repeat(20)}`
const send = (fields: Record<string, unknown> = {}) => ({
  send: {
    destination: REMOTE,
    recipient: RECIPIENT,
    body: b64('0x0102'),
    gas_limit: 1,
    ack_gas_limit: 0,
    deadline: '0',
    ...fields,
  },
})

describe('endpoint strict JSON', () => {
  let chain: Chain
  let endpoint: string
  let before: unknown

  beforeEach(async () => {
    chain = await Chain.create()
    endpoint = await chain.endpoint(7001)
    await chain.must(OWNER, endpoint, { set_fee_config: { domain: REMOTE, config: ZERO_FEES } })
    before = chain.query(endpoint, { config: {} })
  })

  const rejects = async (msg: unknown) => errorOf(await chain.execute(OWNER, endpoint, msg))
  const rejectsRaw = async (json: string | Uint8Array) =>
    errorOf(await executeRaw(chain, OWNER, endpoint, json))

  it('a well-formed send is accepted (the baseline the cases below break)', async () => {
    await chain.must(RELAYER, endpoint, send())
    const raw = await executeRaw(
      chain,
      RELAYER,
      endpoint,
      ` { "send" : ${JSON.stringify(send().send, null, 2)} } `,
    )
    expect(raw.ok).toBe(true)
    expect(chain.query(endpoint, { merkle_count: {} })).toEqual({ count: 2 })
  })

  it('rejects unknown fields, at the top and nested', async () => {
    expect(await rejects(send({ memo: 'x' }))).toEqual({
      code: 'invalid_json',
      path: 'send',
      problem: 'unknown field',
      field: 'memo',
    })
    expect(await rejects({ pause: { now: true } })).toEqual({
      code: 'invalid_json',
      path: 'pause',
      problem: 'unknown field',
      field: 'now',
    })
    expect(
      await rejects({ set_fee_config: { domain: 1, config: { ...ZERO_FEES, discount: '1' } } }),
    ).toEqual({
      code: 'invalid_json',
      path: 'set_fee_config.config',
      problem: 'unknown field',
      field: 'discount',
    })
    expect(
      await rejects({ transfer_ownership: { new_owner: RELAYER, new_owner_2: RELAYER } }),
    ).toEqual({
      code: 'invalid_json',
      path: 'transfer_ownership',
      problem: 'unknown field',
      field: 'new_owner_2',
    })
    expect(await rejects({ sned: {} })).toEqual({
      code: 'invalid_json',
      problem: 'unknown message',
      name: 'sned',
    })
    expect(
      chain.queryError(endpoint, {
        quote: { destination: REMOTE, body_length: 0, gas_limit: 1, ack_gas_limit: 0, fast: true },
      }),
    ).toEqual({ code: 'invalid_json', path: 'quote', problem: 'unknown field', field: 'fast' })
    expect(chain.queryError(endpoint, { merkle_root: { at: 1 } })).toEqual({
      code: 'invalid_json',
      path: 'merkle_root',
      problem: 'unknown field',
      field: 'at',
    })
    expect(chain.queryError(endpoint, { balance: {} })).toEqual({
      code: 'invalid_json',
      problem: 'unknown query',
      name: 'balance',
    })
  })

  it('rejects missing fields and messages that are not one variant', async () => {
    const { deadline: _, ...withoutDeadline } = send().send
    expect(await rejects({ send: withoutDeadline })).toEqual({
      code: 'invalid_json',
      path: 'send',
      problem: 'missing field',
      field: 'deadline',
    })
    expect(await rejects({ set_app_verifier: { origin: 1 } })).toEqual({
      code: 'invalid_json',
      path: 'set_app_verifier',
      problem: 'missing field',
      field: 'verifier',
    })
    expect(await rejects({})).toEqual({
      code: 'invalid_json',
      path: 'execute',
      problem: 'expected an object with exactly one key',
    })
    expect(await rejects({ pause: {}, unpause: {} })).toEqual({
      code: 'invalid_json',
      path: 'execute',
      problem: 'expected an object with exactly one key',
    })
    expect(await rejects({ pause: null })).toEqual({
      code: 'invalid_json',
      path: 'pause',
      problem: 'expected an object',
    })
    expect(await rejects({ pause: [] })).toEqual({
      code: 'invalid_json',
      path: 'pause',
      problem: 'expected an object',
    })
    expect(await rejects(['pause'])).toEqual({
      code: 'invalid_json',
      path: 'execute',
      problem: 'expected an object with exactly one key',
    })
    expect(chain.queryError(endpoint, { config: 1 })).toEqual({
      code: 'invalid_json',
      path: 'config',
      problem: 'expected an object',
    })
  })

  it('rejects wrong types, never coercing', async () => {
    expect(await rejects(send({ gas_limit: '1' }))).toEqual({
      code: 'invalid_json',
      path: 'send.gas_limit',
      problem: 'wrong type',
      expected: 'number',
      actual: 'string',
    })
    expect(await rejects(send({ deadline: 0 }))).toEqual({
      code: 'invalid_json',
      path: 'send.deadline',
      problem: 'wrong type',
      expected: 'string',
      actual: 'number',
    })
    expect(await rejects(send({ body: [1, 2] }))).toEqual({
      code: 'invalid_json',
      path: 'send.body',
      problem: 'wrong type',
      expected: 'string',
      actual: 'array',
    })
    expect(await rejects(send({ destination: null }))).toEqual({
      code: 'invalid_json',
      path: 'send.destination',
      problem: 'wrong type',
      expected: 'number',
      actual: 'null',
    })
    expect(await rejects(send({ recipient: true }))).toEqual({
      code: 'invalid_json',
      path: 'send.recipient',
      problem: 'wrong type',
      expected: 'string',
      actual: 'boolean',
    })
    expect(
      await rejects({
        set_origin: { origin: 1, origin_endpoint: RECIPIENT, validators: 'x', threshold: 1 },
      }),
    ).toEqual({
      code: 'invalid_json',
      path: 'set_origin.validators',
      problem: 'wrong type',
      expected: 'array',
      actual: 'string',
    })
    expect(
      await rejects({
        set_origin: { origin: 1, origin_endpoint: RECIPIENT, validators: [7], threshold: 1 },
      }),
    ).toEqual({
      code: 'invalid_json',
      path: 'set_origin.validators',
      problem: 'expected 0x and 40 hex digits',
    })
    expect(
      await rejects({ set_fee_config: { domain: 1, config: { ...ZERO_FEES, rate: 1 } } }),
    ).toEqual({
      code: 'invalid_json',
      path: 'set_fee_config.config.rate',
      problem: 'wrong type',
      expected: 'string',
      actual: 'number',
    })
    expect(await rejects({ set_app_verifier: { origin: 1, verifier: 5 } })).toEqual({
      code: 'invalid_json',
      path: 'set_app_verifier.verifier',
      problem: 'expected string or null',
    })
    expect(await rejects({ deliver_batch: { messages: [5], proofs: [''] } })).toEqual({
      code: 'invalid_json',
      path: 'deliver_batch.messages',
      problem: 'expected base64 strings',
    })
    expect(chain.queryError(endpoint, { stored_status: { id: 5 } })).toEqual({
      code: 'invalid_json',
      path: 'stored_status.id',
      problem: 'wrong type',
      expected: 'string',
      actual: 'number',
    })
  })

  it('rejects numbers out of range', async () => {
    expect(await rejects(send({ destination: 4_294_967_296 }))).toEqual({
      code: 'invalid_json',
      path: 'send.destination',
      problem: 'expected an integer in [0, 4294967295], got 4294967296',
    })
    expect(await rejects({ set_threshold: { origin: 1, threshold: 256 } })).toEqual({
      code: 'invalid_json',
      path: 'set_threshold.threshold',
      problem: 'expected an integer in [0, 255], got 256',
    })
    expect(await rejects(send({ deadline: '18446744073709551616' }))).toEqual({
      code: 'invalid_json',
      path: 'send.deadline',
      problem: 'expected a u64 decimal string, got "18446744073709551616"',
    })
    expect(
      await rejects({
        set_fee_config: { domain: 1, config: { ...ZERO_FEES, base_fee: (1n << 128n).toString() } },
      }),
    ).toEqual({
      code: 'invalid_json',
      path: 'set_fee_config.config.base_fee',
      problem: `expected a u128 decimal string, got "${1n << 128n}"`,
    })
    // The largest values are accepted.
    await chain.must(
      RELAYER,
      endpoint,
      send({ deadline: '18446744073709551615', gas_limit: 4_294_967_295 }),
    )
  })

  it('rejects malformed numbers: fractions, exponents, signs, leading zeros', async () => {
    const withGas = (text: string) =>
      JSON.stringify(send()).replace('"gas_limit":1', `"gas_limit":${text}`)
    for (const text of ['1.0', '1e3', '1E0', '-1', '-0']) {
      expect(await rejectsRaw(withGas(text))).toEqual({
        code: 'invalid_json',
        path: 'send.gas_limit',
        problem: `expected an integer in [0, 4294967295], got ${text}`,
      })
    }
    expect(await rejectsRaw(withGas('01'))).toMatchObject({
      code: 'invalid_json',
      problem: 'leading zero',
      position: expect.any(Number),
    })
    expect(await rejectsRaw(withGas('+1'))).toMatchObject({
      code: 'invalid_json',
      problem: 'unexpected character',
      position: expect.any(Number),
    })
    expect(await rejectsRaw(withGas('1.'))).toMatchObject({
      code: 'invalid_json',
      problem: 'malformed number',
      position: expect.any(Number),
    })
    expect(await rejectsRaw(withGas('NaN'))).toMatchObject({
      code: 'invalid_json',
      problem: 'unexpected character',
      position: expect.any(Number),
    })
    for (const text of ['01', '-1', '+1', ' 1', '1.0', '1e3', '', '0x10']) {
      expect(await rejects(send({ deadline: text }))).toEqual({
        code: 'invalid_json',
        path: 'send.deadline',
        problem: `expected a u64 decimal string, got "${text}"`,
      })
    }
  })

  it('rejects duplicate keys, at the top and nested', async () => {
    expect(await rejectsRaw('{"pause":{},"pause":{}}')).toMatchObject({
      code: 'invalid_json',
      problem: 'duplicate key',
      field: 'pause',
      position: expect.any(Number),
    })
    const json = JSON.stringify(send())
    expect(
      await rejectsRaw(json.replace('"gas_limit":1', '"gas_limit":1,"gas_limit":1')),
    ).toMatchObject({
      code: 'invalid_json',
      problem: 'duplicate key',
      field: 'gas_limit',
      position: expect.any(Number),
    })
    // The same key, once escaped: still a duplicate.
    expect(
      await rejectsRaw(json.replace('"gas_limit":1', '"gas_limit":1,"gas\\u005flimit":2')),
    ).toMatchObject({
      code: 'invalid_json',
      problem: 'duplicate key',
      field: 'gas_limit',
      position: expect.any(Number),
    })
    expect(
      await queryRawError(chain, endpoint, '{"merkle_count":{},"merkle_count":{}}'),
    ).toMatchObject({
      code: 'invalid_json',
      problem: 'duplicate key',
      field: 'merkle_count',
      position: expect.any(Number),
    })
  })

  it('rejects malformed JSON text', async () => {
    const cases: [string | Uint8Array, Record<string, unknown>][] = [
      [
        '{"pause":{},}',
        { code: 'invalid_json', problem: 'expected key', position: expect.any(Number) },
      ],
      [
        '{"pause":{}} x',
        { code: 'invalid_json', problem: 'trailing characters', position: expect.any(Number) },
      ],
      [
        '{"pause":{} // now\n}',
        { code: 'invalid_json', problem: 'expected , or }', position: expect.any(Number) },
      ],
      ["{'pause':{}}", { code: 'invalid_json', problem: 'expected key', position: 1 }],
      [
        '{"pause":{}',
        { code: 'invalid_json', problem: 'unterminated object', position: expect.any(Number) },
      ],
      ['', { code: 'invalid_json', problem: 'unexpected end', position: 0 }],
      [
        '{"pa\tuse":{}}',
        {
          code: 'invalid_json',
          problem: 'control character in string',
          position: expect.any(Number),
        },
      ],
      [
        '{"pa\\xuse":{}}',
        { code: 'invalid_json', problem: 'bad escape', position: expect.any(Number) },
      ],
      [
        '{"\\ud800":{}}',
        { code: 'invalid_json', problem: 'lone surrogate', position: expect.any(Number) },
      ],
      [
        new Uint8Array([
          ...new TextEncoder().encode('{"p'),
          0xff,
          ...new TextEncoder().encode('":{}}'),
        ]),
        { code: 'invalid_json', problem: 'invalid UTF-8', position: 3 },
      ],
      [
        new Uint8Array([
          ...new TextEncoder().encode('{"p'),
          0xc0,
          0xaf,
          ...new TextEncoder().encode('":{}}'),
        ]),
        { code: 'invalid_json', problem: 'invalid UTF-8', position: 3 },
      ],
      [
        new Uint8Array([
          ...new TextEncoder().encode('{"p'),
          0xed,
          0xa0,
          0x80,
          ...new TextEncoder().encode('":{}}'),
        ]),
        { code: 'invalid_json', problem: 'invalid UTF-8', position: 3 },
      ],
    ]
    for (const [json, error] of cases) expect(await rejectsRaw(json)).toEqual(error)
    expect(await queryRawError(chain, endpoint, '{"config":{}')).toMatchObject({
      code: 'invalid_json',
      problem: 'unterminated object',
      position: expect.any(Number),
    })
  })

  it('non-ASCII JSON: escapes and UTF-8 are read exactly, in field names, values and errors', async () => {
    // An escaped and a literal non-ASCII name: both reach the error intact.
    expect(await rejectsRaw('{"pause":{"\\u00e9t\\u00e9":1}}')).toEqual({
      code: 'invalid_json',
      path: 'pause',
      problem: 'unknown field',
      field: 'été',
    })
    expect(await rejectsRaw('{"pause":{"渡し🚀":1}}')).toEqual({
      code: 'invalid_json',
      path: 'pause',
      problem: 'unknown field',
      field: '渡し🚀',
    })
    expect(await rejects({ transfer_ownership: { new_owner: 'wasm1ferrÿ' } })).toMatchObject({
      code: 'invalid_address',
      address: 'wasm1ferrÿ',
    })
    // A field name that only looks like a known one after normalisation is unknown.
    expect(await rejects(send({ ｇas_limit: 1 }))).toEqual({
      code: 'invalid_json',
      path: 'send',
      problem: 'unknown field',
      field: 'ｇas_limit',
    })
    // An escaped known name is that name.
    await executeRaw(
      chain,
      RELAYER,
      endpoint,
      JSON.stringify(send()).replace('"deadline"', '"dead\\u006cine"'),
    ).then((out) => expect(out.ok).toBe(true))
  })

  it('rejects bytes that are not canonical: base64 and hex', async () => {
    expect(await rejects(send({ body: 'AQI' }))).toEqual({
      code: 'invalid_json',
      path: 'send.body',
      problem: 'invalid base64',
    }) // no padding
    expect(await rejects(send({ body: 'AQJ=' }))).toEqual({
      code: 'invalid_json',
      path: 'send.body',
      problem: 'invalid base64',
    }) // trailing bits
    expect(await rejects(send({ body: 'AQ I=' }))).toEqual({
      code: 'invalid_json',
      path: 'send.body',
      problem: 'invalid base64',
    })
    expect(await rejects(send({ body: 'AQ-_' }))).toEqual({
      code: 'invalid_json',
      path: 'send.body',
      problem: 'invalid base64',
    }) // URL alphabet
    expect(await rejects(send({ recipient: RECIPIENT.slice(2) }))).toEqual({
      code: 'invalid_json',
      path: 'send.recipient',
      problem: 'expected 0x and 64 hex digits',
    })
    expect(await rejects(send({ recipient: RECIPIENT.slice(0, 65) }))).toEqual({
      code: 'invalid_json',
      path: 'send.recipient',
      problem: 'expected 0x and 64 hex digits',
    })
    expect(await rejects(send({ recipient: `${RECIPIENT.slice(0, 65)}g` }))).toEqual({
      code: 'invalid_json',
      path: 'send.recipient',
      problem: 'expected 0x and 64 hex digits',
    })
    expect(await rejects(send({ recipient: RECIPIENT.replace('0x', '0X') }))).toEqual({
      code: 'invalid_json',
      path: 'send.recipient',
      problem: 'expected 0x and 64 hex digits',
    })
    // Upper-case hex digits are accepted.
    await chain.must(
      RELAYER,
      endpoint,
      send({ recipient: RECIPIENT.toUpperCase().replace('0X', '0x') }),
    )
  })

  it('nothing is written by a rejected message', async () => {
    await rejects({ transfer_ownership: { new_owner: RELAYER, extra: 1 } })
    await rejectsRaw(
      `{"transfer_ownership":{"new_owner":"${RELAYER}"},"transfer_ownership":{"new_owner":"${RELAYER}"}}`,
    )
    await rejects(send({ gas_limit: '1' }))
    expect(chain.query(endpoint, { config: {} })).toEqual(before)
    expect(chain.query(endpoint, { merkle_count: {} })).toEqual({ count: 0 })
  })
})

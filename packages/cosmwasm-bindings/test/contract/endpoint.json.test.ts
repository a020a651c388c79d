// Strict JSON (INTERFACE.md "Encoding rules"): unknown fields, missing fields, wrong types,
// malformed and out-of-range numbers, duplicate keys and malformed text are `invalid_json`
// errors, never coerced, in execute and query messages alike; and nothing is written.
import { beforeEach, describe, expect, it } from 'vitest'
import { b64, Chain, type Hex, OWNER, RELAYER } from './harness.ts'
import { executeRaw, queryRawError } from './rawJson.ts'
import { errorOf } from './world.ts'

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
    expect(await rejects(send({ memo: 'x' }))).toBe('invalid_json: send: unknown field `memo`')
    expect(await rejects({ pause: { now: true } })).toBe('invalid_json: pause: unknown field `now`')
    expect(
      await rejects({ set_fee_config: { domain: 1, config: { ...ZERO_FEES, discount: '1' } } }),
    ).toBe('invalid_json: set_fee_config.config: unknown field `discount`')
    expect(
      await rejects({ transfer_ownership: { new_owner: RELAYER, new_owner_2: RELAYER } }),
    ).toBe('invalid_json: transfer_ownership: unknown field `new_owner_2`')
    expect(await rejects({ sned: {} })).toBe('invalid_json: unknown message `sned`')
    expect(
      chain.queryError(endpoint, {
        quote: { destination: REMOTE, body_length: 0, gas_limit: 1, ack_gas_limit: 0, fast: true },
      }),
    ).toBe('invalid_json: quote: unknown field `fast`')
    expect(chain.queryError(endpoint, { merkle_root: { at: 1 } })).toBe(
      'invalid_json: merkle_root: unknown field `at`',
    )
    expect(chain.queryError(endpoint, { balance: {} })).toBe(
      'invalid_json: unknown query `balance`',
    )
  })

  it('rejects missing fields and messages that are not one variant', async () => {
    const { deadline: _, ...withoutDeadline } = send().send
    expect(await rejects({ send: withoutDeadline })).toBe(
      'invalid_json: send: missing field `deadline`',
    )
    expect(await rejects({ set_app_verifier: { origin: 1 } })).toBe(
      'invalid_json: set_app_verifier: missing field `verifier`',
    )
    expect(await rejects({})).toBe('invalid_json: execute: expected an object with exactly one key')
    expect(await rejects({ pause: {}, unpause: {} })).toBe(
      'invalid_json: execute: expected an object with exactly one key',
    )
    expect(await rejects({ pause: null })).toBe('invalid_json: pause: expected an object')
    expect(await rejects({ pause: [] })).toBe('invalid_json: pause: expected an object')
    expect(await rejects(['pause'])).toBe(
      'invalid_json: execute: expected an object with exactly one key',
    )
    expect(chain.queryError(endpoint, { config: 1 })).toBe(
      'invalid_json: config: expected an object',
    )
  })

  it('rejects wrong types, never coercing', async () => {
    expect(await rejects(send({ gas_limit: '1' }))).toBe(
      'invalid_json: send.gas_limit: expected number, got string',
    )
    expect(await rejects(send({ deadline: 0 }))).toBe(
      'invalid_json: send.deadline: expected string, got number',
    )
    expect(await rejects(send({ body: [1, 2] }))).toBe(
      'invalid_json: send.body: expected string, got array',
    )
    expect(await rejects(send({ destination: null }))).toBe(
      'invalid_json: send.destination: expected number, got null',
    )
    expect(await rejects(send({ recipient: true }))).toBe(
      'invalid_json: send.recipient: expected string, got boolean',
    )
    expect(
      await rejects({
        set_origin: { origin: 1, origin_endpoint: RECIPIENT, validators: 'x', threshold: 1 },
      }),
    ).toBe('invalid_json: set_origin.validators: expected array, got string')
    expect(
      await rejects({
        set_origin: { origin: 1, origin_endpoint: RECIPIENT, validators: [7], threshold: 1 },
      }),
    ).toBe('invalid_json: set_origin.validators: expected 0x and 40 hex digits')
    expect(
      await rejects({ set_fee_config: { domain: 1, config: { ...ZERO_FEES, rate: 1 } } }),
    ).toBe('invalid_json: set_fee_config.config.rate: expected string, got number')
    expect(await rejects({ set_app_verifier: { origin: 1, verifier: 5 } })).toBe(
      'invalid_json: set_app_verifier.verifier: expected string or null',
    )
    expect(await rejects({ deliver_batch: { messages: [5], proofs: [''] } })).toBe(
      'invalid_json: deliver_batch.messages: expected base64 strings',
    )
    expect(chain.queryError(endpoint, { stored_status: { id: 5 } })).toBe(
      'invalid_json: stored_status.id: expected string, got number',
    )
  })

  it('rejects numbers out of range', async () => {
    expect(await rejects(send({ destination: 4_294_967_296 }))).toBe(
      'invalid_json: send.destination: expected an integer in [0, 4294967295], got 4294967296',
    )
    expect(await rejects({ set_threshold: { origin: 1, threshold: 256 } })).toBe(
      'invalid_json: set_threshold.threshold: expected an integer in [0, 255], got 256',
    )
    expect(await rejects(send({ deadline: '18446744073709551616' }))).toBe(
      'invalid_json: send.deadline: expected a u64 decimal string, got "18446744073709551616"',
    )
    expect(
      await rejects({
        set_fee_config: { domain: 1, config: { ...ZERO_FEES, base_fee: (1n << 128n).toString() } },
      }),
    ).toBe(
      `invalid_json: set_fee_config.config.base_fee: expected a u128 decimal string, got "${1n << 128n}"`,
    )
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
      expect(await rejectsRaw(withGas(text))).toBe(
        `invalid_json: send.gas_limit: expected an integer in [0, 4294967295], got ${text}`,
      )
    }
    expect(await rejectsRaw(withGas('01'))).toMatch(/^invalid_json: leading zero at byte \d+$/)
    expect(await rejectsRaw(withGas('+1'))).toMatch(
      /^invalid_json: unexpected character at byte \d+$/,
    )
    expect(await rejectsRaw(withGas('1.'))).toMatch(/^invalid_json: malformed number at byte \d+$/)
    expect(await rejectsRaw(withGas('NaN'))).toMatch(
      /^invalid_json: unexpected character at byte \d+$/,
    )
    for (const text of ['01', '-1', '+1', ' 1', '1.0', '1e3', '', '0x10']) {
      expect(await rejects(send({ deadline: text }))).toBe(
        `invalid_json: send.deadline: expected a u64 decimal string, got "${text}"`,
      )
    }
  })

  it('rejects duplicate keys, at the top and nested', async () => {
    expect(await rejectsRaw('{"pause":{},"pause":{}}')).toMatch(
      /^invalid_json: duplicate key `pause` at byte \d+$/,
    )
    const json = JSON.stringify(send())
    expect(await rejectsRaw(json.replace('"gas_limit":1', '"gas_limit":1,"gas_limit":1'))).toMatch(
      /^invalid_json: duplicate key `gas_limit` at byte \d+$/,
    )
    // The same key, once escaped: still a duplicate.
    expect(
      await rejectsRaw(json.replace('"gas_limit":1', '"gas_limit":1,"gas\\u005flimit":2')),
    ).toMatch(/^invalid_json: duplicate key `gas_limit` at byte \d+$/)
    expect(await queryRawError(chain, endpoint, '{"merkle_count":{},"merkle_count":{}}')).toMatch(
      /^invalid_json: duplicate key `merkle_count`/,
    )
  })

  it('rejects malformed JSON text', async () => {
    const cases: [string | Uint8Array, RegExp][] = [
      ['{"pause":{},}', /^invalid_json: expected key at byte \d+$/],
      ['{"pause":{}} x', /^invalid_json: trailing characters at byte \d+$/],
      ['{"pause":{} // now\n}', /^invalid_json: expected , or \} at byte \d+$/],
      ["{'pause':{}}", /^invalid_json: expected key at byte 1$/],
      ['{"pause":{}', /^invalid_json: unterminated object at byte \d+$/],
      ['', /^invalid_json: unexpected end at byte 0$/],
      ['{"pa\tuse":{}}', /^invalid_json: control character in string at byte \d+$/],
      ['{"pa\\xuse":{}}', /^invalid_json: bad escape at byte \d+$/],
      ['{"\\ud800":{}}', /^invalid_json: lone surrogate at byte \d+$/],
      [
        new Uint8Array([
          ...new TextEncoder().encode('{"p'),
          0xff,
          ...new TextEncoder().encode('":{}}'),
        ]),
        /^invalid_json: invalid UTF-8 at byte 3$/,
      ],
      [
        new Uint8Array([
          ...new TextEncoder().encode('{"p'),
          0xc0,
          0xaf,
          ...new TextEncoder().encode('":{}}'),
        ]),
        /^invalid_json: invalid UTF-8 at byte 3$/,
      ],
      [
        new Uint8Array([
          ...new TextEncoder().encode('{"p'),
          0xed,
          0xa0,
          0x80,
          ...new TextEncoder().encode('":{}}'),
        ]),
        /^invalid_json: invalid UTF-8 at byte 3$/,
      ],
    ]
    for (const [json, error] of cases) expect(await rejectsRaw(json)).toMatch(error)
    expect(await queryRawError(chain, endpoint, '{"config":{}')).toMatch(
      /^invalid_json: unterminated object/,
    )
  })

  it('non-ASCII JSON: escapes and UTF-8 are read exactly, in field names, values and errors', async () => {
    // An escaped and a literal non-ASCII name: both reach the error intact.
    expect(await rejectsRaw('{"pause":{"\\u00e9t\\u00e9":1}}')).toBe(
      'invalid_json: pause: unknown field `été`',
    )
    expect(await rejectsRaw('{"pause":{"渡し🚀":1}}')).toBe(
      'invalid_json: pause: unknown field `渡し🚀`',
    )
    expect(await rejects({ transfer_ownership: { new_owner: 'wasm1ferrÿ' } })).toMatch(
      /^invalid_address: wasm1ferrÿ: /,
    )
    // A field name that only looks like a known one after normalisation is unknown.
    expect(await rejects(send({ ｇas_limit: 1 }))).toBe(
      'invalid_json: send: unknown field `ｇas_limit`',
    )
    // An escaped known name is that name.
    await executeRaw(
      chain,
      RELAYER,
      endpoint,
      JSON.stringify(send()).replace('"deadline"', '"dead\\u006cine"'),
    ).then((out) => expect(out.ok).toBe(true))
  })

  it('rejects bytes that are not canonical: base64 and hex', async () => {
    expect(await rejects(send({ body: 'AQI' }))).toBe('invalid_json: send.body: invalid base64') // no padding
    expect(await rejects(send({ body: 'AQJ=' }))).toBe('invalid_json: send.body: invalid base64') // trailing bits
    expect(await rejects(send({ body: 'AQ I=' }))).toBe('invalid_json: send.body: invalid base64')
    expect(await rejects(send({ body: 'AQ-_' }))).toBe('invalid_json: send.body: invalid base64') // URL alphabet
    expect(await rejects(send({ recipient: RECIPIENT.slice(2) }))).toBe(
      'invalid_json: send.recipient: expected 0x and 64 hex digits',
    )
    expect(await rejects(send({ recipient: RECIPIENT.slice(0, 65) }))).toBe(
      'invalid_json: send.recipient: expected 0x and 64 hex digits',
    )
    expect(await rejects(send({ recipient: `${RECIPIENT.slice(0, 65)}g` }))).toBe(
      'invalid_json: send.recipient: expected 0x and 64 hex digits',
    )
    expect(await rejects(send({ recipient: RECIPIENT.replace('0x', '0X') }))).toBe(
      'invalid_json: send.recipient: expected 0x and 64 hex digits',
    )
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

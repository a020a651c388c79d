// A fee config stored by a 1.0 endpoint (56 bytes: no max_gas_limit) after a migration to this
// code: it reads as uncapped (PROTOCOL §4 needs the fee manager to set the cap), and a new
// `set_fee_config` stores the 60-byte form with the cap.

import { Chain, OWNER, ZERO_FEES } from '@ferry/cosmwasm-bindings/harness'
import { expect, it } from 'vitest'

const DOMAIN = 9
const key = Buffer.concat([Buffer.from('f/f'), Buffer.from([0, 0, 0, DOMAIN])])

it('a fee config stored before 1.1 reads as uncapped until set again', async () => {
  const chain = await Chain.create()
  const endpoint = await chain.endpoint(7001)
  await chain.must(OWNER, endpoint, {
    set_fee_config: { domain: DOMAIN, config: { ...ZERO_FEES, max_gas_limit: 5 } },
  })
  // Cut the stored entry back to its 1.0 layout (base_fee, gas_price, rate, overhead, per byte).
  // CAST (three): the simulator keeps a contract's storage as an Immutable map from key bytes to
  // value bytes; its declarations type both loosely.
  const storage = chain.app.wasm.getContractStorage(endpoint) as unknown as Map<
    Uint8Array,
    Uint8Array
  > & {
    set(key: Uint8Array, value: Uint8Array): unknown
  }
  const entry = [...storage.keys()].find((k) => Buffer.from(k).equals(key))
  if (entry === undefined) throw new Error('no fee config entry')
  const value = storage.get(entry)
  expect(value).toHaveLength(60)
  const cut: unknown = storage.set(entry, (value ?? new Uint8Array()).slice(0, 56))
  type Storage = Parameters<typeof chain.app.wasm.setContractStorage>[1]
  chain.app.wasm.setContractStorage(endpoint, cut as Storage)

  expect(chain.query(endpoint, { fee_config: { domain: DOMAIN } })).toMatchObject({
    max_gas_limit: 4_294_967_295,
  })
  const quote = { destination: DOMAIN, body_length: 0, gas_limit: 4_294_967_295, ack_gas_limit: 0 }
  expect(chain.query(endpoint, { quote })).toMatchObject({ fee: '0' })
  await chain.must(OWNER, endpoint, {
    set_fee_config: { domain: DOMAIN, config: { ...ZERO_FEES, max_gas_limit: 5 } },
  })
  expect(chain.queryError(endpoint, { quote })).toEqual({
    code: 'gas_limit_too_high',
    gas_limit: 4294967295,
    max_gas_limit: 5,
    domain: DOMAIN,
  })
})

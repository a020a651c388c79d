import { describe, expect, test } from 'vitest'
import { encodeCosmosPayload } from './encodeCosmosPayload.js'

describe('encodeCosmosPayload', () => {
  test('is the UTF-8 JSON array of the items', () => {
    const items = [{ bank: { balance: { address: 'wasm1x', denom: 'ustake' } } }] as const
    expect(Buffer.from(encodeCosmosPayload(items).slice(2), 'hex').toString('utf8')).toBe(
      JSON.stringify(items),
    )
  })
})

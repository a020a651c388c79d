import { interchainAccountsVectors } from '@ferry/spec'
import { describe, expect, test } from 'vitest'
import { type CosmosCall, encodeCosmosPayload } from './encodeCosmosPayload.js'

describe('encodeCosmosPayload', () => {
  test('is the UTF-8 JSON array of the items', () => {
    const items = [{ bank: { balance: { address: 'wasm1x', denom: 'ustake' } } }] as const
    expect(Buffer.from(encodeCosmosPayload(items).slice(2), 'hex').toString('utf8')).toBe(
      JSON.stringify(items),
    )
  })

  // spec/apps/interchain-accounts.json: the CosmWasm payloads, byte for byte.
  const cosmwasm = interchainAccountsVectors.bodies.filter((body) => body.json !== undefined)
  test.each(cosmwasm)('reproduces the example payload: $name', ({ json, payload }) => {
    // CAST: the examples hold CosmosMsgs and queries of the spec's forms.
    expect(encodeCosmosPayload(json as CosmosCall[])).toBe(payload)
  })
})

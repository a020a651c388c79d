import * as protocol from '@ferry/protocol'
import { expect, test } from 'vitest'

// An accidental change to the public API (a rename, a lost export) fails here. Until the SDK's
// own actions land, its entry point is the protocol's, whose names protocol's own snapshot pins.
test('exports of @ferry/sdk: the protocol codec, whole', async () => {
  const sdk = await import('./index.js')
  expect(Object.keys(sdk).sort()).toEqual(Object.keys(protocol).sort())
  expect(Object.keys(sdk)).toContain('encodeBatchProofs')
})

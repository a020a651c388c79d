import type { Hex } from 'viem'
import { expectTypeOf, test } from 'vitest'
import type { FerryClient } from '../client/createFerryClient.js'
import { getMessage } from './getMessage.js'

test('getMessage narrows by type', async () => {
  // CAST: a type test; the call is never run
  const state = await getMessage({} as FerryClient, { id: '0x' })
  if (state.type === 'executed') expectTypeOf(state.result).toEqualTypeOf<Hex | undefined>()
  if (state.type === 'underpaid') expectTypeOf(state.missing).toEqualTypeOf<bigint | undefined>()
  if (state.type === 'failed') expectTypeOf(state.retryable).toEqualTypeOf<boolean>()
  if (state.type === 'not_found') {
    // "never": no route to name.
    expectTypeOf(state).not.toHaveProperty('destination')
  } else expectTypeOf(state.destination).toEqualTypeOf<number>()
  if (state.type === 'unknown') expectTypeOf(state.reason).toEqualTypeOf<string>()
  // @ts-expect-error: `missing` exists only on underpaid
  state.missing
})

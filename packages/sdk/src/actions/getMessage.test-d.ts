import type { Hex } from 'viem'
import { expectTypeOf, test } from 'vitest'
import type { RecoveryHint } from '../errors/FerryError.js'
import { typeClient as client, typeId as id } from '../test/typeClient.js'
import { getMessage } from './getMessage.js'

test('getMessage narrows by type', async () => {
  const state = await getMessage(client, { id })
  if (state.type === 'executed') expectTypeOf(state.result).toEqualTypeOf<Hex | undefined>()
  if (state.type === 'underpaid') {
    expectTypeOf(state.missing).toEqualTypeOf<bigint | undefined>()
    expectTypeOf(state.recovery).toEqualTypeOf<RecoveryHint | undefined>()
  }
  if (state.type === 'failed') expectTypeOf(state.retryable).toEqualTypeOf<boolean>()
  if (state.type === 'not_found') {
    // "never": no route to name.
    expectTypeOf(state).not.toHaveProperty('destination')
    expectTypeOf(state.recovery).toEqualTypeOf<undefined>()
  } else expectTypeOf(state.destination).toEqualTypeOf<number>()
  if (state.type === 'unknown') expectTypeOf(state.reason).toEqualTypeOf<string>()
  // @ts-expect-error: `missing` exists only on underpaid
  state.missing
})

test('a recovery hint narrows to what its action needs', async () => {
  const { recovery } = await getMessage(client, { id, origin: 'base' })
  if (recovery?.action === 'addFee') expectTypeOf(recovery.amount).toEqualTypeOf<bigint>()
  if (recovery?.action === 'retryMessage') expectTypeOf(recovery.gasLimit).toEqualTypeOf<number>()
  // @ts-expect-error: `amount` is an addFee hint's only
  recovery?.amount
})

test("origin is one of the client's chains, by name or domain", async () => {
  await getMessage(client, { id, origin: 'osmosis' })
  await getMessage(client, { id, origin: 8453 })
  // @ts-expect-error: the client has no chain named 'solana'
  await getMessage(client, { id, origin: 'solana' })
  // @ts-expect-error: nor one of domain 1
  await getMessage(client, { id, origin: 1 })
})

import { expectTypeOf, test } from 'vitest'
import { typeClient as client, typeId as id } from '../test/typeClient.js'
import type { MessageState } from './toMessageState.js'
import { watchMessage } from './watchMessage.js'

test('watchMessage yields MessageStates, narrowing in the loop', async () => {
  const watch = watchMessage(client, { id, pollIntervalMs: 500 })
  expectTypeOf(watch).toEqualTypeOf<AsyncGenerator<MessageState, void, undefined>>()
  for await (const state of watch) {
    expectTypeOf(state).toEqualTypeOf<MessageState>()
    if (state.type === 'underpaid') expectTypeOf(state.missing).toEqualTypeOf<bigint | undefined>()
    if (state.type === 'in_flight') expectTypeOf(state.reason).toEqualTypeOf<string | undefined>()
  }
  // @ts-expect-error: the watch needs the message's id
  watchMessage(client, { pollIntervalMs: 500 })
})

test("watchMessage's origin is one of the client's chains", () => {
  watchMessage(client, { id, origin: 'base' })
  // @ts-expect-error: the client has no chain named 'arbitrum'
  watchMessage(client, { id, origin: 'arbitrum' })
})

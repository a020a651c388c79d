import { expectTypeOf, test } from 'vitest'
import { typeClient as client, typeId as id } from '../test/typeClient.js'
import type { MessageState } from './toMessageState.js'
import { waitForMessage } from './waitForMessage.js'

test('until acked returns the ack’s state, a MessageState that narrows by type', async () => {
  const acked = await waitForMessage(client, { id, until: 'acked' })
  expectTypeOf(acked).toEqualTypeOf<MessageState>()
  if (acked.type === 'executed') expectTypeOf(acked.origin).toEqualTypeOf<number>()
  expectTypeOf(waitForMessage(client, { id })).resolves.toEqualTypeOf<MessageState>()
})

test('until is delivered, final or acked', () => {
  waitForMessage(client, { id, until: 'delivered', timeoutMs: 1_000 })
  waitForMessage(client, { id, until: 'final', origin: 'base' })
  // @ts-expect-error: there is no 'executed' to wait until; 'final' or 'delivered'
  waitForMessage(client, { id, until: 'executed' })
  // @ts-expect-error: an id is hex
  waitForMessage(client, { id: 'abc' })
})

test("waitForMessage's origin is one of the client's chains", () => {
  waitForMessage(client, { id, origin: 'osmosis', until: 'delivered' })
  // @ts-expect-error: the client has no chain of domain 10
  waitForMessage(client, { id, origin: 10 })
})

import type { MessageStatus } from '@ferry/protocol'
import { expectTypeOf, test } from 'vitest'
import { typeClient as client, typeId as id } from '../test/typeClient.js'
import { type RelayMessageReturnType, relayMessage } from './relayMessage.js'

test('relayMessage returns the delivery and the destination’s status', async () => {
  const relayed = await relayMessage(client, { id, origin: 'base' })
  expectTypeOf(relayed).toEqualTypeOf<RelayMessageReturnType>()
  expectTypeOf(relayed.transactionHash).toEqualTypeOf<string>()
  expectTypeOf(relayed.status).toEqualTypeOf<MessageStatus>()
  relayMessage(client, { id, origin: 7001, signal: AbortSignal.timeout(1_000) })
  // @ts-expect-error: an id is hex
  relayMessage(client, { id: 'abc' })
  // @ts-expect-error: the message is named by its id
  relayMessage(client, { message: '0x01' })
})

test("relayMessage's origin is one of the client's chains", () => {
  // @ts-expect-error: the client has no chain named 'ethereum'
  relayMessage(client, { id, origin: 'ethereum' })
})

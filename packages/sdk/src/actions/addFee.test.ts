import { afterAll, beforeAll, expect, test } from 'vitest'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { MessageNotFoundError } from '../errors/MessageNotFoundError.js'
import { startWorld, type World } from '../test/world.js'
import { addFee } from './addFee.js'
import { send } from './send.js'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

test('tops up a message sent from each kind, given the message or its id and origin', async () => {
  const { client, evmA, evmB } = world
  for (const [from, to, recipient] of [
    ['evm-a', 'evm-b', evmB.apps.testRecipients[0] ?? '0x'],
    ['wasm', 'evm-a', evmA.apps.testRecipients[0] ?? '0x'],
  ] as const) {
    const sent = await send(client, { from, to, recipient, body: '0x01', gasLimit: 100_000 })
    const byMessage = await addFee(client, { message: sent, amount: 1_000n })
    expect(byMessage).toMatchObject({ chain: from, id: sent.id, amount: 1_000n })
    const byId = await addFee(client, { id: sent.id, chain: from, amount: 7n })
    expect(byId).toMatchObject({ chain: from, id: sent.id, amount: 7n })
    // The origin's reader, which relayers count fees with, sees both top-ups.
    const reader = client.reader(client.chain(from))
    const { number } = await reader.getHead()
    const added = await reader.getFeesAdded(sent.block.number, number)
    expect(added.filter(({ id }) => id === sent.id).map(({ amount }) => amount)).toEqual([
      1_000n,
      7n,
    ])
  }
})

test('a zero top-up is the endpoint’s zero_fee on each kind', async () => {
  const { client, evmA, evmB } = world
  for (const [from, to, recipient, errorName] of [
    ['evm-a', 'evm-b', evmB.apps.testRecipients[0] ?? '0x', 'EndpointZeroFee'],
    ['wasm', 'evm-a', evmA.apps.testRecipients[0] ?? '0x', 'zero_fee'],
  ] as const) {
    const sent = await send(client, { from, to, recipient, body: '0x02', gasLimit: 100_000 })
    const error = await addFee(client, { message: sent, amount: 0n }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EndpointRevertedError)
    expect(error).toMatchObject({ chain: from, reason: 'zero_fee', errorName, retryable: false })
  }
})

test('an id the origin never sent is a MessageNotFoundError', async () => {
  const id = `0x${'ab'.repeat(32)}` as const
  const error = await addFee(world.client, { id, chain: 'evm-a', amount: 1n }).catch(
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(MessageNotFoundError)
  expect(error).toMatchObject({ code: 'message_not_found', chain: 'evm-a', id })
})

import { afterAll, beforeAll, expect, test } from 'vitest'
import { createFerryClient } from '../client/createFerryClient.js'
import { ApiRequestError } from '../errors/ApiRequestError.js'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { MessageNotFoundError } from '../errors/MessageNotFoundError.js'
import { NotUnderpaidError } from '../errors/NotUnderpaidError.js'
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

/** A fetch answering `GET /v1/messages/{id}` as a relayer API would, with `detail`; 404 without. */
function fakeApi(detail: Record<string, unknown> | undefined) {
  const requests: string[] = []
  const fetch = async (url: string | URL | Request) => {
    requests.push(String(url))
    return detail === undefined
      ? Response.json({ error: { code: 'not_found', message: 'No message.' } }, { status: 404 })
      : Response.json(detail)
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

test("'toPolicy' pays exactly what the relayer API says is missing", async () => {
  const { client, evmB } = world
  const sent = await send(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: evmB.apps.testRecipients[0] ?? '0x',
    body: '0x03',
    gasLimit: 100_000,
  })
  const api = fakeApi({
    origin: 31337,
    encoded: sent.encoded,
    reason: 'underpaid',
    underpaid: { required: '5000', missing: '1234' },
  })
  const withApi = createFerryClient({
    chains: client.chains,
    apiUrl: 'http://relayer.test',
    fetch: api.fetch,
  })
  expect(await addFee(withApi, { id: sent.id, chain: 'evm-a', amount: 'toPolicy' })).toMatchObject({
    chain: 'evm-a',
    id: sent.id,
    amount: 1_234n,
  })
  expect(await addFee(withApi, { message: sent, amount: 'toPolicy' })).toMatchObject({
    amount: 1_234n,
  })
  expect(api.requests).toEqual(Array(2).fill(`http://relayer.test/v1/messages/${sent.id}`))
  // The API names another origin than the caller: a wrong chain or id, and nothing is paid.
  await expect(
    addFee(withApi, { id: sent.id, chain: 'evm-b', amount: 'toPolicy' }),
  ).rejects.toMatchObject({ name: 'MessageNotFoundError', chain: 'evm-b', id: sent.id })
})

test("'toPolicy' without an API, or for a message not held for its fee, pays nothing", async () => {
  const id = `0x${'cd'.repeat(32)}` as const
  const toPolicy = (detail: Record<string, unknown> | undefined, apiUrl?: string) =>
    addFee(
      createFerryClient({
        chains: world.client.chains,
        apiUrl,
        fetch: fakeApi(detail).fetch,
      }),
      { id, chain: 'evm-a', amount: 'toPolicy' },
    ).catch((error: unknown) => error)
  const noApi = await toPolicy(undefined)
  expect(noApi).toBeInstanceOf(ApiRequestError)
  expect(noApi).toMatchObject({ reason: 'no_api', retryable: false })
  const url = 'http://relayer.test'
  for (const [detail, reason, retryable] of [
    [undefined, 'not_indexed', true],
    [{ origin: 31337, reason: 'indexed', underpaid: null }, 'not_underpaid', false],
    [{ origin: 31337, reason: 'underpaid', underpaid: null }, 'no_shortfall', false],
    [
      { origin: 31337, reason: 'underpaid', underpaid: { required: '5', missing: '0' } },
      'no_shortfall',
      false,
    ],
  ] as const) {
    const error = await toPolicy(detail, url)
    expect(error).toBeInstanceOf(NotUnderpaidError)
    expect(error).toMatchObject({ code: 'not_underpaid', id, reason, retryable })
  }
  expect(
    await toPolicy({ origin: 31337, reason: 'waiting_signatures', underpaid: null }, url),
  ).toMatchObject({ reason: 'not_underpaid', relayerReason: 'waiting_signatures' })
})

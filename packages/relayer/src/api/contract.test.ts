// Contract tests: every route's answers, success and error, validate against the schemas of the
// OpenAPI document the API serves, with a JSON Schema 2020-12 validator (OpenAPI 3.1's dialect).
import { MessageStatus } from '@ferry/protocol'
import type { DeliverySimulation } from '@ferry/sdk'
import { testValidatorKeys } from '@ferry/testkit'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { listen } from '../service/listen.js'
import { generateApiKey, hashApiKey } from './auth/apiKeyText.js'
import { A, ackOf, createTestApi, get, sent, type TestApi, waitFor, word } from './test/fixtures.js'
import { readEvents } from './test/readEvents.js'
import { serveTestValidators, type TestValidators } from './test/serveTestValidators.js'

let api: TestApi
// biome-ignore lint/suspicious/noExplicitAny: the document is JSON read back from the API
let doc: any
let ajv: Ajv2020
let validators: TestValidators
/** The messages of origin A by leaf index, which the validators sign. */
const leaves: `0x${string}`[] = []
const exercised = new Set<string>()

/**
 * A verdict with every part present, as `simulateDelivery` answered a nested custom-error revert
 * on a hardhat node (its JSON form is checked here; the runs themselves in
 * test/e2e/simulation.test.ts and the SDK's simulateDelivery.test.ts).
 */
const RECORDED_SIMULATION: DeliverySimulation = {
  id: word(1),
  chain: 'chain-31338',
  block: 12n,
  call: 'retry',
  gasLimit: 90_000,
  verdict: 'handler_reverted',
  description: 'The recipient’s handler reverted.',
  gasUsed: 1_321,
  revert: {
    data: '0x8a7c5f3b00000000000000000000000000000000000000000000000000000000000000030000000000000000000000000000000000000000000000000000000000000003',
    kind: 'custom',
    name: 'FaultyRecipientRefused',
    args: { nonce: 3n, code: 3n },
  },
  frame: {
    contract: '0x8f86403a4de0bb5791fa46b8e795c547942fe4cf',
    selector: '0x12345678',
    functionName: 'refuse',
    depth: 2,
  },
  blockedBy: undefined,
  recovery: { action: 'retryMessage', gasLimit: 120_000 },
}

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')

/** Validates `body` against the documented response of `operation` at `status`; records the pair. */
function expectDocumented(
  method: string,
  template: string,
  status: number,
  body: unknown,
  mediaType = 'application/json',
) {
  const response = doc.paths[template]?.[method]?.responses?.[String(status)]
  expect(response, `${method.toUpperCase()} ${template} documents ${status}`).toBeDefined()
  expect(response.content?.[mediaType], `${status} is ${mediaType}`).toBeDefined()
  const validate = ajv.getSchema(
    `openapi#/${pointer('paths', template, method, 'responses', String(status), 'content', mediaType, 'schema')}`,
  )
  expect(validate).toBeDefined()
  const valid = validate?.(body)
  expect(valid, JSON.stringify(validate?.errors, null, 1)).toBe(true)
  exercised.add(`${method} ${template} ${status}`)
}

beforeAll(async () => {
  validators = await serveTestValidators({
    keys: testValidatorKeys(A, 2),
    origin: A,
    originEndpoint: word(A, 'e'),
    leaves: () => leaves,
    signedCount: () => 1,
  })
  api = await createTestApi({
    validators: new Map([[A, { urls: validators.urls, threshold: 2 }]]),
    simulations: { simulate: async (message) => ({ ...RECORDED_SIMULATION, id: message.id }) },
    // Above the fixtures' fee: an underpaid message's detail carries its shortfall.
    minimumFee: new Map([[A, 2n * 10n ** 15n]]),
  })
  const response = await get(api.app, '/v1/openapi.json')
  expect(response.status).toBe(200)
  doc = response.body
  ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  ajv.addSchema(doc, 'openapi')

  const original = sent({ nonce: 1n, leafIndex: 0, flags: 2, ackGasLimit: 10_000 })
  const pending = sent({ nonce: 2n, leafIndex: 1 })
  leaves.push(original.id, pending.id)
  await api.store.insertMessages([original, pending])
  await api.store.finalizeMessages(A, 10n, new Date())
  await api.store.saveSignedCheckpoint({
    validator: word(1, 'a'),
    origin: A,
    originEndpoint: word(A, 'e'),
    index: 0,
    root: word(0, 'r'),
    signature: '0x01',
  })
  await api.store.updateMessages([
    {
      id: original.id,
      stage: 'done',
      reason: 'delivered',
      status: MessageStatus.Executed,
      result: '0x',
      transactionHash: word(1, 'd'),
      deliveredAt: new Date(),
      attempt: true,
    },
    {
      id: pending.id,
      stage: 'ready',
      reason: 'waiting_channel_order',
      detail: 'destination expects nonce 1',
    },
  ])
  await api.store.insertMessages([
    ackOf(original, { status: MessageStatus.Executed, nonce: 1n, leafIndex: 0 }),
  ])
  const underpaid = sent({ nonce: 1n, leafIndex: 2, sender: word(7) })
  await api.store.insertMessages([underpaid])
  await api.store.updateMessages([
    { id: underpaid.id, stage: 'ready', reason: 'underpaid', detail: 'paid 1, policy asks 2' },
  ])
}, 60_000)
afterAll(async () => {
  await api.close()
  await validators.close()
})

describe('the OpenAPI document', () => {
  test('is OpenAPI 3.1 and documents every route', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/healthz',
      '/metrics',
      '/readyz',
      '/v1/audit-log',
      '/v1/chains',
      '/v1/channels',
      '/v1/channels/{channel}',
      '/v1/events',
      '/v1/messages',
      '/v1/messages/{id}',
      '/v1/messages/{id}/proof',
      '/v1/messages/{id}/retry',
      '/v1/messages/{id}/simulation',
      '/v1/stats',
      '/v1/validators',
    ])
  })
})

describe('every answer matches the document', () => {
  test('messages', async () => {
    const list = await get(api.app, '/v1/messages?limit=1')
    expectDocumented('get', '/v1/messages', 200, list.body)
    expect(list.body.nextCursor).not.toBeNull()
    const details: { underpaid: unknown }[] = []
    for (const { id } of (await get(api.app, '/v1/messages')).body.items) {
      const one = await get(api.app, `/v1/messages/${id}`)
      expectDocumented('get', '/v1/messages/{id}', 200, one.body)
      details.push(one.body)
    }
    // Both shapes of `underpaid` were checked against the document.
    expect(details.filter((detail) => detail.underpaid !== null)).toHaveLength(1)
    expectDocumented('get', '/v1/messages', 400, (await get(api.app, '/v1/messages?limit=0')).body)
    expectDocumented('get', '/v1/messages', 400, (await get(api.app, '/v1/messages?cursor=x')).body)
    expectDocumented('get', '/v1/messages/{id}', 400, (await get(api.app, '/v1/messages/1')).body)
    expectDocumented(
      'get',
      '/v1/messages/{id}',
      404,
      (await get(api.app, `/v1/messages/${word(9)}`)).body,
    )
    const [signed, unsigned] = leaves
    const proof = (id: string) => get(api.app, `/v1/messages/${id}/proof`)
    expectDocumented('get', '/v1/messages/{id}/proof', 200, (await proof(signed!)).body)
    expectDocumented('get', '/v1/messages/{id}/proof', 409, (await proof(unsigned!)).body)
    expectDocumented('get', '/v1/messages/{id}/proof', 404, (await proof(word(9))).body)
    expectDocumented('get', '/v1/messages/{id}/proof', 400, (await proof('0x1')).body)
  })

  test('simulation', async () => {
    const [id] = leaves
    const simulate = (path: string) => get(api.app, `/v1/messages/${path}`)
    expectDocumented(
      'get',
      '/v1/messages/{id}/simulation',
      200,
      (await simulate(`${id}/simulation?gasLimit=90000&block=12`)).body,
    )
    expectDocumented(
      'get',
      '/v1/messages/{id}/simulation',
      404,
      (await simulate(`${word(9)}/simulation`)).body,
    )
    expectDocumented(
      'get',
      '/v1/messages/{id}/simulation',
      400,
      (await simulate(`${id}/simulation?block=-1`)).body,
    )
    // An API without a simulation source (no chains to run on) says so.
    const without = await createTestApi()
    const message = sent({ nonce: 1n, leafIndex: 0 })
    await without.store.insertMessages([message])
    const unavailable = await get(without.app, `/v1/messages/${message.id}/simulation`)
    expectDocumented('get', '/v1/messages/{id}/simulation', 409, unavailable.body)
    expect(unavailable.body.error).toMatchObject({
      code: 'simulation_unavailable',
      details: { reason: 'not_configured' },
    })
    await without.close()
  })

  test('channels', async () => {
    const list = await get(api.app, '/v1/channels')
    expectDocumented('get', '/v1/channels', 200, list.body)
    for (const { channel } of list.body.items)
      expectDocumented(
        'get',
        '/v1/channels/{channel}',
        200,
        (await get(api.app, `/v1/channels/${channel}`)).body,
      )
    expectDocumented(
      'get',
      '/v1/channels',
      400,
      (await get(api.app, '/v1/channels?origin=-1')).body,
    )
    expectDocumented(
      'get',
      '/v1/channels/{channel}',
      400,
      (await get(api.app, '/v1/channels/0x')).body,
    )
    expectDocumented(
      'get',
      '/v1/channels/{channel}',
      404,
      (await get(api.app, `/v1/channels/${word(9)}`)).body,
    )
  })

  test('chains, validators, health, metrics', async () => {
    expectDocumented('get', '/v1/chains', 200, (await get(api.app, '/v1/chains')).body)
    expectDocumented('get', '/v1/validators', 200, (await get(api.app, '/v1/validators')).body)
    expectDocumented('get', '/v1/stats', 200, (await get(api.app, '/v1/stats')).body)
    expectDocumented('get', '/healthz', 200, (await get(api.app, '/healthz')).body)
    expectDocumented('get', '/readyz', 200, (await get(api.app, '/readyz')).body)
    const metrics = await get(api.app, '/metrics')
    expectDocumented('get', '/metrics', 200, metrics.text, 'text/plain')
    const gone = await createTestApi()
    await gone.close()
    expectDocumented('get', '/readyz', 503, (await get(gone.app, '/readyz')).body)
  })

  test('rate limit and body limit errors', async () => {
    const limited = await createTestApi({ rateLimit: { requestsPerSecond: 1, burst: 1 } })
    await get(limited.app, '/v1/chains')
    for (const [template, path] of [
      ['/v1/chains', '/v1/chains'],
      ['/v1/messages', '/v1/messages'],
    ] as const) {
      const response = await get(limited.app, path)
      expect(response.status).toBe(429)
      expectDocumented('get', template, 429, response.body)
    }
    await limited.close()
    const big = await get(api.app, '/v1/messages', { headers: { 'content-length': '999999' } })
    expectDocumented('get', '/v1/messages', 413, big.body)
  })

  test('events: each SSE data is a LifecycleEvent', async () => {
    const validate = ajv.getSchema('openapi#/components/schemas/LifecycleEvent')
    const served = await listen(api.app, { host: '127.0.0.1', port: 0 })
    try {
      const response = await fetch(`${served.url}/v1/events`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/event-stream')
      exercised.add('get /v1/events 200')
      const stream = readEvents(response)
      await waitFor('subscribed', () => api.bus.listenerCount === 2)
      const m = sent({ nonce: 9n, leafIndex: 9, sender: word(9) })
      await api.store.insertMessages([m])
      await api.store.finalizeMessages(A, 100n, new Date())
      await api.store.updateMessages([
        {
          id: m.id,
          stage: 'failed',
          reason: 'retry_scheduled',
          status: MessageStatus.Failed,
          nextAttemptAt: new Date(),
          transactionHash: word(2, 'd'),
          attempt: true,
        },
      ])
      await stream.next((e) => e.event === 'failed')
      for (const event of stream.events)
        expect(validate?.(JSON.parse(event.data)), JSON.stringify(validate?.errors)).toBe(true)
      await stream.cancel()
    } finally {
      api.shutdown.abort()
      await served.close()
    }
    expectDocumented('get', '/v1/events', 400, (await get(api.app, '/v1/events?channel=1')).body)
  })

  test('operator actions: retry and the audit log, with and without keys', async () => {
    const operate = generateApiKey()
    const read = generateApiKey()
    await api.store.createApiKey({ name: 'ops', scope: 'operate', keyHash: hashApiKey(operate) })
    await api.store.createApiKey({ name: 'ci', scope: 'read', keyHash: hashApiKey(read) })
    const failed = sent({ nonce: 1n, leafIndex: 20, sender: word(20) })
    await api.store.insertMessages([failed])
    await api.store.finalizeMessages(A, 100n, new Date())
    await api.store.updateMessages([
      { id: failed.id, stage: 'failed', reason: 'tx_reverted', status: MessageStatus.Failed },
    ])
    const retry = (id: string, key?: string) =>
      get(api.app, `/v1/messages/${id}/retry`, {
        method: 'POST',
        headers: key === undefined ? {} : { Authorization: `Bearer ${key}` },
      })
    const template = '/v1/messages/{id}/retry'
    expectDocumented('post', template, 202, (await retry(failed.id, operate)).body)
    expectDocumented('post', template, 401, (await retry(failed.id)).body)
    expectDocumented('post', template, 403, (await retry(failed.id, read)).body)
    expectDocumented('post', template, 404, (await retry(word(404), operate)).body)
    expectDocumented('post', template, 409, (await retry(leaves[1]!, operate)).body)
    expectDocumented('post', template, 400, (await retry('0x1', operate)).body)
    const log = (key?: string) =>
      get(api.app, '/v1/audit-log', {
        headers: key === undefined ? {} : { Authorization: `Bearer ${key}` },
      })
    expectDocumented('get', '/v1/audit-log', 200, (await log(operate)).body)
    expectDocumented('get', '/v1/audit-log', 401, (await log()).body)
    expectDocumented('get', '/v1/audit-log', 403, (await log(read)).body)
  })

  test('unknown routes and methods answer the Error schema', async () => {
    const validate = ajv.getSchema('openapi#/components/schemas/Error')
    for (const [path, method] of [
      ['/nope', 'GET'],
      ['/v1/messages', 'DELETE'],
    ] as const) {
      const { body } = await get(api.app, path, { method })
      expect(validate?.(body)).toBe(true)
    }
  })

  test('every documented operation was exercised with a success answer', () => {
    // CAST: each path item of the document is an object of operations by method
    for (const [template, operations] of Object.entries(doc.paths))
      for (const method of Object.keys(operations as object))
        expect(
          [...exercised].some((key) => key.startsWith(`${method} ${template} 2`)),
          `${method} ${template}`,
        ).toBe(true)
  })
})

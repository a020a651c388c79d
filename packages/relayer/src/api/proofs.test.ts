// `GET /v1/messages/{id}/proof` over a memory store and validators served over HTTP that sign
// the store's tree (two of three must sign): the proof it answers is one the verifier accepts;
// unknown, not final, not yet signed and unprovable messages are 4xx with a reason.
import { verifyProof } from '@ferry/protocol'
import { testValidatorKeys } from '@ferry/testkit'
import type { Hex } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { A, createTestApi, get, sent, type TestApi, word } from './test/fixtures.js'
import { serveTestValidators, type TestValidators } from './test/serveTestValidators.js'

const keys = testValidatorKeys(A, 3)
const messages = [0, 1, 2].map((leafIndex) => sent({ nonce: BigInt(leafIndex + 1), leafIndex }))
/** How many leaves the validators have signed; a third validator URL never answers. */
let signedCount = 0
let validators: TestValidators
let api: TestApi

beforeAll(async () => {
  validators = await serveTestValidators({
    keys: keys.slice(0, 2),
    origin: A,
    originEndpoint: word(A, 'e'),
    leaves: () => messages.map((m) => m.id),
    signedCount: () => signedCount,
  })
  api = await createTestApi({
    validators: new Map([[A, { urls: [...validators.urls, 'http://127.0.0.1:9'], threshold: 2 }]]),
  })
  await api.store.insertMessages(messages)
}, 60_000)
afterAll(async () => {
  await api.close()
  await validators.close()
})

const proofOf = (id: Hex) => get(api.app, `/v1/messages/${id}/proof`)

describe('GET /v1/messages/{id}/proof', () => {
  test('404 for an unknown id', async () => {
    const { status, body } = await proofOf(word(0xdead))
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
  })

  test('409 waiting_finality while its block is not final', async () => {
    const { status, body, headers } = await proofOf(messages[0]!.id)
    expect(status).toBe(409)
    expect(body.error).toMatchObject({
      code: 'not_provable',
      details: { reason: 'waiting_finality' },
    })
    expect(headers.get('retry-after')).toBe('2')
  })

  test('409 waiting_signatures while the validators have not signed its leaf', async () => {
    await api.store.finalizeMessages(A, 100n, new Date())
    signedCount = 1
    const { status, body } = await proofOf(messages[1]!.id)
    expect(status).toBe(409)
    expect(body.error.details).toMatchObject({ reason: 'waiting_signatures' })
    expect(body.error.details.detail).toMatch(/leaf 1 is not signed yet/)
  })

  test('200: a proof against a threshold of signatures that the verifier accepts', async () => {
    signedCount = 3
    const message = messages[1]!
    const { status, body } = await proofOf(message.id)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: message.id,
      origin: A,
      leafIndex: 1,
      encoded: message.encoded,
      checkpoint: { origin: A, originEndpoint: word(A, 'e'), index: 2 },
    })
    expect(body.signatures).toHaveLength(2)
    const validators = keys.map((key) => privateKeyToAddress(key))
    const { signers } = await verifyProof({
      message: body.encoded,
      proof: body.proof,
      origin: A,
      originEndpoint: word(A, 'e'),
      validators,
      threshold: 2,
    })
    expect(signers.map((s) => s.toLowerCase())).toEqual(body.signers)
  })

  test('409 no_validators for an origin the relayer has no validators of', async () => {
    const other = sent({ nonce: 1n, leafIndex: 0, origin: 31338, destination: A })
    await api.store.insertMessages([other])
    await api.store.finalizeMessages(31338, 100n, new Date())
    const { status, body } = await proofOf(other.id)
    expect(status).toBe(409)
    expect(body.error.details).toMatchObject({ reason: 'no_validators' })
  })
})

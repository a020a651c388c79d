// The real endpoint (build/endpoint.wasm, from `pnpm build:wasm`) driven through EndpointClient
// over the embedded chain: instantiate, config, set_origin, fee config, quote, send with a fee
// and a refund, the merkle queries, and errors mapped to their classes.
import { readFileSync } from 'node:fs'
import {
  addressToBytes32,
  decodeMessage,
  encodeMessage,
  getMessageId,
  IncrementalMerkleTree,
  MessageStatus,
} from '@ferry/protocol'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, test } from 'vitest'
import { createEndpointClient, type EndpointClient } from '../../src/client/createEndpointClient.ts'
import { fromEmbeddedChain } from '../../src/client/fromEmbeddedChain.ts'
import { createEmbeddedChain, type EmbeddedChain } from '../../src/embedded/createEmbeddedChain.ts'
import {
  FeeTooLowError,
  GasLimitTooHighError,
  MessageNotSentError,
  PausedError,
  UnauthorizedError,
  UnknownDestinationError,
  UnknownDomainError,
  ZeroFeeError,
} from '../../src/errors/admin.ts'
import { EmptyTreeError } from '../../src/errors/delivery.ts'
import type { Hex } from '../../src/types.ts'
import { account } from './fixtures/accounts.ts'

const LOCAL_DOMAIN = 7001
const EVM_DOMAIN = 31337
const owner = account(1)
const app = account(2)
const stranger = account(3)
const fees = {
  baseFee: 100n,
  gasPrice: 2n,
  rate: 10n ** 18n,
  gasOverhead: 10,
  gasPerByte: 1,
  maxGasLimit: 16_777_216,
}
const validators = [`0x${'1a'.repeat(20)}`, `0x${'2b'.repeat(20)}`] as const
const originEndpoint = `0x${'00'.repeat(12)}${'ee'.repeat(20)}` as const
const recipient = `0x${'00'.repeat(12)}${'77'.repeat(20)}` as const

let chain: EmbeddedChain
let contract: string
let asOwner: EndpointClient
let asApp: EndpointClient
const sentIds: Hex[] = []

const responses = new Ajv2020({ strict: true })
for (const name of ['definitions', 'responses'])
  responses.addSchema(
    JSON.parse(readFileSync(new URL(`../../schema/${name}.json`, import.meta.url), 'utf8')),
  )
/** The contract's raw answer to `query`, checked against schema/responses.json. */
async function rawAnswer(query: string, body: object = {}) {
  const answer = await chain.query(contract, { [query]: body })
  const validate = responses.getSchema(`responses.json#/$defs/${query}`)
  expect(validate?.(answer), JSON.stringify(validate?.errors)).toBe(true)
  return answer
}

beforeAll(async () => {
  chain = createEmbeddedChain({
    chainId: 'ferry-cosmos',
    bech32Prefix: 'wasm',
    accounts: {
      [owner]: [{ denom: 'ustake', amount: '1000000' }],
      [app]: [{ denom: 'ustake', amount: '1000000' }],
    },
  })
  const wasm = readFileSync(new URL('../../build/endpoint.wasm', import.meta.url))
  const codeId = await chain.storeCode(owner, wasm)
  const instantiateMsg = { local_domain: LOCAL_DOMAIN, owner, denom: 'ustake' }
  contract = (await chain.instantiate(owner, codeId, instantiateMsg, { label: 'ferry' }))
    .contractAddress
  asOwner = createEndpointClient(fromEmbeddedChain(chain, owner), contract)
  asApp = createEndpointClient(fromEmbeddedChain(chain, app), contract)
})

describe('the endpoint through EndpointClient on the embedded chain', () => {
  test('config after instantiate: the owner holds every role', async () => {
    expect(await asOwner.config()).toEqual({
      localDomain: LOCAL_DOMAIN,
      denom: 'ustake',
      owner,
      pendingOwner: null,
      feeManager: owner,
      feeCollector: owner,
      paused: false,
    })
    await rawAnswer('config')
  })

  test('set_origin by the owner; origin answers the set', async () => {
    await asOwner.setOrigin({ origin: EVM_DOMAIN, originEndpoint, validators, threshold: 2 })
    expect(await asOwner.origin({ origin: EVM_DOMAIN })).toEqual({
      originEndpoint,
      validators,
      threshold: 2,
    })
    await rawAnswer('origin', { origin: EVM_DOMAIN })
  })

  test('set_origin by anyone else is UnauthorizedError', async () => {
    const error = await asApp
      .setOrigin({ origin: 1, originEndpoint, validators, threshold: 1 })
      .catch((error) => error)
    expect(error).toBeInstanceOf(UnauthorizedError)
    expect(error.retryable).toBe(false)
  })

  test('quote needs a fee config (UnknownDestinationError), then is the fee of PROTOCOL §9', async () => {
    const params = { destination: EVM_DOMAIN, bodyLength: 5, gasLimit: 100_000 }
    await expect(asApp.quote(params)).rejects.toBeInstanceOf(UnknownDestinationError)
    await expect(asApp.feeConfig({ domain: EVM_DOMAIN })).rejects.toBeInstanceOf(UnknownDomainError)
    await asOwner.setFeeConfig({ domain: EVM_DOMAIN, config: fees })
    expect(await asOwner.feeConfig({ domain: EVM_DOMAIN })).toEqual(fees)
    const expected = fees.baseFee + (100_000n + 10n + 5n) * fees.gasPrice
    expect(await asApp.quote(params)).toEqual({ fee: expected, denom: 'ustake' })
    await rawAnswer('quote', {
      destination: EVM_DOMAIN,
      body_length: 5,
      gas_limit: 1,
      ack_gas_limit: 0,
    })
  })

  test('before the first send the tree is empty: latestCheckpoint is EmptyTreeError', async () => {
    expect(await asApp.merkleCount()).toBe(0)
    await expect(asApp.latestCheckpoint()).rejects.toBeInstanceOf(EmptyTreeError)
  })

  test('send with more than the fee: the endpoint keeps the fee and refunds the rest', async () => {
    const body = new TextEncoder().encode('héllo')
    const { fee } = await asApp.quote({
      destination: EVM_DOMAIN,
      bodyLength: body.length,
      gasLimit: 100_000,
    })
    const before = chain.getBalance(app, 'ustake')
    const sent = await asApp.send({
      destination: EVM_DOMAIN,
      recipient,
      body,
      gasLimit: 100_000,
      fee: { amount: fee + 5_000n, denom: 'ustake' },
    })
    expect(chain.getBalance(app, 'ustake')).toBe(before - fee)
    expect(chain.getBalance(contract, 'ustake')).toBe(fee)
    expect(sent).toMatchObject({ nonce: 1n, leafIndex: 0, id: getMessageId(sent.message) })
    sentIds.push(sent.id)
    expect(decodeMessage(sent.message)).toMatchObject({
      origin: LOCAL_DOMAIN,
      sender: addressToBytes32(app),
      destination: EVM_DOMAIN,
      recipient,
      nonce: 1n,
      body: '0x68c3a96c6c6f',
    })
    expect(
      sent.outcome.events.find((event) => event.type === 'transfer')?.attributes,
    ).toContainEqual({ key: 'recipient', value: app })
    const data = JSON.parse(new TextDecoder().decode(sent.outcome.data))
    expect(data).toEqual({ id: sent.id, nonce: '1' })
  })

  test('send without a fee quotes and pays exactly the fee; nonces and the tree advance', async () => {
    const before = chain.getBalance(app, 'ustake')
    const sent = await asApp.send({ destination: EVM_DOMAIN, recipient, body: '0x', gasLimit: 1 })
    expect(sent).toMatchObject({ nonce: 2n, leafIndex: 1 })
    const paid = before - chain.getBalance(app, 'ustake')
    expect(paid).toBe(fees.baseFee + (1n + 10n) * fees.gasPrice)
    sentIds.push(sent.id)
    const tree = new IncrementalMerkleTree()
    for (const id of sentIds) tree.insert(id)
    expect(await asApp.merkleCount()).toBe(2)
    expect(await asApp.merkleRoot()).toBe(tree.root())
    expect(await asApp.latestCheckpoint()).toEqual({ root: tree.root(), index: 1 })
    // Sent here, so not delivered here: None (the status is the destination's).
    expect(await asApp.messageStatus({ message: sent.message })).toBe(MessageStatus.None)
    await rawAnswer('merkle_root')
    await rawAnswer('latest_checkpoint')
  })

  test('send with too little is FeeTooLowError with the amounts', async () => {
    const error = await asApp
      .send({
        destination: EVM_DOMAIN,
        recipient,
        body: '0x',
        gasLimit: 1,
        fee: { amount: 1n, denom: 'ustake' },
      })
      .catch((error) => error)
    expect(error).toBeInstanceOf(FeeTooLowError)
    expect(error).toMatchObject({ required: fees.baseFee + 11n * fees.gasPrice, paid: 1n })
  })

  test('pause blocks send with PausedError (retryable) until unpause', async () => {
    await asOwner.pause()
    expect((await asOwner.config()).paused).toBe(true)
    const params = { destination: EVM_DOMAIN, recipient, body: '0x', gasLimit: 1 } as const
    const error = await asApp.send(params).catch((error) => error)
    expect(error).toBeInstanceOf(PausedError)
    expect(error.retryable).toBe(true)
    await asOwner.unpause()
    await expect(asApp.send(params)).resolves.toMatchObject({ nonce: 3n })
  })

  test('addFee tops up a sent message: the feeAdded event and the amount; errors by class', async () => {
    const sent = await asApp.send({ destination: EVM_DOMAIN, recipient, body: '0x', gasLimit: 1 })
    const before = chain.getBalance(contract, 'ustake')
    const added = await asOwner.addFee({
      message: sent.message,
      fee: { amount: 700n, denom: 'ustake' },
    })
    expect(added).toMatchObject({ id: sent.id, amount: 700n })
    expect(added.events).toContainEqual({ type: 'feeAdded', contract, id: sent.id, amount: 700n })
    expect(chain.getBalance(contract, 'ustake')).toBe(before + 700n)
    const zero = await asOwner
      .addFee({ message: sent.message, fee: { amount: 0n, denom: 'ustake' } })
      .catch((error) => error)
    expect(zero).toBeInstanceOf(ZeroFeeError)
    expect(zero).toMatchObject({ id: sent.id })
    const never = encodeMessage({ ...decodeMessage(sent.message), nonce: 99n })
    const notSent = await asOwner
      .addFee({ message: never, fee: { amount: 1n, denom: 'ustake' } })
      .catch((error) => error)
    expect(notSent).toBeInstanceOf(MessageNotSentError)
    expect(notSent).toMatchObject({ nonce: 99n, outboundNonce: sent.nonce })
  })

  test('send above the destination’s maxGasLimit is GasLimitTooHighError with the numbers', async () => {
    const error = await asApp
      .send({ destination: EVM_DOMAIN, recipient, body: '0x', gasLimit: fees.maxGasLimit + 1 })
      .catch((error) => error)
    expect(error).toBeInstanceOf(GasLimitTooHighError)
    expect(error).toMatchObject({
      gasLimit: fees.maxGasLimit + 1,
      maxGasLimit: fees.maxGasLimit,
      domain: EVM_DOMAIN,
    })
  })

  test('the fee collector withdraws accrued fees to an address', async () => {
    const accrued = chain.getBalance(contract, 'ustake')
    await asOwner.withdrawFees({ to: stranger, amount: accrued })
    expect(chain.getBalance(stranger, 'ustake')).toBe(accrued)
    expect(chain.getBalance(contract, 'ustake')).toBe(0n)
  })
})

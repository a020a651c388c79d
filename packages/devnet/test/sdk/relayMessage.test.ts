// Self-relay over the devnet with its relayer (and so its API) stopped: getMessage says why a
// message waits and what helps, and relayMessage delivers it (EVM → EVM, EVM → CosmWasm,
// CosmWasm → EVM) from a user's own wallet or executor, with a proof built from the validators
// and the origin's events alone.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AlreadyDeliveredError,
  bech32ToBytes32,
  createFerryClient,
  evmAddressToBytes32,
  getMessage,
  MessageStatus,
  MissingSignerError,
  relayMessage,
} from '@ferry/sdk'
import { pino } from 'pino'
import type { Hex } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Devnet, startDevnet } from '../../src/startDevnet.js'
import {
  evmChain,
  ferryChains,
  sendFromEvm,
  sendFromWasm,
  testRecipient,
  user,
  userChains,
  validatorsOf,
  wasmChain,
} from './sdkWorld.js'

let devnet: Devnet
beforeAll(async () => {
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir: mkdtempSync(join(tmpdir(), 'ferry-sdk-relay-')),
    blockTimeMs: 300,
  })
  await devnet.stopRelayer()
})
afterAll(async () => {
  await devnet?.stop()
})

/** The devnet's chains, with the user's signers on them or none; the API URL of the stopped relayer. */
function userClient({ signers = true } = {}) {
  const chains = signers ? userChains(devnet) : ferryChains(devnet)
  return createFerryClient({ chains, apiUrl: devnet.file.apiUrl, validators: validatorsOf(devnet) })
}

/** Polls getMessage until it recommends self-relay; returns every state type seen. */
async function untilRelayAdvised(id: Hex): Promise<string[]> {
  const seen: string[] = []
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const state = await getMessage(userClient(), { id })
    if (seen.at(-1) !== state.type) seen.push(state.type)
    if (state.recovery?.action === 'relayMessage') return seen
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`never advised to relay: ${seen.join(', ')}`)
}

test('with no relayer, getMessage advises self-relay and relayMessage delivers EVM → EVM from a user wallet', async () => {
  const [a, b] = [evmChain(devnet, 'evm-a'), evmChain(devnet, 'evm-b')]
  const id = await sendFromEvm(a, {
    destination: b.domain,
    // CAST: EVM test recipients are addresses
    recipient: evmAddressToBytes32(testRecipient(b) as Hex),
    body: 'ok:self-relayed',
  })
  const seen = await untilRelayAdvised(id)
  expect(seen.at(-1)).toBe('in_flight')
  for (const type of seen)
    expect(['pending_finality', 'waiting_signatures', 'in_flight']).toContain(type)

  await expect(relayMessage(userClient({ signers: false }), { id })).rejects.toBeInstanceOf(
    MissingSignerError,
  )
  const { transactionHash, status } = await relayMessage(userClient(), { id })
  expect(status).toBe(MessageStatus.Executed)
  const receipt = await b.client.getTransactionReceipt({ hash: transactionHash as Hex })
  expect(receipt.from.toLowerCase()).toBe(user.address.toLowerCase())
  expect(await getMessage(userClient(), { id })).toMatchObject({ type: 'executed' })
  await expect(relayMessage(userClient(), { id })).rejects.toBeInstanceOf(AlreadyDeliveredError)
})

test('relayMessage delivers EVM → CosmWasm through the user’s executor', async () => {
  const [a, wasm] = [evmChain(devnet, 'evm-a'), wasmChain(devnet)]
  const id = await sendFromEvm(a, {
    destination: wasm.domain,
    recipient: bech32ToBytes32(testRecipient(wasm)),
    body: 'ok:self-relayed to wasm',
  })
  await untilRelayAdvised(id)
  const { status } = await relayMessage(userClient(), { id })
  expect(status).toBe(MessageStatus.Executed)
})

test('relayMessage delivers CosmWasm → EVM from a user wallet, proven by the CosmWasm validators', async () => {
  const [wasm, b] = [wasmChain(devnet), evmChain(devnet, 'evm-b')]
  const id = await sendFromWasm(wasm, {
    destination: b.domain,
    // CAST: EVM test recipients are addresses
    recipient: evmAddressToBytes32(testRecipient(b) as Hex),
    body: 'ok:self-relayed from wasm',
  })
  await untilRelayAdvised(id)
  const { transactionHash, status } = await relayMessage(userClient(), { id })
  expect(status).toBe(MessageStatus.Executed)
  const receipt = await b.client.getTransactionReceipt({ hash: transactionHash as Hex })
  expect(receipt.from.toLowerCase()).toBe(user.address.toLowerCase())
  expect(await getMessage(userClient(), { id })).toMatchObject({
    type: 'executed',
    origin: wasm.domain,
    destination: b.domain,
  })
})

test('relayMessage of the last of three undelivered messages of a channel delivers all three in order, from the chains alone', async () => {
  const [a, b] = [evmChain(devnet, 'evm-a'), evmChain(devnet, 'evm-b')]
  const ids: Hex[] = []
  for (const body of ['ok:gap one', 'ok:gap two', 'ok:gap three'])
    ids.push(
      await sendFromEvm(a, {
        destination: b.domain,
        // CAST: EVM test recipients are addresses
        recipient: evmAddressToBytes32(testRecipient(b) as Hex),
        body,
      }),
    )
  const [one, two, three] = ids as [Hex, Hex, Hex]
  await untilRelayAdvised(three)
  const relayed = await relayMessage(userClient(), { id: three })
  expect(relayed).toMatchObject({ status: MessageStatus.Executed, alsoDelivered: [one, two] })
  const receipt = await b.client.getTransactionReceipt({ hash: relayed.transactionHash as Hex })
  expect(receipt.from.toLowerCase()).toBe(user.address.toLowerCase())
  for (const id of ids)
    expect(await getMessage(userClient(), { id })).toMatchObject({ type: 'executed' })
})

test('relayMessage fills a gap on a CosmWasm destination with one deliver_batch', async () => {
  const [a, wasm] = [evmChain(devnet, 'evm-a'), wasmChain(devnet)]
  const ids: Hex[] = []
  for (const body of ['ok:wasm gap one', 'ok:wasm gap two'])
    ids.push(
      await sendFromEvm(a, {
        destination: wasm.domain,
        recipient: bech32ToBytes32(testRecipient(wasm)),
        body,
      }),
    )
  const [one, two] = ids as [Hex, Hex]
  await untilRelayAdvised(two)
  expect(await relayMessage(userClient(), { id: two })).toMatchObject({
    status: MessageStatus.Executed,
    alsoDelivered: [one],
  })
  expect(await getMessage(userClient(), { id: one })).toMatchObject({ type: 'executed' })
})

// An underpaid message over the devnet, its relayer asking a minimum fee of evm-a: getMessage
// says how much it is missing (from the API's structured shortfall), addFee(…, 'toPolicy') pays
// exactly that and the relayer delivers it; and a message the relayer refuses is self-relayed
// with the API's proof while the API is up.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  addFee,
  createFerryClient,
  evmAddressToBytes32,
  getMessage,
  MessageStatus,
  relayMessage,
  waitForMessage,
} from '@ferry/sdk'
import { pino } from 'pino'
import type { Hex } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Devnet, startDevnet } from '../../src/startDevnet.js'
import { evmChain, sendFromEvm, testRecipient, userChains, validatorsOf } from './sdkWorld.js'

/** Far above any quote on the devnet: every message from evm-a is underpaid. */
const MINIMUM = 10n ** 18n

let devnet: Devnet
beforeAll(async () => {
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir: mkdtempSync(join(tmpdir(), 'ferry-sdk-underpaid-')),
    blockTimeMs: 300,
    minimumFee: { 'evm-a': MINIMUM },
  })
})
afterAll(async () => {
  await devnet?.stop()
})

/** A client with the user's signers and the running API; `fetch` records every URL it asks. */
function userClient() {
  const requested: string[] = []
  const client = createFerryClient({
    chains: userChains(devnet),
    apiUrl: devnet.file.apiUrl,
    validators: validatorsOf(devnet),
    fetch: (input, init) => {
      requested.push(input instanceof Request ? input.url : String(input))
      return fetch(input, init)
    },
  })
  return { client, requested }
}

async function sendUnderpaid(body: string): Promise<Hex> {
  const [a, b] = [evmChain(devnet, 'evm-a'), evmChain(devnet, 'evm-b')]
  // CAST: EVM test recipients are addresses
  const recipient = evmAddressToBytes32(testRecipient(b) as Hex)
  return sendFromEvm(a, { destination: b.domain, recipient, body })
}

/** Polls getMessage until the relayer holds the message as underpaid; returns that state. */
async function untilUnderpaid(id: Hex) {
  const { client } = userClient()
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const state = await getMessage(client, { id })
    if (state.type === 'underpaid') return state
    expect(['not_found', 'pending_finality', 'waiting_signatures', 'in_flight']).toContain(
      state.type,
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error(`${id} never became underpaid`)
}

test("getMessage says how much is missing, and addFee 'toPolicy' pays it and gets it delivered", async () => {
  const id = await sendUnderpaid('ok:topped up')
  const state = await untilUnderpaid(id)
  const detail = (await (await fetch(`${devnet.file.apiUrl}/v1/messages/${id}`)).json()) as {
    feePaid: string
  }
  const paid = BigInt(detail.feePaid)
  expect(paid).toBeGreaterThan(0n)
  expect(state).toMatchObject({
    type: 'underpaid',
    missing: MINIMUM - paid,
    recovery: { action: 'addFee', amount: MINIMUM - paid },
  })

  const { client } = userClient()
  const added = await addFee(client, { id, chain: 'evm-a', amount: 'toPolicy' })
  expect(added).toMatchObject({ chain: 'evm-a', id, amount: MINIMUM - paid })
  expect(await waitForMessage(client, { id, until: 'delivered', timeoutMs: 60_000 })).toMatchObject(
    { type: 'executed' },
  )
  // Paid in full: nothing more to pay.
  await expect(addFee(client, { id, chain: 'evm-a', amount: 'toPolicy' })).rejects.toMatchObject({
    name: 'NotUnderpaidError',
    reason: 'not_underpaid',
  })
})

test('relayMessage delivers a message the relayer refuses, with the API’s proof', async () => {
  const id = await sendUnderpaid('ok:self-relayed past the policy')
  await untilUnderpaid(id)
  const { client, requested } = userClient()
  const { status } = await relayMessage(client, { id })
  expect(status).toBe(MessageStatus.Executed)
  // The proof came from the API: no validator was asked for a signature.
  expect(requested).toContain(`${devnet.file.apiUrl}/v1/messages/${id}/proof`)
  const validatorUrls = devnet.file.validators.map((v) => v.url)
  expect(requested.filter((url) => validatorUrls.some((v) => url.startsWith(v)))).toEqual([])
})

test('relayMessage of the second of two refused messages delivers both in order, the gap found through the API', async () => {
  const first = await sendUnderpaid('ok:first of two')
  const second = await sendUnderpaid('ok:second of two')
  await untilUnderpaid(first)
  const { client, requested } = userClient()
  // The relayer holds the second behind the first: channels are delivered in order.
  for (const deadline = Date.now() + 60_000; ; ) {
    const state = await getMessage(client, { id: second })
    if (state.type === 'in_flight' && state.reason === 'waiting_channel_order') {
      // …and getMessage names the message it waits for.
      expect(state.blockedBy?.id).toBe(first)
      break
    }
    if (Date.now() > deadline) throw new Error(`${second} is ${state.type}, not held in order`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  const relayed = await relayMessage(client, { id: second })
  expect(relayed).toMatchObject({ status: MessageStatus.Executed, alsoDelivered: [first] })
  expect(requested.some((url) => url.includes('/v1/messages?') && url.includes('channel='))).toBe(
    true,
  )
  for (const id of [first, second])
    expect(await getMessage(client, { id })).toMatchObject({ type: 'executed' })
})

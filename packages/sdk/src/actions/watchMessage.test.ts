import { encodeMessage, getMessageId, type Message, MessageStatus } from '@ferry/protocol'
import { expect, test } from 'vitest'
import type { SentMessageEvent } from '../chains/types.js'
import {
  createFerryClient,
  type FerryChainReader,
  type FerryClient,
} from '../client/createFerryClient.js'
import { defineFerryChain } from '../client/defineFerryChain.js'
import type { MessageState } from './toMessageState.js'
import { watchMessage } from './watchMessage.js'

const message: Message = {
  version: 1,
  flags: 0,
  origin: 1,
  sender: `0x${'11'.repeat(32)}`,
  destination: 2,
  recipient: `0x${'22'.repeat(32)}`,
  nonce: 1n,
  deadline: 0n,
  gasLimit: 100_000,
  ackGasLimit: 0,
  body: '0x01',
}
const encoded = encodeMessage(message)
const id = getMessageId(encoded)
const event: SentMessageEvent = {
  id,
  leafIndex: 0,
  encoded,
  message,
  block: { number: 5n, hash: '0x05' },
  transactionHash: '0xaa',
}

/**
 * A client without an API over two fake chains and three fake validators, whose answers move on
 * with each read of the origin's head (one per `getMessage`): the message is not sent (read 1),
 * sent and unsigned (2–3), signed (4–5), executed (6 on).
 */
function fakeWorld(): FerryClient {
  let reads = 0
  const chains = [
    defineFerryChain({
      kind: 'evm',
      name: 'a',
      domain: 1,
      endpoint: `0x${'aa'.repeat(20)}`,
      rpcUrls: ['http://a'],
    }),
    defineFerryChain({
      kind: 'evm',
      name: 'b',
      domain: 2,
      endpoint: `0x${'bb'.repeat(20)}`,
      rpcUrls: ['http://b'],
    }),
  ] as const
  const fetch: typeof globalThis.fetch = async () =>
    reads >= 4
      ? Response.json({
          validator: `0x${'cc'.repeat(20)}`,
          checkpoint: {
            origin: 1,
            originEndpoint: `0x${'aa'.repeat(32)}`,
            root: `0x${'dd'.repeat(32)}`,
            index: 0,
          },
          signature: `0x${'ee'.repeat(65)}`,
        })
      : Response.json({ error: { code: 'no_checkpoint', message: 'none' } }, { status: 404 })
  const reader = {
    getHead: async () => ({ number: 10n, hash: '0x10', timestamp: 0n }),
    getSentMessages: async () => (reads >= 2 ? [event] : []),
    getMessageStatus: async () => (reads >= 6 ? MessageStatus.Executed : MessageStatus.None),
    getDeliveryResult: async () => ({ status: MessageStatus.Executed, result: '0x2a' }),
  }
  const origin = {
    ...reader,
    getHead: () => {
      reads++
      return reader.getHead()
    },
  }
  const client = createFerryClient({
    chains,
    validators: { 1: ['http://v1', 'http://v2', 'http://v3'] },
    fetch,
  })
  // CAST: the actions under test read heads, MessageSent events, statuses and results only
  const readers = { 1: origin, 2: reader } as unknown as Record<number, FerryChainReader>
  // CAST: a reader per domain, as the client's own would be
  return { ...client, reader: (chain: { domain: number }) => readers[chain.domain] } as FerryClient
}

test('without an API, watchMessage polls the chains and yields each stage once, in order', async () => {
  const states: MessageState[] = []
  for await (const state of watchMessage(fakeWorld(), { id, pollIntervalMs: 1 })) states.push(state)
  expect(states.map(({ type }) => type)).toEqual([
    'not_found',
    'waiting_signatures',
    'in_flight',
    'executed',
  ])
  // The result comes from the destination's delivery event: there is no API to give it.
  expect(states.at(-1)).toMatchObject({ type: 'executed', result: '0x2a' })
})

test('an aborted watch rejects with the signal’s reason', async () => {
  const control = new AbortController()
  const reason = new Error('user left')
  const watch = watchMessage(fakeWorld(), { id, pollIntervalMs: 60_000, signal: control.signal })
  expect((await watch.next()).value?.type).toBe('not_found')
  const next = watch.next()
  control.abort(reason)
  await expect(next).rejects.toBe(reason)
})

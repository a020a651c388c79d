import {
  encodeMessage,
  getMessageId,
  type Message,
  MessageFlags,
  MessageStatus,
} from '@ferry/protocol'
import { expect, test } from 'vitest'
import {
  createFerryClient,
  type FerryChainReader,
  type FerryClient,
} from '../client/createFerryClient.js'
import { defineFerryChain } from '../client/defineFerryChain.js'
import { NoAckRequestedError } from '../errors/NoAckRequestedError.js'
import { WaitTimeoutError } from '../errors/WaitTimeoutError.js'
import { waitForMessage } from './waitForMessage.js'

const sentMessage = (flags: number): Message => ({
  version: 1,
  flags,
  origin: 1,
  sender: `0x${'11'.repeat(32)}`,
  destination: 2,
  recipient: `0x${'22'.repeat(32)}`,
  nonce: 1n,
  deadline: 0n,
  gasLimit: 100_000,
  ackGasLimit: flags & MessageFlags.ackRequested ? 50_000 : 0,
  body: '0x01',
})

/**
 * A client without an API or validators over two fake chains: chain 1 sent one message (asking
 * for an ack with `ackRequested`), whose status on chain 2 is `status`; chain 2 sent nothing
 * back, so no ack ever shows.
 */
function fakeClient({ status, ackRequested }: { status: MessageStatus; ackRequested: boolean }) {
  const message = sentMessage(ackRequested ? MessageFlags.ackRequested : 0)
  const encoded = encodeMessage(message)
  const id = getMessageId(encoded)
  const event = {
    id,
    leafIndex: 0,
    encoded,
    message,
    block: { number: 5n, hash: '0x05' },
    transactionHash: '0xaa',
  }
  const chains = [1, 2].map((domain) =>
    defineFerryChain({
      kind: 'evm',
      name: `chain-${domain}`,
      domain,
      endpoint: `0x${String(domain).repeat(40)}`,
      rpcUrls: [`http://chain-${domain}`],
    }),
  )
  const reader = (sent: unknown[]) => ({
    getHead: async () => ({ number: 10n, hash: '0x10', timestamp: 0n }),
    getSentMessages: async () => sent,
    getMessageStatus: async () => status,
    getDeliveryResult: async () =>
      status === MessageStatus.None ? undefined : { status, result: '0x' },
  })
  // CAST: the actions under test read heads, MessageSent events, statuses and results only
  const readers = { 1: reader([event]), 2: reader([]) } as unknown as Record<
    number,
    FerryChainReader
  >
  const client = createFerryClient({ chains })
  // CAST: a reader per domain, as the client's own would be
  const fake = { ...client, reader: (chain: { domain: number }) => readers[chain.domain] }
  return { client: fake as FerryClient, id }
}

test('a timeout is a WaitTimeoutError carrying the last state and its recovery', async () => {
  const { client, id } = fakeClient({ status: MessageStatus.None, ackRequested: false })
  const error = await waitForMessage(client, {
    id,
    until: 'delivered',
    timeoutMs: 150,
    pollIntervalMs: 10,
  }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(WaitTimeoutError)
  expect(error).toMatchObject({
    code: 'wait_timeout',
    id,
    until: 'delivered',
    timeoutMs: 150,
    retryable: true,
    // No relayer and no validators to ask: delivering it yourself is what helps.
    lastState: {
      type: 'in_flight',
      origin: 1,
      destination: 2,
      recovery: { action: 'relayMessage' },
    },
    recovery: { action: 'relayMessage' },
  })
})

test('waiting for an ack that never shows times out with the original’s last state', async () => {
  const { client, id } = fakeClient({ status: MessageStatus.Executed, ackRequested: true })
  const error = await waitForMessage(client, {
    id,
    until: 'acked',
    timeoutMs: 200,
    pollIntervalMs: 10,
  }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(WaitTimeoutError)
  expect(error).toMatchObject({ until: 'acked', lastState: { type: 'executed', id } })
})

test('until acked, a message that asked for no ack is a NoAckRequestedError once final', async () => {
  const { client, id } = fakeClient({ status: MessageStatus.Executed, ackRequested: false })
  const error = await waitForMessage(client, { id, until: 'acked', pollIntervalMs: 10 }).catch(
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(NoAckRequestedError)
  expect(error).toMatchObject({ code: 'no_ack_requested', id, retryable: false })
  // The same message is waited for without complaint until it is delivered or final.
  for (const until of ['delivered', 'final'] as const)
    expect(await waitForMessage(client, { id, until, pollIntervalMs: 10 })).toMatchObject({
      type: 'executed',
    })
})

test('until acked, a message that timed out without an ack request is a NoAckRequestedError too', async () => {
  const { client, id } = fakeClient({ status: MessageStatus.TimedOut, ackRequested: false })
  await expect(
    waitForMessage(client, { id, until: 'acked', pollIntervalMs: 10 }),
  ).rejects.toBeInstanceOf(NoAckRequestedError)
})

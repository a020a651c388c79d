import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { DeadlineNotPassedError } from '../errors/DeadlineNotPassedError.js'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { startWorld, type World } from '../test/world.js'
import { getMessage } from './getMessage.js'
import { retryMessage } from './retryMessage.js'
import { send } from './send.js'
import { timeoutMessage } from './timeoutMessage.js'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

test('a Failed message is refused a timeout before its deadline, then times out after it', async () => {
  const { client, evmB } = world
  const { timestamp } = await client.reader(client.chain('evm-b')).getHead()
  const deadline = timestamp + 3_600n
  const sent = await send(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: evmB.apps.testRecipients[0] ?? '0x',
    body: '0x01',
    gasLimit: 30_000, // too little for the TestRecipient's first handle: Failed
    deadline,
  })
  expect(await world.relay(client.chain('evm-a'), client.chain('evm-b'))).toEqual([
    { id: sent.id, status: MessageStatus.Failed },
  ])

  const early = await timeoutMessage(client, { message: sent }).catch((e: unknown) => e)
  expect(early).toBeInstanceOf(DeadlineNotPassedError)
  expect(early).toMatchObject({
    code: 'deadline_not_passed',
    chain: 'evm-b',
    deadline,
    retryable: true,
    recovery: { action: 'wait', until: new Date(Number(deadline) * 1000).toISOString() },
  })

  // CAST: Hardhat's methods, which viem's public RPC schema does not list.
  await evmB.client.request({ method: 'evm_increaseTime', params: [7_200] } as never)
  await evmB.client.request({ method: 'evm_mine', params: [] } as never)
  // evm-b's clock passed the deadline, this machine's has not: getMessage goes by evm-b's.
  expect(await getMessage(client, { id: sent.id })).toMatchObject({
    type: 'failed',
    retryable: false,
    recovery: { action: 'timeoutMessage' },
  })

  const late = await retryMessage(client, { message: sent, gasLimit: 500_000 }).catch(
    (e: unknown) => e,
  )
  expect(late).toBeInstanceOf(EndpointRevertedError)
  expect(late).toMatchObject({
    reason: 'deadline_passed',
    errorName: 'EndpointDeadlinePassed',
    args: { id: sent.id, deadline },
    recovery: { action: 'timeoutMessage' },
  })

  const timedOut = await timeoutMessage(client, { message: sent })
  expect(timedOut).toMatchObject({ chain: 'evm-b', id: sent.id, status: MessageStatus.TimedOut })
  expect(await client.reader(client.chain('evm-b')).getMessageStatus(sent.encoded)).toBe(
    MessageStatus.TimedOut,
  )
})

test('a message without a deadline never times out: refused before signing', async () => {
  const { client, evmB } = world
  const sent = await send(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: evmB.apps.testRecipients[0] ?? '0x',
    body: '0x02',
    gasLimit: 200_000,
  })
  const error = await timeoutMessage(client, { message: sent }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(DeadlineNotPassedError)
  expect(error).toMatchObject({ deadline: 0n, retryable: false, recovery: undefined })
})

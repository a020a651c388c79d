import { MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { GasLimitTooLowError } from '../errors/GasLimitTooLowError.js'
import { startWorld, type World } from '../test/world.js'
import { retryMessage } from './retryMessage.js'
import { send } from './send.js'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

/** Too little for the TestRecipient's first handle (five fresh storage slots): it fails. */
const OUT_OF_GAS = 30_000

test('a handler that ran out of gas is Failed; retried with more gas, it executes', async () => {
  const { client, evmB } = world
  const sent = await send(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: evmB.apps.testRecipients[0] ?? '0x',
    body: '0x01',
    gasLimit: OUT_OF_GAS,
  })
  expect(await world.relay(client.chain('evm-a'), client.chain('evm-b'))).toEqual([
    { id: sent.id, status: MessageStatus.Failed },
  ])

  const tooLow = await retryMessage(client, { message: sent, gasLimit: OUT_OF_GAS - 1 }).catch(
    (e: unknown) => e,
  )
  expect(tooLow).toBeInstanceOf(GasLimitTooLowError)
  expect(tooLow).toMatchObject({
    code: 'gas_limit_too_low',
    gasLimit: OUT_OF_GAS - 1,
    minimum: OUT_OF_GAS,
    recovery: { action: 'retryMessage', gasLimit: OUT_OF_GAS },
  })

  const retried = await retryMessage(client, { message: sent.encoded, gasLimit: 500_000 })
  expect(retried).toMatchObject({
    chain: 'evm-b',
    id: sent.id,
    status: MessageStatus.Executed,
    result: '0x',
    ack: undefined,
  })
  expect(await client.reader(client.chain('evm-b')).getMessageStatus(sent.encoded)).toBe(
    MessageStatus.Executed,
  )

  // Executed is final: the endpoint refuses, decoded.
  const again = await retryMessage(client, { message: sent, gasLimit: 500_000 }).catch(
    (e: unknown) => e,
  )
  expect(again).toBeInstanceOf(EndpointRevertedError)
  expect(again).toMatchObject({
    code: 'endpoint_reverted',
    chain: 'evm-b',
    reason: 'not_retryable',
    errorName: 'EndpointNotRetryable',
    args: { id: sent.id, status: MessageStatus.Executed },
    retryable: false,
    recovery: undefined,
  })
})

import { afterAll, beforeAll, expect, test } from 'vitest'
import { TransactionNotFoundError } from '../errors/TransactionNotFoundError.js'
import { startWorld, type World } from '../test/world.js'
import { getMessagesFromTransaction } from './getMessagesFromTransaction.js'
import { send } from './send.js'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

test('finds what a transaction sent, on each kind, as send returned it', async () => {
  const { client, evmA, wasm } = world
  for (const [from, to, recipient] of [
    ['evm-a', 'wasm', wasm.apps.testRecipients[0] ?? ''],
    ['wasm', 'evm-a', evmA.apps.testRecipients[0] ?? '0x'],
  ] as const) {
    const { feePaid: _, ...sent } = await send(client, {
      from,
      to,
      recipient,
      body: '0xabcd',
      gasLimit: 100_000,
    })
    const found = await getMessagesFromTransaction(client, {
      chain: from,
      transactionHash: sent.transactionHash,
    })
    expect(found).toEqual([sent])
  }
})

test('a transaction the chain does not know is a TransactionNotFoundError, on each kind', async () => {
  for (const [chain, transactionHash] of [
    ['evm-a', `0x${'12'.repeat(32)}`],
    ['wasm', '12'.repeat(32).toUpperCase()],
  ] as const) {
    const error = await getMessagesFromTransaction(world.client, { chain, transactionHash }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(TransactionNotFoundError)
    expect(error).toMatchObject({ code: 'transaction_not_found', chain, transactionHash })
  }
})

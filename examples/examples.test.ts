// CI runs the examples: one in-process devnet, whose relayer asks evm-b's messages for more than
// the endpoint charges (so that topUp sees `underpaid`), each example's function against it as
// its script entry connects (the devnet file, Hardhat's account #3), and their outcomes checked.
// The self-relay runs last: it stops the relayer.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Devnet, startDevnet } from '@ferry/devnet'
import { HARDHAT_KEYS } from '@ferry/testkit'
import { pino } from 'pino'
import { createPublicClient, type Hex, http, parseEther } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type ConnectDevnetReturnType, connectDevnet } from './connectDevnet.ts'
import { remoteCount } from './remoteCall.ts'
import { selfRelay } from './selfRelay.ts'
import { sendAndTrack } from './sendAndTrack.ts'
import { deployDevnetTokenBridges } from './test/deployDevnetTokenBridges.ts'
import { topUp } from './topUp.ts'
import { moveTokens } from './transferTokens.ts'

/** What evm-b's messages must pay the relayer: far above the endpoint's quote. */
const MINIMUM_FEE = parseEther('1')

let devnet: Devnet
let connected: ConnectDevnetReturnType
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-examples-'))
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir,
    blockTimeMs: 300,
    minimumFee: { 'evm-b': MINIMUM_FEE },
  })
  process.env.FERRY_DEVNET_FILE = join(dir, 'devnet.json')
  connected = await connectDevnet()
})
afterAll(async () => {
  await devnet?.stop()
})

test('sendAndTrack quotes, sends EVM → EVM and waits until executed', async () => {
  const { client, recipientOn } = connected
  const state = await sendAndTrack(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: recipientOn('evm-b'),
    text: 'ok:sendAndTrack',
  })
  expect(state).toMatchObject({ type: 'executed', origin: 31337, destination: 31338 })
})

test('topUp sees its message underpaid, adds to its fee, and the relayer delivers it', async () => {
  const { client, recipientOn } = connected
  const { state, added } = await topUp(client, {
    from: 'evm-b',
    to: 'evm-a',
    recipient: recipientOn('evm-a'),
    text: 'ok:topUp',
    amount: MINIMUM_FEE,
  })
  expect(state).toMatchObject({ type: 'executed', origin: 31338, destination: 31337 })
  // It paid what the relayer said was missing, no more: fee and top-up make the minimum exactly.
  const response = await fetch(`${devnet.file.apiUrl}/v1/messages/${state.id}`)
  // CAST: the API's message detail; the test reads its fee, in wei as a decimal string.
  const { feePaid } = (await response.json()) as { feePaid: string }
  expect(added).toBeGreaterThan(0n)
  expect(added).toBeLessThan(MINIMUM_FEE)
  expect(BigInt(feePaid)).toBe(MINIMUM_FEE)
})

test('remoteCount increments a counter on evm-b through the user’s account and reads it back, typed', async () => {
  const { client, counterOn } = connected
  const { incremented, read } = await remoteCount(client, {
    from: 'evm-a',
    to: 'evm-b',
    counter: counterOn('evm-b'),
  })
  expect(incremented).toBeGreaterThanOrEqual(2n)
  expect(read).toBe(incremented)
})

test('moveTokens locks on evm-a, the relayer delivers, and evm-b mints 6-decimal units; the dust stays', async () => {
  const { client } = connected
  const user = privateKeyToAddress(HARDHAT_KEYS[3])
  const bridges = await deployDevnetTokenBridges(devnet.file, { holderKey: HARDHAT_KEYS[3] })
  const transfer = await moveTokens(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: user,
    amount: 1_234_567_891_234_567_891n,
    bridge: bridges.lockBridge,
  })
  expect(transfer.amount).toBe(1_234_567n)
  expect(await bridges.balances(user)).toEqual({
    origin: bridges.minted - 1_234_567n * 10n ** 12n,
    destination: 1_234_567n,
  })
})

test('selfRelay, with no relayer running, delivers the message from the user’s own wallet', async () => {
  await devnet.stopRelayer()
  const { client, recipientOn } = connected
  const { state, transactionHash } = await selfRelay(client, {
    from: 'evm-a',
    to: 'evm-b',
    recipient: recipientOn('evm-b'),
    text: 'ok:selfRelay',
  })
  expect(state).toMatchObject({ type: 'executed', origin: 31337, destination: 31338 })
  const evmB = devnet.file.chains.find((chain) => chain.name === 'evm-b')
  if (evmB?.kind !== 'evm') throw new Error('no evm-b')
  const receipt = await createPublicClient({ transport: http(evmB.rpcUrl) }).getTransactionReceipt({
    // CAST: relayMessage on an EVM destination returns its 0x transaction hash
    hash: transactionHash as Hex,
  })
  expect(receipt.from.toLowerCase()).toBe(privateKeyToAddress(HARDHAT_KEYS[3]).toLowerCase())
})

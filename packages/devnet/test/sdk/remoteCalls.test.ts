// Typed remote calls over the devnet (real chains, validators and relayer, in-process): a user on
// one chain calls a counter on another EVM chain and a contract on the CosmWasm chain through
// their interchain accounts, reads a value remotely, and calls from the CosmWasm chain back to
// EVM; each result comes back typed, and the predicted account is the one that acted.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { remoteCallTargetAbi } from '@ferry/evm-contracts'
import { callRemote, createFerryClient, getInterchainAccount, readRemote } from '@ferry/sdk'
import { TEST_COSMWASM_ACCOUNTS } from '@ferry/testkit'
import { pino } from 'pino'
import { type Address, type Hex, hexToString } from 'viem'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { type Devnet, startDevnet } from '../../src/startDevnet.js'
import { evmChain, testRecipient, user, userChains, validatorsOf, wasmChain } from './sdkWorld.js'

let devnet: Devnet
beforeAll(async () => {
  devnet = await startDevnet({
    logger: pino({ level: 'silent' }),
    apiPort: 0,
    dir: mkdtempSync(join(tmpdir(), 'ferry-sdk-remote-')),
    blockTimeMs: 300,
  })
})
afterAll(async () => {
  await devnet?.stop()
})

const client = () =>
  createFerryClient({
    chains: userChains(devnet),
    apiUrl: devnet.file.apiUrl,
    validators: validatorsOf(devnet),
  })
const wait = { timeoutMs: 60_000 }

function counterOf(name: string): Address {
  const target = evmChain(devnet, name).apps.interchainAccounts?.target
  if (!target) throw new Error(`no RemoteCallTarget on ${name}`)
  return target
}

test('EVM → EVM: a call through the user’s predicted account, and a read, come back typed', async () => {
  const counter = counterOf('evm-b')
  const predicted = await getInterchainAccount(client(), {
    origin: 'evm-a',
    owner: user.address,
    destination: 'evm-b',
  })
  const call = await callRemote(client(), {
    from: 'evm-a',
    to: 'evm-b',
    calls: [
      { address: counter, abi: remoteCallTargetAbi, functionName: 'increment', args: [5n] },
      { address: counter, abi: remoteCallTargetAbi, functionName: 'deposit', value: 0n },
    ],
    gasLimit: 500_000,
  })
  const [count, deposited] = await call.result(wait)
  expect(count).toBeGreaterThanOrEqual(5n)
  expect(deposited).toBe(0n)
  expect(
    await getInterchainAccount(client(), {
      origin: 'evm-a',
      owner: user.address,
      destination: 'evm-b',
    }),
  ).toEqual({ address: predicted.address, created: true })

  const read = await readRemote(client(), {
    from: 'evm-a',
    to: 'evm-b',
    calls: [
      { address: counter, abi: remoteCallTargetAbi, functionName: 'count' },
      {
        address: counter,
        abi: remoteCallTargetAbi,
        functionName: 'received',
        args: [predicted.address as Address],
      },
    ],
    gasLimit: 200_000,
  })
  expect(await read.result(wait)).toEqual([count, 0n])
})

test('EVM → CosmWasm: the account executes on the CosmWasm chain, its data decoded', async () => {
  const recipient = testRecipient(wasmChain(devnet))
  const handle = (text: string) => ({
    contract: recipient,
    msg: {
      ferry_handle: {
        origin: 1,
        sender: `0x${'00'.repeat(32)}`,
        nonce: '1',
        body: btoa(`ok:${text}`),
      },
    },
    decode: (data: Hex) => hexToString(data),
  })
  const call = await callRemote(client(), {
    from: 'evm-a',
    to: 'wasm',
    calls: [handle('over'), handle('there')],
    gasLimit: 1_000_000,
  })
  expect(await call.result(wait)).toEqual(['over', 'there'])
  const account = await getInterchainAccount(client(), {
    origin: 'evm-a',
    owner: user.address,
    destination: 'wasm',
  })
  expect(account).toMatchObject({ created: true })
  expect(account.address.startsWith('wasm1')).toBe(true)
})

test('CosmWasm → EVM: the CosmWasm user’s account calls the counter', async () => {
  const counter = counterOf('evm-a')
  const call = await callRemote(client(), {
    from: 'wasm',
    to: 'evm-a',
    calls: [{ address: counter, abi: remoteCallTargetAbi, functionName: 'increment', args: [2n] }],
    gasLimit: 500_000,
  })
  const [count] = await call.result(wait)
  expect(count).toBeGreaterThanOrEqual(2n)
  expect(
    await getInterchainAccount(client(), {
      origin: 'wasm',
      owner: TEST_COSMWASM_ACCOUNTS.user,
      destination: 'evm-a',
    }),
  ).toMatchObject({ created: true })
})

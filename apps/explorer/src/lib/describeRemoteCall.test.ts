import { interchainAccountsVectors } from '@ferry/spec'
import { expect, test } from 'vitest'
import { describeRemoteCall } from './describeRemoteCall.ts'
import { remoteCallDestination } from './remoteCallDestination.ts'

// The interchain-account examples of spec/apps/interchain-accounts.json, described for people.
const [evmCall, evmRead, cosmwasmCall] = interchainAccountsVectors.bodies

test('an EVM batch: who asks, then each call’s target, value and selector', () => {
  const lines = describeRemoteCall(evmCall?.body ?? '0x', 'evm')
  expect(lines?.[0]).toBe(`calls through the account of ${evmCall?.owner}`)
  expect(lines).toHaveLength(1 + (evmCall?.calls?.length ?? 0))
  expect(lines?.[1]).toContain(`0x${evmCall?.calls?.[0]?.target.slice(26)} value 0, calls 0x`)
  expect(describeRemoteCall(evmRead?.body ?? '0x', 'evm')?.[0]).toMatch(/^reads, asked by 0x/)
})

test('a CosmWasm batch: each message as its JSON, text only', () => {
  const lines = describeRemoteCall(cosmwasmCall?.body ?? '0x', 'cosmwasm')
  expect(lines?.slice(1)).toEqual(
    (cosmwasmCall?.json ?? []).map((item, i) => `${i + 1}. ${JSON.stringify(item)}`),
  )
})

test('a body in another format is not described', () => {
  expect(describeRemoteCall('0x68656c6c6f', 'evm')).toBeUndefined()
  expect(describeRemoteCall(`0x0101${'00'.repeat(32)}1234`, 'evm')).toBeUndefined()
  expect(describeRemoteCall('not hex', 'cosmwasm')).toBeUndefined()
})

test('a message is a remote call when its sender is the origin’s router in the chains file', () => {
  const router = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0'
  const chains = {
    chains: [
      { domain: 31337, kind: 'evm', apps: { interchainAccountRouter: router } },
      { domain: 7001, kind: 'cosmwasm', apps: {} },
    ],
  }
  const sender = `0x000000000000000000000000${router.slice(2).toLowerCase()}`
  expect(remoteCallDestination(chains, { origin: 31337, sender, destination: 7001 })).toBe(
    'cosmwasm',
  )
  expect(
    remoteCallDestination(chains, {
      origin: 31337,
      sender: `0x${'11'.repeat(32)}`,
      destination: 7001,
    }),
  ).toBeUndefined()
  expect(
    remoteCallDestination(chains, { origin: 7001, sender, destination: 31337 }),
  ).toBeUndefined()
  expect(
    remoteCallDestination(undefined, { origin: 31337, sender, destination: 7001 }),
  ).toBeUndefined()
})

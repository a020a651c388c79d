// Every pair kind connected by `connectChains`: EVM ↔ EVM carries a message each way with real
// proofs (`relayMessages`); pairs with an embedded CosmWasm chain show each side trusting the
// other's validators, as its verifier (EVM) or endpoint (CosmWasm) reports them; chains with
// interchain accounts get their routers peered, and a remote call goes through; HTLCs are peered; chains with
// gateways map and peer them, and a collateral token bridge opens a route to a synthetic one
// (and two synthetic ones none), over which a transfer mints exactly the scaled amount.
import { origin } from '@ferry/cosmwasm-bindings'
import {
  collateralTokenBridgeAbi,
  endpointAbi,
  ferryGatewayAbi,
  interchainAccountRouterAbi,
  multisigVerifierAbi,
  ozTestTokenAbi,
  remoteCallTargetAbi,
  syntheticTokenBridgeAbi,
} from '@ferry/evm-contracts'
import { relayMessages } from '@ferry/evm-contracts/testing'
import {
  addressToBytes32,
  decodeRemoteResults,
  evmAddressToBytes32,
  MessageStatus,
} from '@ferry/protocol'
import { type Address, encodeAbiParameters, encodeFunctionData, isAddressEqual } from 'viem'
import { privateKeyToAddress } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { connectChains } from '../src/chains/connectChains.js'
import type { EvmTestChain } from '../src/chains/deployEvmTestChain.js'
import { startTestChain, type TestChain } from '../src/chains/startTestChain.js'
import { testChainEndpoint } from '../src/chains/testChainEndpoint.js'
import { testValidatorKeys } from '../src/keys/testValidatorKeys.js'

const THRESHOLD = 2
const validators = (domain: number): Address[] =>
  testValidatorKeys(domain).map((key) => privateKeyToAddress(key))
const ascending = (addresses: readonly Address[]) =>
  [...addresses].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))

/** What `local` says about origin `remote`: its endpoint, validators (ascending) and threshold. */
async function trustOf(local: TestChain, remote: TestChain) {
  if (local.kind === 'cosmwasm')
    return origin(local.executor, { contract: local.endpoint, origin: remote.domain })
  const [originEndpoint, trusted, threshold] = await local.client.readContract({
    address: local.verifier,
    abi: multisigVerifierAbi,
    functionName: 'originConfig',
    args: [remote.domain],
  })
  return { originEndpoint, validators: [...trusted], threshold }
}

async function expectTrustBothWays(a: TestChain, b: TestChain) {
  for (const [local, remote] of [
    [a, b],
    [b, a],
  ] as const) {
    const trust = await trustOf(local, remote)
    expect(trust.originEndpoint).toBe(testChainEndpoint(remote))
    expect(trust.threshold).toBe(THRESHOLD)
    const expected = ascending(validators(remote.domain))
    expect(trust.validators).toHaveLength(expected.length)
    for (const [i, validator] of trust.validators.entries())
      expect(isAddressEqual(validator, expected[i] ?? '0x')).toBe(true)
  }
}

/** Sends one message from `from`'s deployer to `to`'s first TestRecipient, paying the quote. */
async function sendOne(from: EvmTestChain, to: EvmTestChain) {
  const [body, gasLimit] = ['0x1234', 200_000] as const
  const fee = await from.client.readContract({
    address: from.endpoint,
    abi: endpointAbi,
    functionName: 'quote',
    args: [to.domain, 2n, gasLimit, 0],
  })
  const recipient = to.apps.testRecipients[0] ?? '0x'
  const hash = await from.wallet.writeContract({
    address: from.endpoint,
    abi: endpointAbi,
    functionName: 'send',
    args: [to.domain, evmAddressToBytes32(recipient), body, gasLimit, 0, 0n],
    value: fee,
    account: from.wallet.account ?? null,
    chain: from.wallet.chain,
  })
  expect((await from.client.waitForTransactionReceipt({ hash })).status).toBe('success')
}

describe('EVM ↔ EVM', () => {
  let chains: EvmTestChain[] = []
  beforeAll(async () => {
    chains = await Promise.all(
      [31337, 31338].map((domain) => startTestChain({ kind: 'evm', domain })),
    )
    await connectChains(chains, { validators, threshold: THRESHOLD })
  })
  afterAll(() => Promise.all(chains.map((chain) => chain.stop())))

  test('each side trusts the other’s validators', async () => {
    const [a, b] = chains
    if (!a || !b) throw new Error('two chains')
    await expectTrustBothWays(a, b)
  })

  test('a message goes each way, proven by two of the origin’s three validators', async () => {
    const [a, b] = chains
    if (!a || !b) throw new Error('two chains')
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      await sendOne(from, to)
      const { delivered } = await relayMessages({
        origin: from,
        destination: to,
        validatorKeys: testValidatorKeys(from.domain).slice(0, THRESHOLD),
      })
      expect(delivered.map(({ status }) => status)).toEqual([MessageStatus.Executed])
    }
  })
})

describe('EVM ↔ CosmWasm (embedded)', () => {
  let chains: TestChain[] = []
  beforeAll(async () => {
    chains = [
      await startTestChain({ kind: 'evm', domain: 31337 }),
      await startTestChain({ kind: 'cosmwasm', domain: 7001, node: 'embedded' }),
    ]
    await connectChains(chains, { validators, threshold: THRESHOLD })
  })
  afterAll(() => Promise.all(chains.map((chain) => chain.stop())))

  test('each side trusts the other’s validators', async () => {
    const [evm, cosmwasm] = chains
    if (!evm || !cosmwasm) throw new Error('two chains')
    await expectTrustBothWays(evm, cosmwasm)
  })
})

describe('CosmWasm ↔ CosmWasm (embedded)', () => {
  let chains: TestChain[] = []
  beforeAll(async () => {
    chains = await Promise.all(
      [7001, 7002].map((domain) => startTestChain({ kind: 'cosmwasm', domain, node: 'embedded' })),
    )
    await connectChains(chains, { validators, threshold: THRESHOLD })
  })
  afterAll(() => Promise.all(chains.map((chain) => chain.stop())))

  test('each side trusts the other’s validators', async () => {
    const [a, b] = chains
    if (!a || !b) throw new Error('two chains')
    await expectTrustBothWays(a, b)
  })
})

describe('interchain accounts and HTLCs (EVM ↔ EVM ↔ CosmWasm)', () => {
  let chains: TestChain[] = []
  beforeAll(async () => {
    chains = [
      await startTestChain({ kind: 'evm', domain: 31337, interchainAccounts: true, htlc: true }),
      await startTestChain({ kind: 'evm', domain: 31338, interchainAccounts: true, htlc: true }),
      await startTestChain({
        kind: 'cosmwasm',
        domain: 7001,
        node: 'embedded',
        interchainAccounts: true,
        htlc: true,
      }),
    ]
    await connectChains(chains, { validators, threshold: THRESHOLD })
  })
  afterAll(() => Promise.all(chains.map((chain) => chain.stop())))

  /** The peer `app` on `local` names for `remote`'s domain (both apps are Ferry apps). */
  async function peerOf(local: TestChain, app: string, remote: TestChain) {
    if (local.kind === 'cosmwasm')
      return (
        (await local.executor.query(app, { peer: { domain: remote.domain } })) as {
          peer: string | null
        }
      ).peer
    return local.client.readContract({
      // CAST: an EVM chain's apps are addresses
      address: app as Address,
      abi: interchainAccountRouterAbi,
      functionName: 'peers',
      args: [remote.domain],
    })
  }

  test('every router takes every other chain’s router as its peer', async () => {
    for (const local of chains)
      for (const remote of chains.filter((chain) => chain !== local)) {
        const peer = await peerOf(local, local.apps.interchainAccounts?.router ?? '', remote)
        expect(peer).toBe(addressToBytes32(remote.apps.interchainAccounts?.router ?? ''))
      }
  })

  test('every HTLC takes every other chain’s HTLC as its peer', async () => {
    for (const local of chains)
      for (const remote of chains.filter((chain) => chain !== local)) {
        const peer = await peerOf(local, local.apps.htlc ?? '', remote)
        expect(peer).toBe(addressToBytes32(remote.apps.htlc ?? ''))
      }
  })

  test('a remote call EVM → EVM increments the counter through the caller’s account', async () => {
    const [a, b] = chains
    if (a?.kind !== 'evm' || b?.kind !== 'evm') throw new Error('two EVM chains')
    const [routerA, target] = [a.apps.interchainAccounts?.router, b.apps.interchainAccounts?.target]
    if (!routerA || !target) throw new Error('interchain accounts deployed')
    const calls = [
      {
        target: evmAddressToBytes32(target),
        value: 0n,
        data: encodeFunctionData({
          abi: remoteCallTargetAbi,
          functionName: 'increment',
          args: [5n],
        }),
      },
    ]
    const fee = await a.client.readContract({
      address: routerA,
      abi: interchainAccountRouterAbi,
      functionName: 'quoteCallRemote',
      args: [b.domain, calls, 300_000, 0],
    })
    const hash = await a.wallet.writeContract({
      address: routerA,
      abi: interchainAccountRouterAbi,
      functionName: 'callRemote',
      args: [b.domain, calls, 300_000, 0, 0n],
      value: fee,
      account: a.wallet.account ?? null,
      chain: a.wallet.chain,
    })
    expect((await a.client.waitForTransactionReceipt({ hash })).status).toBe('success')
    const { delivered } = await relayMessages({
      origin: a,
      destination: b,
      validatorKeys: testValidatorKeys(a.domain).slice(0, THRESHOLD),
    })
    expect(delivered.map(({ status }) => status)).toEqual([MessageStatus.Executed])
    expect(decodeRemoteResults(delivered[0]?.result ?? '0x')).toEqual([
      encodeAbiParameters([{ type: 'uint256' }], [5n]),
    ])
  })
})

describe('gateways and token bridges (EVM ↔ EVM ↔ EVM)', () => {
  let chains: EvmTestChain[] = []
  beforeAll(async () => {
    chains = await Promise.all([
      startTestChain({
        kind: 'evm',
        domain: 31337,
        gateway: true,
        tokenBridge: { kind: 'collateral' },
      }),
      startTestChain({
        kind: 'evm',
        domain: 31338,
        gateway: true,
        tokenBridge: { kind: 'synthetic', decimals: 6 },
      }),
      startTestChain({
        kind: 'evm',
        domain: 31339,
        tokenBridge: { kind: 'synthetic', decimals: 8 },
      }),
    ])
    await connectChains(chains, { validators, threshold: THRESHOLD })
  })
  afterAll(() => Promise.all(chains.map((chain) => chain.stop())))

  test('the gateways map each other’s domain to eip155:<domain> and peer each other', async () => {
    const [a, b] = chains
    if (!a?.apps.gateway || !b?.apps.gateway) throw new Error('two gateways')
    const read = (chain: EvmTestChain, functionName: 'chainOf' | 'peers', domain: number) =>
      chain.client.readContract({
        // CAST: checked above that both chains deployed a gateway
        address: chain.apps.gateway as Address,
        abi: ferryGatewayAbi,
        functionName,
        args: [domain],
      })
    expect(await read(a, 'chainOf', b.domain)).toBe('0x00010000027a6a00') // eip155:31338
    expect(await read(b, 'chainOf', a.domain)).toBe('0x00010000027a6900') // eip155:31337
    expect(await read(a, 'peers', b.domain)).toBe(evmAddressToBytes32(b.apps.gateway))
    expect(await read(b, 'peers', a.domain)).toBe(evmAddressToBytes32(a.apps.gateway))
    // The third chain has no gateway: none is peered to it.
    expect(await read(a, 'chainOf', 31339)).toBe('0x')
  })

  test('the lock bridge routes to each mint bridge with its decimals; mint bridges not to each other', async () => {
    const [a, b, c] = chains
    const [lock, mintB, mintC] = [a, b, c].map((chain) => chain?.apps.tokenBridge)
    if (!a || !b || !c || !lock || !mintB || !mintC) throw new Error('three bridges')
    expect([lock.kind, lock.decimals, mintB.kind, mintB.decimals]).toEqual([
      'collateral',
      18,
      'synthetic',
      6,
    ])
    const route = (chain: EvmTestChain, bridge: Address, domain: number) =>
      chain.client.readContract({
        address: bridge,
        abi: collateralTokenBridgeAbi,
        functionName: 'routeOf',
        args: [domain],
      })
    expect(await route(a, lock.bridge, b.domain)).toMatchObject({
      enabled: true,
      remoteDecimals: 6,
    })
    expect(await route(a, lock.bridge, c.domain)).toMatchObject({
      enabled: true,
      remoteDecimals: 8,
    })
    expect(await route(b, mintB.bridge, a.domain)).toMatchObject({
      enabled: true,
      remoteDecimals: 18,
    })
    expect((await route(b, mintB.bridge, c.domain)).enabled).toBe(false)
    expect(
      await b.client.readContract({
        address: mintB.bridge,
        abi: syntheticTokenBridgeAbi,
        functionName: 'token',
      }),
    ).toBe(mintB.token)
  })

  test('a transfer locks on the collateral side and mints the scaled amount; the dust stays', async () => {
    const [a, b] = chains
    const [lock, mint] = [a?.apps.tokenBridge, b?.apps.tokenBridge]
    const account = a?.wallet.account
    if (!a || !b || !lock || !mint || !account) throw new Error('two bridges')
    const write = async (hash: Promise<`0x${string}`>) =>
      expect((await a.client.waitForTransactionReceipt({ hash: await hash })).status).toBe(
        'success',
      )
    const amount = 1_234_567_891n * 10n ** 9n // 1.234567891 tokens: 6 decimals keep 1.234567
    await write(
      a.wallet.writeContract({
        address: lock.token,
        abi: ozTestTokenAbi,
        functionName: 'mint',
        args: [account.address, amount],
        account,
        chain: a.wallet.chain,
      }),
    )
    await write(
      a.wallet.writeContract({
        address: lock.token,
        abi: ozTestTokenAbi,
        functionName: 'approve',
        args: [lock.bridge, amount],
        account,
        chain: a.wallet.chain,
      }),
    )
    const [fee] = await a.client.readContract({
      address: lock.bridge,
      abi: collateralTokenBridgeAbi,
      functionName: 'quoteTransfer',
      args: [b.domain, amount],
    })
    await write(
      a.wallet.writeContract({
        address: lock.bridge,
        abi: collateralTokenBridgeAbi,
        functionName: 'transferRemote',
        args: [b.domain, evmAddressToBytes32(account.address), amount],
        value: fee,
        account,
        chain: a.wallet.chain,
      }),
    )
    const { delivered } = await relayMessages({
      origin: a,
      destination: b,
      validatorKeys: testValidatorKeys(a.domain).slice(0, THRESHOLD),
    })
    expect(delivered.map(({ status }) => status)).toEqual([MessageStatus.Executed])
    const balanceOf = (chain: EvmTestChain, token: Address) =>
      chain.client.readContract({
        address: token,
        abi: ozTestTokenAbi,
        functionName: 'balanceOf',
        args: [account.address],
      })
    expect(await balanceOf(b, mint.token)).toBe(1_234_567n)
    expect(await balanceOf(a, lock.token)).toBe(891n * 10n ** 9n)
  })
})

import { testRecipientHandled } from '@ferry/cosmwasm-bindings/testing'
import { testRecipientAbi } from '@ferry/evm-contracts'
import { bech32ToBytes32, evmAddressToBytes32, MessageStatus } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createFerryClient } from '../client/createFerryClient.js'
import { defineFerryChain } from '../client/defineFerryChain.js'
import { EndpointRevertedError } from '../errors/EndpointRevertedError.js'
import { InvalidRecipientError } from '../errors/InvalidRecipientError.js'
import { MaxFeeExceededError } from '../errors/MaxFeeExceededError.js'
import { MissingSignerError } from '../errors/MissingSignerError.js'
import { startWorld, type World } from '../test/world.js'
import { quote } from './quote.js'
import { send } from './send.js'

let world: World
beforeAll(async () => {
  world = await startWorld()
})
afterAll(() => world?.stop())

const body = '0x68656c6c6f' as const

describe('send', () => {
  test('EVM → EVM: the message decoded as sent is the one the destination executes', async () => {
    const { client, evmA, evmB } = world
    const recipient = evmB.apps.testRecipients[0] ?? '0x'
    const { fee } = await quote(client, { from: 'evm-a', to: 'evm-b', body, gasLimit: 200_000 })
    const sent = await send(client, {
      from: 'evm-a',
      to: 'evm-b',
      recipient,
      body,
      gasLimit: 200_000,
    })
    expect(sent.chain).toBe('evm-a')
    expect(sent.feePaid).toBe(fee)
    expect(sent.message).toMatchObject({
      origin: 31337,
      destination: 31338,
      sender: evmAddressToBytes32(evmA.wallet.account?.address ?? '0x'),
      recipient: evmAddressToBytes32(recipient),
      nonce: 1n,
      gasLimit: 200_000,
      ackGasLimit: 0,
      deadline: 0n,
      body,
    })
    expect(await world.relay(client.chain('evm-a'), client.chain('evm-b'))).toEqual([
      { id: sent.id, status: MessageStatus.Executed },
    ])
    const read = (functionName: 'lastBody' | 'lastNonce' | 'lastSender') =>
      evmB.client.readContract({ address: recipient, abi: testRecipientAbi, functionName })
    expect(await read('lastBody')).toBe(body)
    expect(await read('lastNonce')).toBe(sent.message.nonce)
    expect(await read('lastSender')).toBe(sent.message.sender)
  })

  test('EVM → CosmWasm: a bech32 recipient; the CosmWasm test recipient handles the body', async () => {
    const { client, wasm } = world
    const recipient = wasm.apps.testRecipients[0] ?? ''
    const sent = await send(client, {
      from: 'evm-a',
      to: 'wasm',
      recipient,
      body,
      gasLimit: 300_000,
      maxFee: 10n ** 18n,
    })
    expect(sent.message.recipient).toBe(bech32ToBytes32(recipient))
    expect(sent.message.destination).toBe(7001)
    expect(await world.relay(client.chain('evm-a'), client.chain('wasm'))).toEqual([
      { id: sent.id, status: MessageStatus.Executed },
    ])
    const handled = await testRecipientHandled(wasm.executor, { app: recipient })
    expect(handled).toEqual({ count: 1, last: 'hello' })
  })

  test('CosmWasm → EVM: sent with the executor, paid in the endpoint denom, executed on EVM', async () => {
    const { client, evmA } = world
    const recipient = evmA.apps.testRecipients[0] ?? '0x'
    const { fee, denom } = await quote(client, {
      from: 'wasm',
      to: 'evm-a',
      body,
      gasLimit: 200_000,
    })
    expect(denom).toBe('ustake')
    const sent = await send(client, { from: 'wasm', to: 31337, recipient, body, gasLimit: 200_000 })
    expect(sent.feePaid).toBe(fee)
    expect(sent.message).toMatchObject({ origin: 7001, destination: 31337, body })
    expect(await world.relay(client.chain('wasm'), client.chain('evm-a'))).toEqual([
      { id: sent.id, status: MessageStatus.Executed },
    ])
    expect(
      await evmA.client.readContract({
        address: recipient,
        abi: testRecipientAbi,
        functionName: 'lastSender',
      }),
    ).toBe(sent.message.sender)
  })

  test('pays maxFee when given and the endpoint refunds the excess: feePaid is the quote', async () => {
    const { client, evmB } = world
    const { fee } = await quote(client, {
      from: 'evm-a',
      to: 'evm-b',
      bodySize: 5,
      gasLimit: 100_000,
    })
    const sent = await send(client, {
      from: 'evm-a',
      to: 'evm-b',
      recipient: evmB.apps.testRecipients[0] ?? '0x',
      body,
      gasLimit: 100_000,
      maxFee: fee * 3n,
    })
    expect(sent.feePaid).toBe(fee)
  })

  test('a quote above maxFee is refused before signing, with the fee to pay as recovery', async () => {
    const { client, evmB } = world
    const error = await send(client, {
      from: 'evm-a',
      to: 'evm-b',
      recipient: evmB.apps.testRecipients[0] ?? '0x',
      body,
      gasLimit: 100_000,
      maxFee: 1n,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MaxFeeExceededError)
    if (!(error instanceof MaxFeeExceededError)) return
    expect(error.code).toBe('max_fee_exceeded')
    expect(error.maxFee).toBe(1n)
    expect(error.fee).toBeGreaterThan(1n)
    expect(error.recovery).toEqual({ action: 'payMore', fee: error.fee })
    expect(error.retryable).toBe(false)
  })

  test.each([
    ['a bech32 address to an EVM chain', 'evm-b', 'wasm1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq'],
    ['an EVM address to a CosmWasm chain', 'wasm', '0x5FbDB2315678afecb367f032d93F642f64180aa3'],
    ['32 bytes not left-padded to an EVM chain', 'evm-b', `0x${'11'.repeat(32)}`],
    ['a bad EIP-55 checksum', 'evm-b', '0x5fbDB2315678afecb367f032d93F642f64180aa3'],
    ['another chain’s bech32 prefix', 'wasm', 'osmo1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu'],
  ] as const)('refuses %s as InvalidRecipientError', async (_, to, recipient) => {
    const error = await send(world.client, {
      from: 'evm-a',
      to,
      recipient,
      body,
      gasLimit: 100_000,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidRecipientError)
    if (!(error instanceof InvalidRecipientError)) return
    expect(error).toMatchObject({ code: 'invalid_recipient', recipient, destination: to })
  })

  test('a value below the fee is the endpoint’s fee_too_low, on each kind, with the fee as recovery', async () => {
    const { client, evmA, evmB } = world
    for (const [from, to, recipient] of [
      ['evm-a', 'evm-b', evmB.apps.testRecipients[0] ?? '0x'],
      ['wasm', 'evm-a', evmA.apps.testRecipients[0] ?? '0x'],
    ] as const) {
      const { fee } = await quote(client, { from, to, body, gasLimit: 100_000 })
      const error = await send(client, {
        from,
        to,
        recipient,
        body,
        gasLimit: 100_000,
        value: 1n,
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(EndpointRevertedError)
      if (!(error instanceof EndpointRevertedError)) return
      expect(error).toMatchObject({
        code: 'endpoint_reverted',
        reason: 'fee_too_low',
        errorName: from === 'wasm' ? 'fee_too_low' : 'EndpointFeeTooLow',
        chain: from,
        retryable: true,
        recovery: { action: 'payMore', fee },
      })
    }
  })

  test('a gas limit above the destination’s maximum is the endpoint’s gas_limit_too_high', async () => {
    const error = await send(world.client, {
      from: 'evm-a',
      to: 'evm-b',
      recipient: world.evmB.apps.testRecipients[0] ?? '0x',
      body,
      gasLimit: 2 ** 32 - 1,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EndpointRevertedError)
    expect(error).toMatchObject({
      reason: 'gas_limit_too_high',
      errorName: 'EndpointGasLimitTooHigh',
    })
  })

  test('a chain without a signer is a MissingSignerError naming what to configure', async () => {
    const { evmA, evmB, wasm } = world
    const client = createFerryClient({
      chains: [
        defineFerryChain({
          kind: 'evm',
          name: 'keyless',
          domain: evmA.domain,
          endpoint: evmA.endpoint,
          publicClient: evmA.client,
        }),
        defineFerryChain({
          kind: 'cosmwasm',
          name: 'wasm',
          domain: wasm.domain,
          endpoint: wasm.endpoint,
          bech32Prefix: 'wasm',
          source: world.client.chain('wasm').source,
        }),
        world.client.chains[1],
      ],
    })
    for (const [from, configure] of [
      ['keyless', 'walletClient'],
      ['wasm', 'executor'],
    ] as const) {
      const error = await send(client, {
        from,
        to: 'evm-b',
        recipient: evmB.apps.testRecipients[0] ?? '0x',
        body,
        gasLimit: 100_000,
      }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(MissingSignerError)
      expect(error).toMatchObject({
        code: 'missing_signer',
        chain: from,
        configure,
        action: 'send',
      })
    }
  })
})

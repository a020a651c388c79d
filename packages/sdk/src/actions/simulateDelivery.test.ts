import { endpointAbi, faultyRecipientAbi, faultyRecipientBytecode } from '@ferry/evm-contracts'
import { MessageStatus } from '@ferry/protocol'
import { TEST_COSMWASM_ACCOUNTS } from '@ferry/testkit'
import { type Address, encodeAbiParameters, type Hex, toFunctionSelector } from 'viem'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { AlreadyDeliveredError } from '../errors/AlreadyDeliveredError.js'
import { InvalidMessageIdError } from '../errors/InvalidMessageIdError.js'
import { SimulationUnsupportedError } from '../errors/SimulationUnsupportedError.js'
import { startWorld, type World } from '../test/world.js'
import { retryMessage } from './retryMessage.js'
import { send } from './send.js'
import { type SimulateDeliveryParameters, simulateDelivery } from './simulateDelivery.js'

let world: World
let faulty: Address
beforeAll(async () => {
  world = await startWorld()
  const { evmB } = world
  const hash = await evmB.wallet.deployContract({
    abi: faultyRecipientAbi,
    bytecode: faultyRecipientBytecode,
    account: evmB.wallet.account ?? null,
    chain: evmB.wallet.chain,
  })
  const receipt = await evmB.client.waitForTransactionReceipt({ hash })
  faulty = receipt.contractAddress ?? '0x'
})
afterAll(() => world?.stop())

/** FaultyRecipient's `Fault` values: how its handler ends. */
const Fault = { None: 0, ErrorString: 1, Panic: 2, CustomError: 3, Work: 4, Nested: 5 } as const

const body = (fault: number, arg: bigint) =>
  encodeAbiParameters([{ type: 'uint8' }, { type: 'uint256' }], [fault, arg])

/** Sends from evm-a to evm-b; returns the message and its real proof. */
async function sendToB(parameters: {
  recipient: Address
  body?: Hex
  gasLimit?: number
  deadline?: bigint
}) {
  const { client } = world
  const sent = await send(client, {
    from: 'evm-a',
    to: 'evm-b',
    body: '0x',
    gasLimit: 200_000,
    ...parameters,
  })
  const event = (await client.reader(client.chain('evm-a')).getSentMessages(0n, 10_000n)).find(
    ({ id }) => id === sent.id,
  )
  if (!event) throw new Error('sent message not found')
  const [proof] = await world.prove(client.chain('evm-a'), [event])
  return { sent, proof: proof ?? '0x' }
}

/** Delivers everything evm-a sent evm-b, so that each test starts with open channels. */
const relayAll = () => world.relay(world.client.chain('evm-a'), world.client.chain('evm-b'))
afterEach(relayAll)

const simulate = (id: Hex, options: Omit<SimulateDeliveryParameters, 'id' | 'origin'> = {}) =>
  simulateDelivery(world.client, { id, origin: 'evm-a', ...options })

describe('simulateDelivery on EVM', () => {
  test('would_succeed: the handler returns, with the gas it used under its limit', async () => {
    const { sent, proof } = await sendToB({ recipient: faulty, body: body(Fault.None, 0n) })
    const simulation = await simulate(sent.id, { proof })
    expect(simulation).toMatchObject({
      id: sent.id,
      chain: 'evm-b',
      call: 'deliver',
      gasLimit: 200_000,
      verdict: 'would_succeed',
      description: 'The delivery would succeed.',
      revert: undefined,
      frame: undefined,
    })
    expect(simulation.gasUsed).toBeGreaterThan(0)
    expect(simulation.gasUsed).toBeLessThan(200_000)
    expect(await relayAll()).toEqual([{ id: sent.id, status: MessageStatus.Executed }])
    // Delivered: there is nothing left to run.
    await expect(simulate(sent.id, { proof })).rejects.toBeInstanceOf(AlreadyDeliveredError)
  })

  test('handler_reverted: Error(string), decoded, in the handler frame', async () => {
    const { sent, proof } = await sendToB({ recipient: faulty, body: body(Fault.ErrorString, 0n) })
    expect(await simulate(sent.id, { proof })).toMatchObject({
      verdict: 'handler_reverted',
      revert: { kind: 'error', message: 'FaultyRecipient: refused' },
      frame: {
        contract: faulty.toLowerCase(),
        selector: toFunctionSelector('handle(uint32,bytes32,uint64,bytes)'),
        functionName: 'handle',
        depth: 1,
      },
    })
  })

  test('handler_reverted: Panic(code), with what the code means', async () => {
    const { sent, proof } = await sendToB({ recipient: faulty, body: body(Fault.Panic, 0n) })
    expect(await simulate(sent.id, { proof })).toMatchObject({
      verdict: 'handler_reverted',
      revert: { kind: 'panic', code: 0x12, description: 'division or modulo by zero' },
    })
  })

  test('handler_reverted: a custom error by name and arguments from the ABI registered for the recipient', async () => {
    const { sent, proof } = await sendToB({ recipient: faulty, body: body(Fault.CustomError, 7n) })
    const unknown = await simulate(sent.id, { proof })
    expect(unknown.revert).toMatchObject({
      kind: 'unknown',
      selector: expect.stringMatching(/^0x[0-9a-f]{8}$/),
    })
    expect(
      await simulate(sent.id, { proof, abis: { [faulty]: faultyRecipientAbi } }),
    ).toMatchObject({
      verdict: 'handler_reverted',
      revert: {
        kind: 'custom',
        name: 'FaultyRecipientRefused',
        args: { nonce: sent.message.nonce, code: 7n },
      },
    })
  })

  test('the failing frame is the deepest failed call, named from the registered ABI', async () => {
    const { sent, proof } = await sendToB({ recipient: faulty, body: body(Fault.Nested, 3n) })
    expect(
      await simulate(sent.id, { proof, abis: { [faulty]: faultyRecipientAbi } }),
    ).toMatchObject({
      verdict: 'handler_reverted',
      revert: { kind: 'custom', name: 'FaultyRecipientRefused', args: { code: 3n } },
      frame: { contract: faulty.toLowerCase(), functionName: 'refuse', depth: 2 },
    })
  })

  test('handler_out_of_gas: the smallest gas limit that succeeds, exactly, and the same verdict replayed after the delivery', async () => {
    const { client } = world
    const { sent, proof } = await sendToB({
      recipient: faulty,
      body: body(Fault.Work, 300n),
      gasLimit: 50_000,
    })
    const before = await simulate(sent.id, { proof })
    expect(before).toMatchObject({
      call: 'deliver',
      verdict: 'handler_out_of_gas',
      gasUsed: 50_000,
    })
    expect(before.recovery).toMatchObject({ action: 'retryMessage' })
    const minimum = before.recovery?.action === 'retryMessage' ? before.recovery.gasLimit : 0
    expect(minimum).toBeGreaterThan(50_000)

    expect(await relayAll()).toEqual([{ id: sent.id, status: MessageStatus.Failed }])
    const delivered = await client.reader(client.chain('evm-b')).getHead()
    // At the state the delivery met: the same verdict, the same answer.
    expect(await simulate(sent.id, { proof, block: delivered.number - 1n })).toEqual({
      ...before,
      block: delivered.number - 1n,
    })
    // Failed now: the retry is what is run, with the same finding.
    const failed = await simulate(sent.id)
    expect(failed).toMatchObject({
      call: 'retry',
      verdict: 'handler_out_of_gas',
      recovery: before.recovery,
    })
    expect(await simulate(sent.id, { gasLimit: minimum })).toMatchObject({
      verdict: 'would_succeed',
    })

    // The search's answer is the edge: one gas less fails again, the minimum executes.
    expect(await retryMessage(client, { message: sent, gasLimit: minimum - 1 })).toMatchObject({
      status: MessageStatus.Failed,
    })
    expect(await retryMessage(client, { message: sent, gasLimit: minimum })).toMatchObject({
      status: MessageStatus.Executed,
    })
  })

  test('retry_gas_limit_too_low: a retry below the message’s own gas limit, refused by the endpoint', async () => {
    const { sent } = await sendToB({
      recipient: faulty,
      body: body(Fault.Work, 300n),
      gasLimit: 50_000,
    })
    await relayAll()
    expect(await simulate(sent.id, { gasLimit: 49_999 })).toMatchObject({
      call: 'retry',
      verdict: 'retry_gas_limit_too_low',
      revert: { kind: 'custom', name: 'EndpointRetryGasLimitTooLow' },
      frame: { depth: 0, functionName: 'retry' },
    })
  })

  test('recipient_not_contract: an account without code, the endpoint itself, and a contract without a handler', async () => {
    const { evmB } = world
    const account = await sendToB({ recipient: '0x000000000000000000000000000000000000dEaD' })
    expect(await simulate(account.sent.id, { proof: account.proof })).toMatchObject({
      verdict: 'recipient_not_contract',
      gasUsed: undefined,
    })
    const endpoint = await sendToB({ recipient: evmB.endpoint })
    expect(await simulate(endpoint.sent.id, { proof: endpoint.proof })).toMatchObject({
      verdict: 'recipient_not_contract',
      frame: undefined,
    })
    const verifier = await sendToB({ recipient: evmB.verifier })
    expect(await simulate(verifier.sent.id, { proof: verifier.proof })).toMatchObject({
      verdict: 'recipient_not_contract',
      revert: undefined,
      frame: { contract: evmB.verifier.toLowerCase(), depth: 1 },
    })
  })

  test('nonce_out_of_order: the channel is blocked by the nonce it waits for', async () => {
    const first = await sendToB({ recipient: faulty, body: body(Fault.None, 0n) })
    const second = await sendToB({ recipient: faulty, body: body(Fault.None, 0n) })
    expect(await simulate(second.sent.id, { proof: second.proof })).toMatchObject({
      verdict: 'nonce_out_of_order',
      blockedBy: { nonce: first.sent.message.nonce },
      recovery: { action: 'relayMessage' },
      revert: { kind: 'custom', name: 'EndpointNonceOutOfOrder' },
    })
  })

  test('proof checks: a malformed proof and another message’s proof, each named', async () => {
    const other = await sendToB({ recipient: faulty, body: body(Fault.None, 1n) })
    await relayAll()
    const { sent } = await sendToB({ recipient: faulty, body: body(Fault.None, 2n) })
    expect(await simulate(sent.id, { proof: '0x' })).toMatchObject({
      verdict: 'malformed_proof',
      revert: { kind: 'custom', name: 'MultisigVerifierMalformedProof' },
      frame: { contract: world.evmB.verifier.toLowerCase(), functionName: 'verify', depth: 1 },
    })
    // The other message's branch proves another leaf: its signers recover as strangers.
    expect(await simulate(sent.id, { proof: other.proof })).toMatchObject({
      verdict: 'signer_not_validator',
      revert: { kind: 'custom', name: 'MultisigVerifierSignerNotValidator' },
    })
  })

  test('paused: the destination endpoint is paused', async () => {
    const { evmB } = world
    const { sent, proof } = await sendToB({ recipient: faulty, body: body(Fault.None, 0n) })
    const setPaused = async (functionName: 'pause' | 'unpause') =>
      evmB.client.waitForTransactionReceipt({
        hash: await evmB.wallet.writeContract({
          address: evmB.endpoint,
          abi: endpointAbi,
          functionName,
          account: evmB.wallet.account ?? null,
          chain: evmB.wallet.chain,
        }),
      })
    await setPaused('pause')
    try {
      expect(await simulate(sent.id, { proof })).toMatchObject({
        verdict: 'paused',
        revert: { kind: 'custom', name: 'EnforcedPause' },
      })
    } finally {
      await setPaused('unpause')
    }
  })

  test('with the encoded message and a proof thunk, nothing is looked up, and the thunk is asked only to deliver', async () => {
    const { sent, proof } = await sendToB({
      recipient: faulty,
      body: body(Fault.Work, 300n),
      gasLimit: 50_000,
    })
    let asked = 0
    const thunk = async () => {
      asked += 1
      return proof
    }
    const options = { id: sent.id, encoded: sent.encoded, proof: thunk }
    expect(await simulateDelivery(world.client, options)).toMatchObject({ call: 'deliver' })
    expect(asked).toBe(1)
    await relayAll()
    expect(await simulateDelivery(world.client, options)).toMatchObject({ call: 'retry' })
    expect(asked).toBe(1)
    const other = await simulateDelivery(world.client, {
      ...options,
      id: `0x${'11'.repeat(32)}`,
    }).catch((e: unknown) => e)
    expect(other).toBeInstanceOf(InvalidMessageIdError)
    expect(other).toMatchObject({ code: 'invalid_message_id', actual: sent.id })
  })

  test('a CosmWasm destination is refused by name, before anything runs', async () => {
    const sent = await send(world.client, {
      from: 'evm-a',
      to: 'wasm',
      recipient: TEST_COSMWASM_ACCOUNTS.user,
      body: '0x01',
      gasLimit: 100_000,
    })
    const error = await simulate(sent.id).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SimulationUnsupportedError)
    expect(error).toMatchObject({ code: 'simulation_unsupported', chain: 'wasm', kind: 'cosmwasm' })
  })

  // Last: it moves the node's clock forward.
  test('deadline_passed: a delivery past the deadline times out instead of running the handler', async () => {
    const { evmB } = world
    const head = await evmB.client.getBlock()
    const { sent, proof } = await sendToB({
      recipient: faulty,
      body: body(Fault.None, 0n),
      deadline: head.timestamp + 600n,
    })
    expect(await simulate(sent.id, { proof })).toMatchObject({ verdict: 'would_succeed' })
    await evmB.client.request({
      method: 'evm_increaseTime' as 'eth_chainId',
      params: [3_600] as never,
    })
    await evmB.client.request({ method: 'evm_mine' as 'eth_chainId' })
    expect(await simulate(sent.id, { proof })).toMatchObject({
      verdict: 'deadline_passed',
      recovery: { action: 'timeoutMessage' },
    })
  })
})

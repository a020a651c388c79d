// Deliveries with real proofs on a wasmd localnet: the vector validators sign checkpoints of a
// fake origin (the bindings' harness, `Origin`), a relayer delivers through the typed client over
// cosmjs's SigningCosmWasmClient, and wasmd runs the test recipient's handler as a sub-message.
// One localnet for the whole file; the tests run in order and share its state.
import { readFileSync } from 'node:fs'
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import type { EndpointEvent } from '@ferry/cosmwasm-bindings'
import {
  createEndpointClient,
  type EndpointClient,
  fromSigningClient,
  RetryGasLimitTooLowError,
  type SigningClientLike,
  ThresholdNotMetError,
} from '@ferry/cosmwasm-bindings'
import { ORIGIN, ORIGIN_ENDPOINT, Origin, wasmPath } from '@ferry/cosmwasm-bindings/harness'
import { decodeMessage, getChannelKey, MessageStatus } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWasmdLocalnet, type WasmdLocalnet } from '../../src/nodes/startWasmdLocalnet.ts'

const LOCAL = 7001
// The spec's vector validators sign the checkpoints of the simulated origin.
const VALIDATORS = checkpointsVectors.validators

const delivered = (events: readonly EndpointEvent[]) =>
  events.flatMap((e) => (e.type === 'messageDelivered' ? [e] : []))

describe('deliveries on a wasmd localnet', () => {
  let chain: WasmdLocalnet
  let client: SigningCosmWasmClient
  let sender: string
  let recipient: string
  let endpoint: EndpointClient
  let origin: Origin
  /** The gas wasmd charged for the last transaction the typed client executed. */
  let lastGasUsed = 0n
  const gas: Record<string, bigint> = {}

  /** Configures ORIGIN with the first `count` vector validators, threshold `count`. */
  const setOrigin = (count: number) =>
    endpoint.setOrigin({
      origin: ORIGIN,
      originEndpoint: ORIGIN_ENDPOINT,
      validators: VALIDATORS.slice(0, count).map((v) => v.address),
      threshold: count,
    })
  const setFlaky = (on: boolean) => client.execute(sender, recipient, { set_flaky: { on } }, 'auto')

  beforeAll(async () => {
    const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: 'wasm' })
    const [account] = await wallet.getAccounts()
    sender = account!.address
    chain = await startWasmdLocalnet({ accounts: [sender] })
    client = await SigningCosmWasmClient.connectWithSigner(chain.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString(`0${chain.denom}`),
      // cosmjs polls for inclusion every 3 s by default; blocks here come every 200 ms.
      broadcastPollIntervalMs: 100,
    })
    const upload = async (name: string) =>
      (await client.upload(sender, readFileSync(wasmPath(name)), 'auto')).codeId
    const endpointCode = await upload('endpoint')
    const recipientCode = await upload('test-recipient')
    const { contractAddress } = await client.instantiate(
      sender,
      endpointCode,
      { local_domain: LOCAL, owner: sender, denom: chain.denom },
      'ferry endpoint',
      'auto',
    )
    ;({ contractAddress: recipient } = await client.instantiate(
      sender,
      recipientCode,
      {},
      'test recipient',
      'auto',
    ))
    // The typed client over cosmjs, with a tap on `execute` for the gas wasmd charged.
    const tapped: SigningClientLike = {
      execute: async (...args) => {
        const result = await client.execute(...args)
        lastGasUsed = result.gasUsed
        return result
      },
      queryContractSmart: (address, query) => client.queryContractSmart(address, query),
    }
    endpoint = createEndpointClient(
      fromSigningClient(tapped, sender, { fee: 1.5 }),
      contractAddress,
    )
    origin = new Origin(LOCAL, VALIDATORS)
  }, 900_000)

  afterAll(async () => {
    client?.disconnect()
    await chain?.stop()
    if (Object.keys(gas).length > 0)
      console.info(
        'wasmd gas:',
        Object.entries(gas)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      )
  })

  it.each([1, 3, 5])('delivers with %i signature(s), = threshold → Executed', async (count) => {
    await setOrigin(count)
    const message = origin.send(recipient, `ok:k${count}`)
    const { events } = await endpoint.deliver({
      message,
      proof: await origin.prove(message, count),
    })
    gas[`deliver ${count} sig`] = lastGasUsed
    const [event] = delivered(events)
    expect(event).toMatchObject({ origin: ORIGIN, status: MessageStatus.Executed })
    expect(Buffer.from(event!.result.slice(2), 'hex').toString()).toBe(`k${count}`)
    expect(await endpoint.messageStatus({ message })).toBe(MessageStatus.Executed)
    expect(await client.queryContractSmart(recipient, { handled: {} })).toMatchObject({
      last: `ok:k${count}`,
    })
  })

  it('delivers a batch under one checkpoint, signatures on the first proof only', async () => {
    await setOrigin(3)
    const messages = ['ok:b1', 'ok:b2', 'ok:b3'].map((body) => origin.send(recipient, body))
    const proofs = await Promise.all(messages.map((m, i) => origin.prove(m, i === 0 ? 3 : 0)))
    const { events } = await endpoint.deliverBatch({ messages, proofs })
    expect(delivered(events).map((e) => [e.status, e.nonce])).toEqual([
      [MessageStatus.Executed, 4n],
      [MessageStatus.Executed, 5n],
      [MessageStatus.Executed, 6n],
    ])
    for (const message of messages)
      expect(await endpoint.messageStatus({ message })).toBe(MessageStatus.Executed)
  })

  it('a failing recipient → Failed, the channel moves on; retry → Executed', async () => {
    await setFlaky(true)
    const first = origin.send(recipient, 'flaky')
    const second = origin.send(recipient, 'ok:next')
    const failed = await endpoint.deliver({ message: first, proof: await origin.prove(first) })
    // wasmd redacts a sub-message's error text, so only the status is asserted.
    expect(delivered(failed.events)[0]?.status).toBe(MessageStatus.Failed)
    expect(await endpoint.messageStatus({ message: first })).toBe(MessageStatus.Failed)

    await endpoint.deliver({ message: second, proof: await origin.prove(second) })
    expect(await endpoint.messageStatus({ message: second })).toBe(MessageStatus.Executed)
    const channel = getChannelKey(decodeMessage(second))
    expect(await endpoint.inboundNonce({ channel })).toBe(decodeMessage(second).nonce)

    await setFlaky(false)
    const retried = await endpoint.retry({
      message: first,
      gasLimit: decodeMessage(first).gasLimit,
    })
    const [event] = retried.events.filter((e) => e.type === 'messageRetried')
    expect(event).toMatchObject({ status: MessageStatus.Executed })
    expect(await endpoint.messageStatus({ message: first })).toBe(MessageStatus.Executed)
  })

  it('a handler out of its gas limit → Failed; retry with a larger gas limit → Executed (§7)', async () => {
    // 3,000 keccak rounds need far more than the message's 100,000 gas, far less than 20M.
    await client.execute(sender, recipient, { set_burn: { rounds: 3_000 } }, 'auto')
    const heavy = origin.send(recipient, 'burn', { gasLimit: 100_000 })
    const failed = await endpoint.deliver({ message: heavy, proof: await origin.prove(heavy) })
    expect(delivered(failed.events)[0]?.status).toBe(MessageStatus.Failed)

    // Less than the message's own gas limit is refused, through the node; the same is Failed again.
    const low = await endpoint.retry({ message: heavy, gasLimit: 99_999 }).catch((e: unknown) => e)
    expect(low).toBeInstanceOf(RetryGasLimitTooLowError)
    expect(low).toMatchObject({ gasLimit: 99_999, messageGasLimit: 100_000 })
    const same = await endpoint.retry({ message: heavy, gasLimit: 100_000 })
    expect(same.events.find((e) => e.type === 'messageRetried')).toMatchObject({
      status: MessageStatus.Failed,
    })

    const more = await endpoint.retry({ message: heavy, gasLimit: 20_000_000 })
    gas['retry with 20M'] = lastGasUsed
    expect(more.events.find((e) => e.type === 'messageRetried')).toMatchObject({
      status: MessageStatus.Executed,
    })
    expect(await endpoint.messageStatus({ message: heavy })).toBe(MessageStatus.Executed)
  })

  it('rejects a proof below the threshold with ThresholdNotMetError, through the node', async () => {
    await setOrigin(5)
    const message = origin.send(recipient, 'ok:late')
    const error = await endpoint
      .deliver({ message, proof: await origin.prove(message, 3) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ThresholdNotMetError)
    expect(error).toMatchObject({ signatures: 3, threshold: 5 })
    expect(await endpoint.messageStatus({ message })).toBe(MessageStatus.None)
    // Nothing changed on the chain: the same message goes through with a valid proof.
    await endpoint.deliver({ message, proof: await origin.prove(message, 5) })
    expect(await endpoint.messageStatus({ message })).toBe(MessageStatus.Executed)
  })
})

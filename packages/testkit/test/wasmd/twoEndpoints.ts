// Shared setup of the wasmd tests with two endpoints on one localnet (domains 7001 and 7002),
// each trusting the other's endpoint address as its origin endpoint with the vector validators
// (threshold 3), and a test recipient as the app on each side. Every message a test sends is
// recorded from the endpoint's `ferry_message_sent` events, as a relayer indexing it would, and
// proved under that endpoint's checkpoint (checked against its own merkle queries) with the
// vector validators' signatures. Call `useTwoEndpoints()` inside a `describe`: it registers the
// localnet's beforeAll/afterAll there and fills the returned object once it is up.
import { readFileSync } from 'node:fs'
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import {
  createEndpointClient,
  type EndpointClient,
  type EndpointEvent,
  fromSigningClient,
  parseEndpointEvents,
} from '@ferry/cosmwasm-bindings'
import {
  DOMAIN_A,
  DOMAIN_B,
  type ProveOptions,
  proveLeaves,
  Side,
  wasmPath,
} from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32, getMessageId, MerkleTree } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import type { Hex } from 'viem'
import { afterAll, beforeAll, expect } from 'vitest'
import { startWasmdLocalnet, type WasmdLocalnet } from '../../src/nodes/startWasmdLocalnet.ts'
import { ZERO_FEES } from '../zeroFees.ts'

export const ELSEWHERE = 7003
/** The spec's vector validators: each endpoint's validator set of the other (threshold 3). */
export const VALIDATORS = checkpointsVectors.validators

export const hexText = (text: string): Hex => `0x${Buffer.from(text, 'utf8').toString('hex')}`
export const b64Text = (hex: Hex) => Buffer.from(hex.slice(2), 'hex').toString('base64')
export const ofType = <type extends EndpointEvent['type']>(
  events: readonly EndpointEvent[],
  type: type,
): Extract<EndpointEvent, { type: type }>[] =>
  events.flatMap((e) => (e.type === type ? [e as Extract<EndpointEvent, { type: type }>] : []))

/** The rejection of `promise`; fails the test if it resolves. */
export const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeDefined()
  return error
}

/** One endpoint, its typed client, its app and the messages it sent, in its tree's order. */
export type Domain = { side: Side; endpoint: EndpointClient; app: string; messages: Hex[] }

export type TwoEndpoints = ReturnType<typeof useTwoEndpoints>

export function useTwoEndpoints() {
  const t = {
    chain: undefined as unknown as WasmdLocalnet,
    client: undefined as unknown as SigningCosmWasmClient,
    sender: '',
    a: undefined as unknown as Domain,
    b: undefined as unknown as Domain,

    /** Records the messages each endpoint sent in a transaction, as a relayer indexing it. */
    record(events: readonly EndpointEvent[]) {
      for (const event of ofType(events, 'messageSent')) {
        const domain = [t.a, t.b].find((d) => d.side.endpoint === event.contract)
        if (!domain) continue
        expect(event.leafIndex).toBe(domain.messages.length)
        domain.messages.push(event.message)
      }
      return events
    },

    /** Proves `message` (sent by `from`) under `from`'s latest checkpoint, as read on the chain. */
    async prove(from: Domain, message: Hex, options: ProveOptions = {}) {
      const leafIndex = from.messages.indexOf(message)
      expect(leafIndex).toBeGreaterThanOrEqual(0)
      const ids = from.messages.map((m) => getMessageId(m))
      expect(await from.endpoint.latestCheckpoint()).toEqual({
        root: new MerkleTree(ids).root(),
        index: ids.length - 1,
      })
      const keys =
        options.privateKeys ??
        (options.signers ?? [0, 1, 2]).map((i) => {
          const validator = VALIDATORS[i]
          if (!validator) throw new Error(`no validator ${i}`)
          return validator.privateKey
        })
      return proveLeaves(from.side, ids, leafIndex, keys)
    },

    /** Proves `message` from `from` and delivers it to `to` through the typed client. */
    async relay(from: Domain, to: Domain, message: Hex, options: ProveOptions = {}) {
      const receipt = await to.endpoint.deliver({
        message,
        proof: await t.prove(from, message, options),
      })
      t.record(receipt.events)
      return receipt
    },

    /** `from`'s app sends to `to`'s app through `from`'s endpoint (its `forward`), as itself. */
    async appSend(
      from: Domain,
      to: Domain,
      body: string,
      options: { ackGasLimit?: number; deadline?: bigint } = {},
    ) {
      const send = {
        send: {
          destination: to.side.domain,
          recipient: bech32ToBytes32(to.app),
          body: b64Text(hexText(body)),
          gas_limit: 200_000,
          ack_gas_limit: options.ackGasLimit ?? 0,
          deadline: (options.deadline ?? 0n).toString(),
        },
      }
      const msg = Buffer.from(JSON.stringify(send), 'utf8').toString('base64')
      const result = await t.client.execute(
        t.sender,
        from.app,
        { forward: { contract: from.side.endpoint, msg } },
        'auto',
      )
      const [sent, ...more] = ofType(
        t.record(parseEndpointEvents(result.events, { contract: from.side.endpoint })),
        'messageSent',
      )
      expect(more).toEqual([])
      return sent!
    },

    /** The test account sends to `to`'s app (or `destination`) through `from`'s endpoint. */
    async directSend(from: Domain, to: Domain, body: string, destination?: number) {
      const sent = await from.endpoint.send({
        destination: destination ?? to.side.domain,
        recipient: bech32ToBytes32(to.app),
        body: hexText(body),
        gasLimit: 200_000,
      })
      t.record(sent.events)
      return sent
    },

    handled(app: string) {
      return t.client.queryContractSmart(app, { handled: {} }) as Promise<{
        count: number
        last: string
      }>
    },
  }

  beforeAll(async () => {
    const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: 'wasm' })
    const [account] = await wallet.getAccounts()
    const sender = account!.address
    t.sender = sender
    const chain = await startWasmdLocalnet({ accounts: [sender] })
    t.chain = chain
    const client = await SigningCosmWasmClient.connectWithSigner(chain.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString(`0${chain.denom}`),
      // cosmjs polls for inclusion every 3 s by default; blocks here come every 200 ms.
      broadcastPollIntervalMs: 100,
    })
    t.client = client
    const upload = async (name: string) =>
      (await client.upload(sender, readFileSync(wasmPath(name)), 'auto')).codeId
    const endpointCode = await upload('endpoint')
    const recipientCode = await upload('test-recipient')
    const instantiate = async (code: number, msg: object, label: string) =>
      (await client.instantiate(sender, code, msg, label, 'auto')).contractAddress
    const domain = async (local: number): Promise<Domain> => {
      const address = await instantiate(
        endpointCode,
        { local_domain: local, owner: sender, denom: chain.denom },
        `ferry endpoint ${local}`,
      )
      return {
        side: new Side(local, address),
        endpoint: createEndpointClient(fromSigningClient(client, sender, { fee: 1.5 }), address),
        app: await instantiate(recipientCode, {}, `test recipient ${local}`),
        messages: [],
      }
    }
    t.a = await domain(DOMAIN_A)
    t.b = await domain(DOMAIN_B)
    for (const [to, from] of [
      [t.a, t.b],
      [t.b, t.a],
    ] as const) {
      for (const destination of [DOMAIN_A, DOMAIN_B, ELSEWHERE])
        await to.endpoint.setFeeConfig({ domain: destination, config: ZERO_FEES })
      await to.endpoint.setOrigin({
        origin: from.side.domain,
        originEndpoint: from.side.bytes32,
        validators: VALIDATORS.map((v) => v.address),
        threshold: 3,
      })
    }
  }, 900_000)

  afterAll(async () => {
    t.client?.disconnect()
    await t.chain?.stop()
  })

  return t
}

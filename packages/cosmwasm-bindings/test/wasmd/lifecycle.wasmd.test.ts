// Acks, deadlines, pause and adversarial deliveries on a wasmd localnet (issue 4): two endpoints
// on the same chain (domains 7001 and 7002), each trusting the other's endpoint address as its
// origin endpoint with the vector validators (threshold 3), and a test recipient as the app on
// each side. Every message delivered here was really sent by an endpoint: the test records the
// `ferry_message_sent` events of each endpoint as a relayer indexing it would, checks them
// against the endpoint's own merkle queries, and proves them under that checkpoint with the
// vector validators' signatures. One localnet for the whole file; the tests run in order and
// share its state.
import { readFileSync } from 'node:fs'
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import {
  bech32ToBytes32,
  decodeAckBody,
  decodeMessage,
  decodeProof,
  encodeProof,
  getChannelKey,
  getMessageId,
  MerkleTree,
  MessageStatus,
} from '@ferry/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEndpointClient, type EndpointClient } from '../../src/client/createEndpointClient.ts'
import { fromSigningClient } from '../../src/client/fromSigningClient.ts'
import { type EndpointEvent, parseEndpointEvents } from '../../src/client/parseEndpointEvents.ts'
import { PausedError } from '../../src/errors/admin.ts'
import { NonceOutOfOrderError } from '../../src/errors/delivery.ts'
import { WrongDestinationError } from '../../src/errors/message.ts'
import { HighSError, SignerNotValidatorError } from '../../src/errors/proof.ts'
import { startWasmdLocalnet, type WasmdLocalnet } from '../../src/localnet/startWasmdLocalnet.ts'
import { type Hex, wasmPath } from '../contract/harness.ts'
import { VALIDATORS } from '../contract/relay.ts'
import { DOMAIN_A, DOMAIN_B, type ProveOptions, proveLeaves, Side } from '../contract/world.ts'

const ELSEWHERE = 7003
const ZERO_FEES = { baseFee: 0n, gasPrice: 0n, rate: 1n, gasOverhead: 0, gasPerByte: 0 }
/** secp256k1's group order. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
/** A key no endpoint here trusts. */
const STRANGER: Hex = `0x${'11'.repeat(32)}`

const hexText = (text: string): Hex => `0x${Buffer.from(text, 'utf8').toString('hex')}`
const b64Text = (hex: Hex) => Buffer.from(hex.slice(2), 'hex').toString('base64')
const ofType = <type extends EndpointEvent['type']>(
  events: readonly EndpointEvent[],
  type: type,
): Extract<EndpointEvent, { type: type }>[] =>
  events.flatMap((e) => (e.type === type ? [e as Extract<EndpointEvent, { type: type }>] : []))

/** One endpoint, its typed client, its app and the messages it sent, in its tree's order. */
type Domain = { side: Side; endpoint: EndpointClient; app: string; messages: Hex[] }

describe('acks, deadlines, pause and adversarial cases on a wasmd localnet', () => {
  let chain: WasmdLocalnet
  let client: SigningCosmWasmClient
  let sender: string
  let a: Domain
  let b: Domain

  /** Records the messages each endpoint sent in a transaction, as a relayer indexing it. */
  const record = (events: readonly EndpointEvent[]) => {
    for (const event of ofType(events, 'messageSent')) {
      const domain = [a, b].find((d) => d.side.endpoint === event.contract)
      if (!domain) continue
      expect(event.leafIndex).toBe(domain.messages.length)
      domain.messages.push(event.message)
    }
    return events
  }

  /** Proves `message` (sent by `from`) under `from`'s latest checkpoint, as read on the chain. */
  const prove = async (from: Domain, message: Hex, options: ProveOptions = {}) => {
    const leafIndex = from.messages.indexOf(message)
    expect(leafIndex).toBeGreaterThanOrEqual(0)
    const ids = from.messages.map((m) => getMessageId(m))
    expect(await from.endpoint.latestCheckpoint()).toEqual({
      root: new MerkleTree(ids).root(),
      index: ids.length - 1,
    })
    return proveLeaves(from.side, ids, leafIndex, options)
  }
  /** Proves `message` from `from` and delivers it to `to` through the typed client. */
  const relay = async (from: Domain, to: Domain, message: Hex, options: ProveOptions = {}) => {
    const receipt = await to.endpoint.deliver({
      message,
      proof: await prove(from, message, options),
    })
    record(receipt.events)
    return receipt
  }
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeDefined()
    return error
  }

  /** `from`'s app sends to `to`'s app through `from`'s endpoint (its `forward`), as itself. */
  const appSend = async (
    from: Domain,
    to: Domain,
    body: string,
    options: { ackGasLimit?: number; deadline?: bigint } = {},
  ) => {
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
    const result = await client.execute(
      sender,
      from.app,
      { forward: { contract: from.side.endpoint, msg } },
      'auto',
    )
    const [sent, ...more] = ofType(
      record(parseEndpointEvents(result.events, { contract: from.side.endpoint })),
      'messageSent',
    )
    expect(more).toEqual([])
    return sent!
  }
  /** The test account sends to `to`'s app (or `destination`) through `from`'s endpoint. */
  const directSend = async (from: Domain, to: Domain, body: string, destination?: number) => {
    const sent = await from.endpoint.send({
      destination: destination ?? to.side.domain,
      recipient: bech32ToBytes32(to.app),
      body: hexText(body),
      gasLimit: 200_000,
    })
    record(sent.events)
    return sent
  }
  const handled = (app: string) =>
    client.queryContractSmart(app, { handled: {} }) as Promise<{ count: number; last: string }>

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
    a = await domain(DOMAIN_A)
    b = await domain(DOMAIN_B)
    for (const [to, from] of [
      [a, b],
      [b, a],
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
    client?.disconnect()
    await chain?.stop()
  })

  it('7001 → 7002 with an ack request, then the ack back → AckDelivered, handler ran', async () => {
    const sent = await appSend(a, b, 'ok:forty-two', { ackGasLimit: 150_000 })
    expect(decodeMessage(sent.message)).toMatchObject({
      flags: 2,
      origin: DOMAIN_A,
      sender: bech32ToBytes32(a.app),
      destination: DOMAIN_B,
      recipient: bech32ToBytes32(b.app),
      ackGasLimit: 150_000,
    })

    const receipt = await relay(a, b, sent.message)
    expect(ofType(receipt.events, 'messageDelivered')).toMatchObject([
      {
        id: sent.id,
        origin: DOMAIN_A,
        status: MessageStatus.Executed,
        result: hexText('forty-two'),
      },
    ])
    expect(await handled(b.app)).toEqual({ count: 1, last: 'ok:forty-two' })
    expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.Executed)

    // The ack, sent by 7002 in the same transaction.
    const [ack, ...more] = ofType(receipt.events, 'messageSent')
    expect(more).toEqual([])
    expect(ack).toMatchObject({ contract: b.side.endpoint, destination: DOMAIN_A })
    const ackMessage = decodeMessage(ack!.message)
    expect(ackMessage).toMatchObject({ flags: 1, recipient: bech32ToBytes32(a.app) })
    expect(decodeAckBody(ackMessage.body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.Executed,
      result: hexText('forty-two'),
    })

    const ackReceipt = await relay(b, a, ack!.message)
    expect(ofType(ackReceipt.events, 'ackDelivered')).toEqual([
      {
        type: 'ackDelivered',
        contract: a.side.endpoint,
        ackId: ack!.id,
        originalId: sent.id,
        originalStatus: MessageStatus.Executed,
        status: MessageStatus.Executed,
      },
    ])
    expect(ofType(ackReceipt.events, 'messageSent')).toEqual([]) // acks never request acks
    expect(await a.endpoint.messageStatus({ message: ack!.message })).toBe(MessageStatus.Executed)
    expect(await handled(a.app)).toEqual({
      count: 1,
      last: `ack:${sent.id}:1:${b64Text(hexText('forty-two'))}`,
    })
  })

  it('deadline passed at delivery → TimedOut, handler not called, exactly one ack', async () => {
    const { header } = await client.getBlock()
    const blockTime = BigInt(Math.floor(Date.parse(header.time) / 1000))
    const sent = await appSend(a, b, 'ok:too-late', {
      ackGasLimit: 150_000,
      deadline: blockTime - 60n,
    })
    const before = await handled(b.app)

    const receipt = await relay(a, b, sent.message)
    expect(ofType(receipt.events, 'messageDelivered')).toMatchObject([
      { id: sent.id, status: MessageStatus.TimedOut, result: '0x' },
    ])
    expect(await handled(b.app)).toEqual(before)
    expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.TimedOut)
    const acks = ofType(receipt.events, 'messageSent')
    expect(acks).toHaveLength(1)
    expect(decodeAckBody(decodeMessage(acks[0]!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.TimedOut,
      result: '0x',
    })

    const ackReceipt = await relay(b, a, acks[0]!.message)
    expect(ofType(ackReceipt.events, 'ackDelivered')).toMatchObject([
      {
        originalId: sent.id,
        originalStatus: MessageStatus.TimedOut,
        status: MessageStatus.Executed,
      },
    ])
    expect((await handled(a.app)).last).toBe(`ack:${sent.id}:3:`)
  })

  it('pause blocks send and deliver with PausedError, through the node; unpause resumes', async () => {
    const incoming = await appSend(b, a, 'ok:while-paused')
    await a.endpoint.pause()
    expect((await a.endpoint.config()).paused).toBe(true)

    expect(await failure(directSend(a, b, 'ok:nope'))).toBeInstanceOf(PausedError)
    expect(
      await failure(
        a.endpoint.deliver({ message: incoming.message, proof: await prove(b, incoming.message) }),
      ),
    ).toBeInstanceOf(PausedError)
    expect(await a.endpoint.messageStatus({ message: incoming.message })).toBe(MessageStatus.None)

    await a.endpoint.unpause()
    expect((await a.endpoint.config()).paused).toBe(false)
    const receipt = await relay(b, a, incoming.message)
    expect(ofType(receipt.events, 'messageDelivered')[0]?.status).toBe(MessageStatus.Executed)
    const sent = await directSend(a, b, 'ok:after-unpause')
    await relay(a, b, sent.message)
    expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.Executed)
  })

  describe('adversarial deliveries, through the node', () => {
    it('a message for another domain → WrongDestinationError', async () => {
      const sent = await directSend(a, b, 'ok:elsewhere', ELSEWHERE)
      const error = await failure(relay(a, b, sent.message))
      expect(error).toBeInstanceOf(WrongDestinationError)
      expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.None)
    })

    it('nonce n+1 before n → NonceOutOfOrderError; then n, n+1; a replay is rejected', async () => {
      const first = await directSend(a, b, 'ok:n')
      const second = await directSend(a, b, 'ok:n+1')
      const channel = getChannelKey(decodeMessage(first.message))
      expect(second.nonce).toBe(first.nonce + 1n)
      const delivered = await b.endpoint.inboundNonce({ channel })
      expect(delivered).toBe(first.nonce - 1n)

      const early = await failure(relay(a, b, second.message))
      expect(early).toBeInstanceOf(NonceOutOfOrderError)
      expect(early).toMatchObject({ channel, expected: first.nonce, actual: second.nonce })

      await relay(a, b, first.message)
      await relay(a, b, second.message)
      expect(await b.endpoint.inboundNonce({ channel })).toBe(second.nonce)
      expect((await handled(b.app)).last).toBe('ok:n+1')

      const replay = await failure(relay(a, b, first.message))
      expect(replay).toBeInstanceOf(NonceOutOfOrderError)
      expect(replay).toMatchObject({ expected: second.nonce + 1n, actual: first.nonce })
      expect(await b.endpoint.inboundNonce({ channel })).toBe(second.nonce)
    })

    it('a signer outside the validator set → SignerNotValidatorError', async () => {
      const sent = await directSend(a, b, 'ok:stranger')
      const privateKeys = [STRANGER, ...VALIDATORS.slice(0, 2).map((v) => v.privateKey)]
      const error = await failure(relay(a, b, sent.message, { privateKeys }))
      expect(error).toBeInstanceOf(SignerNotValidatorError)
      expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.None)
      // The same message goes through with the validators' signatures.
      await relay(a, b, sent.message)
      expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.Executed)
    })

    it('a high-s (malleated) signature → HighSError', async () => {
      const sent = await directSend(a, b, 'ok:malleated')
      const proof = decodeProof(await prove(a, sent.message))
      // s → n - s with v flipped recovers the same signer: valid on the curve, but not low-s.
      const [first, ...rest] = proof.signatures
      const s = BigInt(`0x${first!.slice(66, 130)}`)
      const v = Number.parseInt(first!.slice(130, 132), 16)
      const highS = (N - s).toString(16).padStart(64, '0')
      const malleated: Hex = `0x${first!.slice(2, 66)}${highS}${(v === 27 ? 28 : 27).toString(16)}`
      const error = await failure(
        b.endpoint.deliver({
          message: sent.message,
          proof: encodeProof({ ...proof, signatures: [malleated, ...rest] }),
        }),
      )
      expect(error).toBeInstanceOf(HighSError)
      expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.None)
    })
  })
})

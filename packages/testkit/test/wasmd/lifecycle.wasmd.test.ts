// Acks, deadlines, pause and adversarial deliveries on a wasmd localnet: two endpoints
// on the same chain (domains 7001 and 7002), each trusting the other's endpoint address as its
// origin endpoint with the vector validators (threshold 3), and a test recipient as the app on
// each side. Every message delivered here was really sent by an endpoint: the test records the
// `ferry_message_sent` events of each endpoint as a relayer indexing it would, checks them
// against the endpoint's own merkle queries, and proves them under that checkpoint with the
// vector validators' signatures. One localnet for the whole file; the tests run in order and
// share its state.

import {
  HighSError,
  NonceOutOfOrderError,
  PausedError,
  SignerNotValidatorError,
  WrongDestinationError,
} from '@ferry/cosmwasm-bindings'
import { DOMAIN_A, DOMAIN_B } from '@ferry/cosmwasm-bindings/harness'
import {
  bech32ToBytes32,
  decodeAckBody,
  decodeMessage,
  decodeProof,
  encodeProof,
  getChannelKey,
  MessageStatus,
} from '@ferry/protocol'
import type { Hex } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  b64Text,
  type Domain,
  ELSEWHERE,
  failure,
  hexText,
  ofType,
  useTwoEndpoints,
  VALIDATORS,
} from './twoEndpoints.ts'

/** secp256k1's group order. */
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
/** A key no endpoint here trusts. */
const STRANGER: Hex = `0x${'11'.repeat(32)}`

describe('acks, deadlines, pause and adversarial cases on a wasmd localnet', () => {
  const t = useTwoEndpoints()
  const { prove, relay, appSend, directSend, handled } = t
  let client: typeof t.client
  let a: Domain
  let b: Domain
  beforeAll(() => {
    ;({ client, a, b } = t)
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

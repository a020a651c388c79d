// Adversarial cases on a wasmd localnet, through the typed client and the node: a Failed message
// timed out after its deadline, malformed messages, broken proofs, an unknown origin and a fee
// below the quote, each rejected with its named error class. Same two-endpoint setup as
// lifecycle.wasmd.test.ts (./twoEndpoints.ts). Raw malformed messages are delivered with any
// proof bytes: the endpoint checks the message before the proof.

import {
  BodyTooLargeError,
  DeadlineNotPassedError,
  FeeTooLowError,
  InvalidVError,
  LeafIndexTooHighError,
  MessageTooShortError,
  SignerNotValidatorError,
  SignersNotAscendingError,
  ThresholdNotMetError,
  UnknownFlagsError,
  UnknownOriginError,
  WrongVersionError,
} from '@ferry/cosmwasm-bindings'
import {
  bech32ToBytes32,
  decodeAckBody,
  decodeMessage,
  decodeProof,
  encodeMessage,
  encodeProof,
  MessageStatus,
} from '@ferry/protocol'
import type { Hex } from 'viem'
import { describe, expect, it } from 'vitest'
import { failure, hexText, ofType, useTwoEndpoints } from './twoEndpoints.ts'

const withByte = (message: Hex, index: number, value: number): Hex => {
  const bytes = Buffer.from(message.slice(2), 'hex')
  bytes[index] = value
  return `0x${bytes.toString('hex')}`
}
const slice = (hex: Hex, start: number, end?: number): Hex =>
  `0x${hex.slice(2 + start * 2, end === undefined ? undefined : 2 + end * 2)}`
/** Proof bytes that never get looked at: message checks come first. */
const ANY_PROOF: Hex = '0x00'

describe('adversarial cases on a wasmd localnet', () => {
  const t = useTwoEndpoints()
  const chainTime = async () =>
    BigInt(Math.floor(Date.parse((await t.client.getBlock()).header.time) / 1000))
  /** The last message `fresh` sent, to deliver before the next so the channel's nonce moves on. */
  let pending: Hex | undefined
  /** A valid message from 7001 to 7002, not delivered yet, with its valid proof. */
  const fresh = async (body: string) => {
    if (pending) await t.relay(t.a, t.b, pending)
    const sent = await t.directSend(t.a, t.b, body)
    pending = sent.message
    return { sent, proof: decodeProof(await t.prove(t.a, sent.message)) }
  }
  const deliverToB = (message: Hex, proof: Hex = ANY_PROOF) =>
    failure(t.b.endpoint.deliver({ message, proof }))

  it('Failed, then `timeout` after the deadline → TimedOut with exactly one ack', async () => {
    const { a, b, client, sender } = t
    await client.execute(sender, b.app, { set_flaky: { on: true } }, 'auto')
    const deadline = (await chainTime()) + 3n
    const sent = await t.appSend(a, b, 'flaky', { ackGasLimit: 150_000, deadline })
    const receipt = await t.relay(a, b, sent.message)
    const [failed, ...others] = ofType(receipt.events, 'messageDelivered')
    expect(others).toEqual([])
    expect(failed).toMatchObject({ id: sent.id, status: MessageStatus.Failed })
    expect(ofType(receipt.events, 'messageSent')).toEqual([]) // Failed is not final
    expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.Failed)
    expect(await failure(b.endpoint.timeout({ message: sent.message }))).toBeInstanceOf(
      DeadlineNotPassedError,
    )

    while ((await chainTime()) <= deadline) await new Promise((r) => setTimeout(r, 200))
    const timedOut = await b.endpoint.timeout({ message: sent.message })
    t.record(timedOut.events)
    expect(await b.endpoint.messageStatus({ message: sent.message })).toBe(MessageStatus.TimedOut)
    const acks = ofType(timedOut.events, 'messageSent')
    expect(acks).toHaveLength(1)
    expect(decodeAckBody(decodeMessage(acks[0]!.message).body)).toEqual({
      originalId: sent.id,
      status: MessageStatus.TimedOut,
      result: failed!.result, // the last failure's result
    })
    await client.execute(sender, b.app, { set_flaky: { on: false } }, 'auto')
  }, 15_000)

  describe('malformed messages', () => {
    it('shorter than the header → MessageTooShortError', async () => {
      const { sent } = await fresh('ok:short')
      const error = await deliverToB(slice(sent.message, 0, 97))
      expect(error).toBeInstanceOf(MessageTooShortError)
      expect(error).toMatchObject({ length: 97 })
    })

    it('unknown flag bits → UnknownFlagsError', async () => {
      const { sent } = await fresh('ok:flags')
      const error = await deliverToB(withByte(sent.message, 1, 0x80))
      expect(error).toBeInstanceOf(UnknownFlagsError)
      expect(error).toMatchObject({ flags: 0x80 })
    })

    it('wrong version → WrongVersionError', async () => {
      const { sent } = await fresh('ok:version')
      const error = await deliverToB(withByte(sent.message, 0, 2))
      expect(error).toBeInstanceOf(WrongVersionError)
      expect(error).toMatchObject({ version: 2 })
    })

    it('a body over 65,536 bytes at send → BodyTooLargeError', async () => {
      const error = await failure(
        t.a.endpoint.send({
          destination: t.b.side.domain,
          recipient: bech32ToBytes32(t.b.app),
          body: `0x${'00'.repeat(65_537)}`,
          gasLimit: 200_000,
        }),
      )
      expect(error).toBeInstanceOf(BodyTooLargeError)
      expect(error).toMatchObject({ length: 65_537 })
    })
  })

  describe('broken proofs', () => {
    it('fewer signatures than the threshold → ThresholdNotMetError', async () => {
      const { sent, proof } = await fresh('ok:threshold')
      const error = await deliverToB(
        sent.message,
        encodeProof({ ...proof, signatures: proof.signatures.slice(0, 2) }),
      )
      expect(error).toBeInstanceOf(ThresholdNotMetError)
      expect(error).toMatchObject({ signatures: 2, threshold: 3 })
    })

    it('a duplicated signer and unsorted signers → SignersNotAscendingError', async () => {
      const { sent, proof } = await fresh('ok:order')
      const [s0, s1, s2] = proof.signatures
      for (const signatures of [
        [s0!, s0!, s1!],
        [s1!, s0!, s2!],
      ]) {
        const error = await deliverToB(sent.message, encodeProof({ ...proof, signatures }))
        expect(error).toBeInstanceOf(SignersNotAscendingError)
      }
    })

    it('v ∉ {27, 28} → InvalidVError', async () => {
      const { sent, proof } = await fresh('ok:v')
      const [first, ...rest] = proof.signatures
      const bad: Hex = `${first!.slice(0, 130)}1d` as Hex
      const error = await deliverToB(
        sent.message,
        encodeProof({ ...proof, signatures: [bad, ...rest] }),
      )
      expect(error).toBeInstanceOf(InvalidVError)
      expect(error).toMatchObject({ v: 29 })
    })

    it('leafIndex > checkpointIndex → LeafIndexTooHighError', async () => {
      const { sent, proof } = await fresh('ok:leaf')
      const leafIndex = proof.checkpointIndex + 1
      const error = await deliverToB(sent.message, encodeProof({ ...proof, leafIndex }))
      expect(error).toBeInstanceOf(LeafIndexTooHighError)
      expect(error).toMatchObject({ leafIndex, checkpointIndex: proof.checkpointIndex })
    })

    it('a mutated branch sibling → SignerNotValidatorError (another root, another signer)', async () => {
      const { sent, proof } = await fresh('ok:branch')
      const branch = proof.branch.map((node, j) =>
        j === 0 ? (`0x${(BigInt(node) ^ 1n).toString(16).padStart(64, '0')}` as Hex) : node,
      )
      const error = await deliverToB(sent.message, encodeProof({ ...proof, branch }))
      expect(error).toBeInstanceOf(SignerNotValidatorError)
    })

    it('an origin with no validator set → UnknownOriginError', async () => {
      const { sent, proof } = await fresh('ok:origin')
      const fromElsewhere = encodeMessage({
        ...decodeMessage(sent.message),
        origin: 31_339,
        nonce: 1n,
      })
      const error = await deliverToB(fromElsewhere, encodeProof(proof))
      expect(error).toBeInstanceOf(UnknownOriginError)
      expect(error).toMatchObject({ origin: 31_339 })
    })
  })

  it('a fee below the quote → FeeTooLowError', async () => {
    const { a, b, chain } = t
    const config = {
      baseFee: 1_000n,
      gasPrice: 0n,
      rate: 1n,
      gasOverhead: 0,
      gasPerByte: 0,
      maxGasLimit: 16_777_216,
    }
    await a.endpoint.setFeeConfig({ domain: b.side.domain, config })
    const send = {
      destination: b.side.domain,
      recipient: bech32ToBytes32(b.app),
      body: hexText('ok:cheap'),
      gasLimit: 200_000,
    }
    const { fee } = await a.endpoint.quote({ ...send, bodyLength: 8 })
    expect(fee).toBe(1_000n)
    const error = await failure(
      a.endpoint.send({ ...send, fee: { amount: fee - 1n, denom: chain.denom } }),
    )
    expect(error).toBeInstanceOf(FeeTooLowError)
    expect(error).toMatchObject({ required: fee, paid: fee - 1n })
  })
})

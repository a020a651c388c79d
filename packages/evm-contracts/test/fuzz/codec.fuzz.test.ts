// Fuzz: the Solidity message codec (MessageCodec through CodecHarness, and the endpoint's own
// message checks) against the TypeScript codec (@ferry/protocol), over eth_call on an in-process EDR
// chain. A failure prints fast-check's seed and path; see `replay()` in ./arbitraries.ts.
import {
  AckBodyTooShortError,
  AckRequestedOnAckError,
  BodyTooLargeError,
  decodeAckBody,
  decodeMessage,
  encodeAckBody,
  encodeMessage,
  getChannelKey,
  getMessageId,
  MESSAGE_HEADER_LENGTH,
  type Message,
  MessageFlags,
  MessageTooShortError,
  UnknownFlagsError,
  UnsupportedVersionError,
} from '@ferry/protocol'
import type { ContractReturnType } from '@nomicfoundation/hardhat-viem/types'
import fc from 'fast-check'
import { network } from 'hardhat'
import { concat, type Hex, hexToNumber, type PublicClient, size, slice } from 'viem'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  body,
  byteMutation,
  bytes32,
  hexBytes,
  message,
  mutateHex,
  outcome,
  replay,
  u32,
} from './arbitraries.ts'

/** The endpoint's domain; messages for any other destination are rejected. */
const LOCAL = 31337
/** An origin with a (permissive) verifier, so that deliver gets past the verifier lookup. */
const VERIFIED_ORIGIN = 31338

type Verdict = { accepted: true } | { accepted: false; name: string; args: readonly unknown[] }
const reject = (name: string, args: readonly unknown[]): Verdict => ({
  accepted: false,
  name,
  args,
})

/**
 * What the endpoint must answer, from the SDK: each of `decodeMessage`'s rejections maps to one
 * of the endpoint's named errors. The endpoint also checks what only it knows (that the
 * destination is its domain), before the body's size and an ack body's length, as here.
 */
function expectedVerdict(encoded: Hex): Verdict {
  let bodyError: BodyTooLargeError | AckBodyTooShortError | undefined
  try {
    decodeMessage(encoded)
  } catch (error) {
    if (error instanceof MessageTooShortError)
      return reject('EndpointMessageTooShort', [BigInt(error.length)])
    if (error instanceof UnsupportedVersionError)
      return reject('EndpointWrongVersion', [error.version])
    if (error instanceof UnknownFlagsError) return reject('EndpointUnknownFlags', [error.flags])
    if (error instanceof AckRequestedOnAckError)
      return reject('EndpointAckRequestsAck', [error.flags])
    if (!(error instanceof BodyTooLargeError || error instanceof AckBodyTooShortError)) throw error
    bodyError = error
  }
  // PROTOCOL §3: ACK_REQUESTED exactly when ackGasLimit > 0, which decodeMessage leaves to the
  // endpoints (only encodeMessage refuses to build such a message); checked before the
  // destination, as the flags are.
  const flags = hexToNumber(slice(encoded, 1, 2))
  const ackGasLimit = hexToNumber(slice(encoded, 94, 98))
  if (((flags & 2) !== 0) !== (ackGasLimit !== 0))
    return reject('EndpointAckRequestMismatch', [flags, ackGasLimit])
  const destination = hexToNumber(slice(encoded, 38, 42))
  if (destination !== LOCAL) return reject('EndpointWrongDestination', [LOCAL, destination])
  if (bodyError instanceof BodyTooLargeError)
    return reject('EndpointBodyTooLarge', [BigInt(bodyError.length), BigInt(bodyError.max)])
  if (bodyError instanceof AckBodyTooShortError)
    return reject('EndpointMalformedAck', [BigInt(bodyError.length)])
  return { accepted: true }
}

/** The harness's header struct for a message. */
const headerOf = ({ body: _, ...header }: Message) => header

describe('codec fuzz: Solidity MessageCodec and the endpoint checks against the SDK codec', () => {
  let publicClient: PublicClient
  let harness: ContractReturnType<'CodecHarness'>
  let endpoint: ContractReturnType<'Endpoint'>

  beforeAll(async () => {
    const { viem } = await network.connect()
    publicClient = await viem.getPublicClient()
    const [owner] = await viem.getWalletClients()
    if (!owner) throw new Error('no wallet client')
    harness = await viem.deployContract('CodecHarness')
    endpoint = await viem.deployContract('Endpoint', [LOCAL, owner.account.address])
    const verifier = await viem.deployContract('TestVerifier')
    await publicClient.waitForTransactionReceipt({
      hash: await endpoint.write.setDefaultVerifier([VERIFIED_ORIGIN, verifier.address]),
    })
  })

  /** Checks that the harness encodes, decodes, hashes and keys `encoded` as the SDK does. */
  async function expectSameAsSdk(encoded: Hex, fields: Message): Promise<void> {
    const parts = [fields.origin, fields.sender, fields.destination, fields.recipient] as const
    const [decoded, id, channel, key] = await Promise.all([
      harness.read.decode([encoded]),
      harness.read.id([encoded]),
      harness.read.channel([encoded]),
      harness.read.channelKey([...parts, fields.flags & MessageFlags.isAck]),
    ])
    expect(decoded).toEqual([headerOf(fields), fields.body])
    expect(id).toBe(getMessageId(encoded))
    expect(channel).toBe(getChannelKey(fields))
    expect(key).toBe(channel)
  }

  it('valid messages: encode, decode, id and channel equal the SDK (10,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(message(), async (fields) => {
        const encoded = encodeMessage(fields)
        const [solidityEncoded] = await Promise.all([
          harness.read.encode([headerOf(fields), fields.body]),
          expectSameAsSdk(encoded, fields),
        ])
        expect(solidityEncoded).toBe(encoded)
        expect(decodeMessage(encoded)).toEqual(fields)
      }),
      { ...replay(), numRuns: 10_000 },
    )
  })

  it('acks: encodeAck, encodeAckBody and decodeAckBody equal the SDK (10,000 runs)', async () => {
    const ack = fc.record({
      header: message(),
      originalId: bytes32(),
      status: fc.constantFrom(0, 1, 2, 3),
      result: hexBytes(0, 1024),
    })
    await fc.assert(
      fc.asyncProperty(ack, async ({ header, originalId, status, result }) => {
        // CAST: status is one of the four MessageStatus values.
        const ackBody = encodeAckBody({ originalId, status: status as 0 | 1 | 2 | 3, result })
        const fields = { ...header, flags: MessageFlags.isAck, deadline: 0n, ackGasLimit: 0 }
        const [encoded, solidityBody, solidityParts] = await Promise.all([
          harness.read.encodeAck([headerOf(fields), originalId, status, result]),
          harness.read.encodeAckBody([originalId, status, result]),
          harness.read.decodeAckBody([ackBody]),
        ])
        expect(encoded).toBe(encodeMessage({ ...fields, body: ackBody }))
        expect(solidityBody).toBe(ackBody)
        expect(solidityParts).toEqual([originalId, status, result])
        expect(decodeAckBody(ackBody)).toEqual({ originalId, status, result })
      }),
      { ...replay(), numRuns: 10_000 },
    )
  })

  it('arbitrary and mutated bytes: the endpoint accepts exactly what the SDK accepts, with the same named reason (10,000 runs)', async () => {
    const mutated = fc
      .record({
        header: message({
          origin: fc.oneof(fc.constant(VERIFIED_ORIGIN), u32()),
          destination: fc.oneof({ weight: 4, arbitrary: fc.constant(LOCAL) }, u32()),
        }),
        body: fc.option(body({ pastLimit: true }), { freq: 3 }),
        mutations: fc.array(byteMutation(), { maxLength: 3 }),
      })
      .map(({ header, body: newBody, mutations }) => {
        // A body past the limit cannot go through encodeMessage: put it after the header.
        const encoded =
          newBody === null
            ? encodeMessage(header)
            : concat([slice(encodeMessage(header), 0, MESSAGE_HEADER_LENGTH), newBody])
        return mutateHex(encoded, mutations)
      })
    const input = fc.oneof(
      { weight: 1, arbitrary: hexBytes(0, 200) },
      { weight: 8, arbitrary: mutated },
    )
    const counts = { accepted: 0, rejected: new Map<string, number>() }

    await fc.assert(
      fc.asyncProperty(input, async (encoded) => {
        const expected = expectedVerdict(encoded)
        const result = await outcome(
          publicClient.simulateContract({
            address: endpoint.address,
            abi: endpoint.abi,
            functionName: 'deliver',
            args: [encoded, '0x'],
          }),
        )
        if (!expected.accepted) {
          expect(result).toEqual({ ok: false, name: expected.name, args: expected.args })
          counts.rejected.set(expected.name, (counts.rejected.get(expected.name) ?? 0) + 1)
          return
        }
        counts.accepted++
        // Past the message checks, deliver stops at the verifier lookup or the channel order,
        // or runs out of the handler's gas limit, or (nonce 1 from the verified origin) succeeds.
        const fields = decodeMessage(encoded)
        if (result.ok) expect([fields.origin, fields.nonce]).toEqual([VERIFIED_ORIGIN, 1n])
        else if (result.name === 'EndpointNoVerifier') expect(result.args).toEqual([fields.origin])
        else if (result.name !== 'EndpointInsufficientGas')
          expect(result).toEqual({
            ok: false,
            name: 'EndpointNonceOutOfOrder',
            args: [getChannelKey(fields), 1n, fields.nonce],
          })
        await expectSameAsSdk(encoded, fields)
      }),
      { ...replay(), numRuns: 10_000 },
    )
    // Both sides of the property were exercised, and every named rejection came up.
    expect(counts.accepted).toBeGreaterThan(1_000)
    expect([...counts.rejected.keys()].sort()).toEqual([
      'EndpointAckRequestMismatch',
      'EndpointAckRequestsAck',
      'EndpointBodyTooLarge',
      'EndpointMalformedAck',
      'EndpointMessageTooShort',
      'EndpointUnknownFlags',
      'EndpointWrongDestination',
      'EndpointWrongVersion',
    ])
  })

  it('the 98-byte boundary: a bare header is accepted and one byte less is too short', async () => {
    const header = encodeMessage({
      version: 1,
      flags: 0,
      origin: 7,
      sender: `0x${'11'.repeat(32)}`,
      destination: LOCAL,
      recipient: `0x${'22'.repeat(32)}`,
      nonce: 5n,
      deadline: 0n,
      gasLimit: 0,
      ackGasLimit: 0,
      body: '0x',
    })
    expect(size(header)).toBe(MESSAGE_HEADER_LENGTH)
    expect(expectedVerdict(header)).toEqual({ accepted: true })
    expect(expectedVerdict(slice(header, 0, 97))).toEqual(reject('EndpointMessageTooShort', [97n]))
  })
})

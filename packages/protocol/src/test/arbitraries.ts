// fast-check generators for codec property tests. Tests only; excluded from the build.
import fc from 'fast-check'
import { bytesToHex, type Hex } from 'viem'
import {
  ACK_BODY_HEADER_LENGTH,
  MAX_BODY_LENGTH,
  MessageFlags,
  PROTOCOL_VERSION,
} from '../constants.js'
import type { Message } from '../message/types.js'

export const hexBytes = (constraints: { minLength?: number; maxLength?: number } = {}) =>
  fc.uint8Array(constraints).map((bytes): Hex => bytesToHex(bytes))

export const bytes32 = () => hexBytes({ minLength: 32, maxLength: 32 })

export const u32 = () => fc.integer({ min: 0, max: 0xffff_ffff })

export const u64 = () => fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_ffffn })

/** Messages `encodeMessage` accepts. Bodies stay small except for the odd one at the limit. */
export const validMessage = (): fc.Arbitrary<Message> =>
  fc
    .record({
      flags: fc.constantFrom(0, MessageFlags.isAck, MessageFlags.ackRequested),
      origin: u32(),
      sender: bytes32(),
      destination: u32(),
      recipient: bytes32(),
      nonce: u64(),
      deadline: u64(),
      gasLimit: u32(),
      ackGasLimit: u32(),
      body: fc.oneof(
        { weight: 20, arbitrary: hexBytes({ maxLength: 300 }) },
        { weight: 1, arbitrary: fc.constant(bytesToHex(new Uint8Array(MAX_BODY_LENGTH))) },
      ),
      ackBody: hexBytes({ minLength: ACK_BODY_HEADER_LENGTH, maxLength: 300 }),
    })
    .map((fields) => ({
      version: PROTOCOL_VERSION,
      ...fields,
      // ackRequested exactly when ackGasLimit > 0 (PROTOCOL §3).
      ackGasLimit: fields.flags === MessageFlags.ackRequested ? Math.max(1, fields.ackGasLimit) : 0,
      // An ack's body starts with `originalId | status`.
      body: fields.flags === MessageFlags.isAck ? fields.ackBody : fields.body,
    }))
    .map(({ ackBody: _, ...message }) => message)

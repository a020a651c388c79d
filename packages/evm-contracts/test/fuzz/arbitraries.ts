// Shared fast-check arbitraries and helpers of the EVM fuzz tests (test/fuzz) and the endpoint
// invariant test (test/invariant). Everything here is pure: no chain, no network.
import { encodeAckBody, type Message, MessageFlags, PROTOCOL_VERSION } from '@ferry/protocol'
import fc from 'fast-check'
import { bytesToHex, type Hex, hexToBytes } from 'viem'
import { decodeRevert, revertData } from '../helpers/revert.ts'

/**
 * Extra `fc.assert` parameters that replay a failure: fast-check prints `seed` and `path` when a
 * property fails; rerun with `FERRY_FUZZ_SEED=<seed> FERRY_FUZZ_PATH=<path>` to get the same
 * counterexample (shrunk) at once.
 */
export function replay(): { seed?: number; path?: string } {
  const seed = process.env.FERRY_FUZZ_SEED
  const path = process.env.FERRY_FUZZ_PATH
  return {
    ...(seed === undefined ? {} : { seed: Number(seed) }),
    ...(path === undefined ? {} : { path }),
  }
}

// ---------------------------------------------------------------- scalars and bytes

export const hexBytes = (minLength: number, maxLength: number) =>
  fc.uint8Array({ minLength, maxLength }).map((bytes): Hex => bytesToHex(bytes))

export const bytes32 = () => hexBytes(32, 32)

export const u8 = () => fc.integer({ min: 0, max: 0xff })

export const u32 = () => fc.integer({ min: 0, max: 0xffff_ffff })

export const u64 = () => fc.bigInt({ min: 0n, max: 0xffff_ffff_ffff_ffffn })

/** A `bytes32` app address: mostly a left-padded EVM address, sometimes 32 full bytes. */
export const appAddress = () =>
  fc.oneof(
    { weight: 3, arbitrary: hexBytes(20, 20).map((a): Hex => `0x${'0'.repeat(24)}${a.slice(2)}`) },
    { weight: 1, arbitrary: bytes32() },
  )

/** `length` bytes of `fill`: cheap bodies around the 65,536-byte limit. */
export const filledBody = (length: number, fill: number): Hex =>
  bytesToHex(new Uint8Array(length).fill(fill))

/** A body: usually short, now and then right at (or past, if `pastLimit`) the limit. */
export const body = ({ pastLimit }: { pastLimit: boolean }) =>
  fc.oneof(
    { weight: 40, arbitrary: hexBytes(0, 300) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          length: pastLimit
            ? fc.constantFrom(65_535, 65_536, 65_537, 70_000)
            : fc.constantFrom(65_535, 65_536),
          fill: u8(),
        })
        .map(({ length, fill }) => filledBody(length, fill)),
    },
  )

// ---------------------------------------------------------------- messages

/** A small nonce most of the time (so that `1`, the next nonce of a fresh channel, comes up). */
export const nonce = () =>
  fc.oneof(
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 3n }) },
    { weight: 1, arbitrary: u64() },
  )

/** An ack body `encodeAckBody` accepts: a known status and at most 1,024 bytes of result. */
export const ackBody = () =>
  fc
    .record({
      originalId: bytes32(),
      status: fc.constantFrom(0, 1, 2, 3),
      result: hexBytes(0, 1024),
    })
    .map(({ originalId, status, result }) =>
      // CAST: status is one of the four MessageStatus values.
      encodeAckBody({ originalId, status: status as 0 | 1 | 2 | 3, result }),
    )

/**
 * Messages `encodeMessage` accepts: flags 0, IS_ACK or ACK_REQUESTED, a positive ack gas limit
 * exactly with ACK_REQUESTED (PROTOCOL §3), and acks with a well-formed ack body (malformed ones,
 * and flags that disagree with the ack gas limit, come from byte mutations).
 */
export const message = (
  options: { origin?: fc.Arbitrary<number>; destination?: fc.Arbitrary<number> } = {},
): fc.Arbitrary<Message> =>
  fc
    .record({
      flags: fc.constantFrom(0, MessageFlags.isAck, MessageFlags.ackRequested),
      origin: options.origin ?? u32(),
      sender: appAddress(),
      destination: options.destination ?? u32(),
      recipient: appAddress(),
      nonce: nonce(),
      deadline: u64(),
      gasLimit: u32(),
      ackGasLimit: u32(),
      body: body({ pastLimit: false }),
      ackBody: ackBody(),
    })
    .map(({ ackBody: ack, ...fields }) => ({
      ...fields,
      version: PROTOCOL_VERSION,
      ackGasLimit: fields.flags === MessageFlags.ackRequested ? Math.max(1, fields.ackGasLimit) : 0,
      body: fields.flags === MessageFlags.isAck ? ack : fields.body,
    }))

// ---------------------------------------------------------------- byte mutations

/** One edit of a byte string; positions are taken modulo the length, so any nat fits any input. */
export type ByteMutation =
  | { kind: 'flipBit'; at: number }
  | { kind: 'setByte'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'extend'; bytes: Uint8Array }

/** Edits biased towards the header (the first 98 bytes), where the codec's checks look. */
export const byteMutation = (): fc.Arbitrary<ByteMutation> =>
  fc.oneof(
    fc.record({ kind: fc.constant('flipBit' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('setByte' as const),
      at: fc.oneof(fc.constantFrom(0, 1), fc.nat({ max: 97 }), fc.nat()),
      value: fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 0x80, 0xff), u8()),
    }),
    fc.record({
      kind: fc.constant('truncate' as const),
      at: fc.oneof(fc.nat({ max: 140 }), fc.nat()),
    }),
    fc.record({ kind: fc.constant('extend' as const), bytes: fc.uint8Array({ maxLength: 80 }) }),
  )

/** Applies one edit to a copy of `bytes`. */
export function mutateBytes(bytes: Uint8Array, mutation: ByteMutation): Uint8Array {
  const out = bytes.slice()
  switch (mutation.kind) {
    case 'flipBit': {
      if (out.length === 0) return out
      const bit = mutation.at % (out.length * 8)
      out[bit >> 3] = (out[bit >> 3] ?? 0) ^ (1 << (bit & 7))
      return out
    }
    case 'setByte':
      if (out.length > 0) out[mutation.at % out.length] = mutation.value
      return out
    case 'truncate':
      return out.subarray(0, mutation.at % (out.length + 1))
    case 'extend': {
      const longer = new Uint8Array(out.length + mutation.bytes.length)
      longer.set(out)
      longer.set(mutation.bytes, out.length)
      return longer
    }
  }
}

/** Applies edits in order to hex bytes. */
export const mutateHex = (value: Hex, mutations: readonly ByteMutation[]): Hex =>
  bytesToHex(mutations.reduce(mutateBytes, hexToBytes(value)))

// ---------------------------------------------------------------- reverts

/** The name and arguments of the custom error a viem call failed with. */
export async function revertOf(
  error: unknown,
): Promise<{ name: string; args: readonly unknown[] }> {
  const data = revertData(error)
  if (data === undefined) throw error
  const { errorName, args } = await decodeRevert(data)
  return { name: errorName, args }
}

/** Runs `action`: its result, or the custom error it reverted with. */
export async function outcome<T>(
  action: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; name: string; args: readonly unknown[] }> {
  try {
    return { ok: true, value: await action }
  } catch (error) {
    return { ok: false, ...(await revertOf(error)) }
  }
}

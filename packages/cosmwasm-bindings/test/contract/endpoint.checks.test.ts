// The endpoint's message checks (PROTOCOL.md §3), channel order (§7) and the built-in multisig
// verifier's checks (§6), each with its named error and detail: the CosmWasm twins of the EVM
// tests of the same names (packages/evm-contracts/test/endpoint/Endpoint.checks.test.ts,
// Endpoint.delivery.test.ts and test/verifiers/MultisigVerifier.test.ts). Same inputs, same
// accept/reject; the detail carries what the EVM error's arguments carry.

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  b64,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  OWNER,
  proveLeaves,
  RELAYER,
  type Sent,
  Side,
  USER,
  World,
} from '@ferry/cosmwasm-bindings/harness'
import {
  bech32ToBytes32,
  branchRoot,
  decodeMessage,
  decodeProof,
  encodeMessage,
  encodeProof,
  getChannelKey,
  getCheckpointDigest,
  getMessageId,
  MessageStatus,
  recoverDigestSigner,
  signCheckpoint,
} from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators
const SIGNING_KEYS = VALIDATORS.slice(0, 3).map((v) => v.privateKey)

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const VALIDATOR_ADDRESSES = VALIDATORS.map((v) => v.address.toLowerCase())

/** `message` with byte `index` set to `value`: malformed on purpose, so not through the codec. */
function withByte(message: Hex, index: number, value: number): Hex {
  const bytes = Buffer.from(message.slice(2), 'hex')
  bytes[index] = value
  return `0x${bytes.toString('hex')}`
}

const slice = (hex: Hex, start: number, end?: number): Hex =>
  `0x${hex.slice(2 + start * 2, end === undefined ? undefined : 2 + end * 2)}`
const concat = (...parts: Hex[]): Hex => `0x${parts.map((p) => p.slice(2)).join('')}`
const word = (n: bigint): Hex => `0x${n.toString(16).padStart(64, '0')}`
const byte = (n: number): Hex => `0x${n.toString(16).padStart(2, '0')}`

describe('endpoint message checks', () => {
  let world: World
  let a: Side
  let b: Side
  let valid: Sent

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    // A 5-byte body, as the EVM test's message.
    valid = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB), {
      body: 'ok:hi',
    })
  })

  const deliverToB = (message: Hex, proof: Hex = '0x') => world.deliver(b, message, proof)

  it('rejects a message shorter than the header', async () => {
    expect(errorOf(await deliverToB(slice(valid.message, 0, 97)))).toEqual({
      code: 'message_too_short',
      length: 97,
    })
    expect(errorOf(await deliverToB('0x'))).toEqual({ code: 'message_too_short', length: 0 })
  })

  it('rejects unknown flag bits', async () => {
    expect(errorOf(await deliverToB(withByte(valid.message, 1, 0x04)))).toEqual({
      code: 'unknown_flags',
      flags: 4,
    })
    expect(errorOf(await deliverToB(withByte(valid.message, 1, 0x80)))).toEqual({
      code: 'unknown_flags',
      flags: 128,
    })
  })

  it('rejects an ack that requests an ack', async () => {
    expect(errorOf(await deliverToB(withByte(valid.message, 1, 0x03)))).toEqual({
      code: 'ack_requests_ack',
      flags: 3,
    })
  })

  it('rejects an ack whose body is shorter than originalId | status', async () => {
    expect(errorOf(await deliverToB(withByte(valid.message, 1, 0x01)))).toEqual({
      code: 'malformed_ack',
      body_length: 5,
    })
  })

  it('rejects a wrong version', async () => {
    expect(errorOf(await deliverToB(withByte(valid.message, 0, 2)))).toEqual({
      code: 'wrong_version',
      version: 2,
    })
    expect(errorOf(await deliverToB(withByte(valid.message, 0, 0)))).toEqual({
      code: 'wrong_version',
      version: 0,
    })
  })

  it('rejects a wrong destination', async () => {
    expect(errorOf(await world.deliver(a, valid.message, '0x'))).toEqual({
      code: 'wrong_destination',
      expected: DOMAIN_A,
      actual: DOMAIN_B,
    })
  })

  it('rejects a body over 65,536 bytes at send, in quote and at deliver', async () => {
    const tooLarge: Hex = `0x${'00'.repeat(65_537)}`
    const recipient = bech32ToBytes32(world.appB)
    world.chain.fund(USER, 10n ** 18n)
    const send = await world.execute(
      USER,
      a.endpoint,
      {
        send: {
          destination: DOMAIN_B,
          recipient,
          body: b64(tooLarge),
          gas_limit: 100_000,
          ack_gas_limit: 0,
          deadline: '0',
        },
      },
      [{ denom: 'ustake', amount: (10n ** 18n).toString() }],
    )
    expect(errorOf(send)).toEqual({ code: 'body_too_large', length: 65537, max: 65536 })
    expect(
      world.chain.queryError(a.endpoint, {
        quote: { destination: DOMAIN_B, body_length: 65_537, gas_limit: 100_000, ack_gas_limit: 0 },
      }),
    ).toEqual({ code: 'body_too_large', length: 65537, max: 65536 })
    expect(errorOf(await deliverToB(concat(slice(valid.message, 0, 98), tooLarge)))).toEqual({
      code: 'body_too_large',
      length: 65537,
      max: 65536,
    })
  })

  it('sends and delivers a body of exactly 65,536 bytes', async () => {
    const body: Hex = `0x${'07'.repeat(65_536)}`
    const out = await world.must(RELAYER, a.endpoint, {
      send: {
        destination: DOMAIN_B,
        recipient: bech32ToBytes32(world.appB),
        body: b64(body),
        gas_limit: 100_000,
        ack_gas_limit: 0,
        deadline: '0',
      },
    })
    const [sent] = world.sentIn(out, a)
    expect(decodeMessage(sent!.message).body).toBe(body)
    const receipt = await world.relay(a, b, sent!.message)
    const [delivered] = eventsOf(receipt, 'ferry_message_delivered')
    expect(delivered?.status).toBe('1')
    // The recipient returns the body; the result keeps its first 1,024 bytes.
    expect(delivered?.result).toBe(`0x${'07'.repeat(1_024)}`)
    // Linear memory: the largest message fits a real VM's limit (wasmd's default contract memory
    // limit is 32 MiB). Quadratic string joins once took 16 MiB for a 2 KiB body.
    for (const side of [a, b]) {
      // CAST: cw-simulate keeps each contract's VM in `_vm`, its instance exports its memory.
      const vm = (
        world.chain.app.wasm.getContract(side.endpoint) as unknown as {
          _vm: { instance: { exports: { memory: { buffer: ArrayBuffer } } } }
        }
      )._vm
      expect(vm.instance.exports.memory.buffer.byteLength).toBeLessThanOrEqual(16 * 1024 * 1024)
    }
  })

  it('rejects a message from an origin without a validator set', async () => {
    const fromElsewhere = encodeMessage({ ...decodeMessage(valid.message), origin: 31339 })
    expect(errorOf(await deliverToB(fromElsewhere, await world.prove(a, valid.message)))).toEqual({
      code: 'unknown_origin',
      origin: 31339,
    })
    await world.must(OWNER, b.endpoint, { remove_origin: { origin: DOMAIN_A } })
    expect(errorOf(await deliverToB(valid.message, await world.prove(a, valid.message)))).toEqual({
      code: 'unknown_origin',
      origin: DOMAIN_A,
    })
    expect(world.chain.queryError(b.endpoint, { origin: { origin: DOMAIN_A } })).toEqual({
      code: 'unknown_origin',
      origin: DOMAIN_A,
    })
  })

  it('rejects a proof its app verifier answers false for (proof_rejected)', async () => {
    // The test recipient answers {"verify":…} with {"valid":false} until set_valid.
    const verifier = await world.chain.recipient()
    const forward = (msg: unknown) => ({
      forward: { contract: b.endpoint, msg: Buffer.from(JSON.stringify(msg)).toString('base64') },
    })
    await world.must(
      RELAYER,
      world.appB,
      forward({ set_app_verifier: { origin: DOMAIN_A, verifier } }),
    )
    // Even a proof the default verifier accepts is the app verifier's to judge.
    expect(errorOf(await deliverToB(valid.message, await world.prove(a, valid.message)))).toEqual({
      code: 'proof_rejected',
      id: valid.id,
      verifier: verifier,
    })
  })

  it('send sets ACK_REQUESTED exactly when ack_gas_limit > 0; its acks never request one (§3)', async () => {
    expect(decodeMessage(valid.message)).toMatchObject({ flags: 0, ackGasLimit: 0 })
    const asked = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB), {
      ackGasLimit: 1,
    })
    expect(decodeMessage(asked.message)).toMatchObject({ flags: 2, ackGasLimit: 1 })
    await world.relay(a, b, valid.message)
    await world.relay(a, b, asked.message)
    const [ack] = b.sent
    expect(decodeMessage(ack!.message)).toMatchObject({ flags: 1, ackGasLimit: 0, gasLimit: 1 })
  })

  it('rejects ACK_REQUESTED not set exactly when ackGasLimit > 0, both ways (§3)', async () => {
    // The endpoint never sends such a message; proved as if the origin had (a one-leaf tree),
    // it is still refused before the proof is looked at.
    const unflagged = concat(slice(valid.message, 0, 94), '0x0000c350', slice(valid.message, 98))
    const proof = await proveLeaves(a, [getMessageId(unflagged)], 0, SIGNING_KEYS)
    expect(errorOf(await deliverToB(unflagged, proof))).toEqual({
      code: 'ack_request_mismatch',
      flags: 0,
      ack_gas_limit: 50000,
    })
    expect(errorOf(await deliverToB(withByte(valid.message, 1, 0x02)))).toEqual({
      code: 'ack_request_mismatch',
      flags: 2,
      ack_gas_limit: 0,
    })
  })
})

describe('endpoint proofs and channel order', () => {
  let world: World
  let a: Side
  let b: Side
  let appB: Hex

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    appB = bech32ToBytes32(world.appB)
  })

  const toB = () => world.sendFrom(world.appA, a, DOMAIN_B, appB)
  const channelOf = (message: Hex) => getChannelKey(decodeMessage(message))
  const statusOnB = (message: Hex) =>
    world.query<{ status: number }>(b, { message_status: { message: b64(message) } }).status

  /** The address the endpoint recovers from signature `index` of `proof` for `sent`. */
  async function recoveredFrom(sent: Sent, proof: Hex, index = 0): Promise<string> {
    const decoded = decodeProof(proof)
    const root = branchRoot({ leaf: sent.id, branch: decoded.branch, index: decoded.leafIndex })
    const digest = getCheckpointDigest({
      origin: DOMAIN_A,
      originEndpoint: a.bytes32,
      root,
      index: decoded.checkpointIndex,
    })
    const signature = decoded.signatures[index]
    if (!signature) throw new RangeError(`no signature ${index}`)
    return (await recoverDigestSigner({ digest, signature })).toLowerCase()
  }

  it('rejects a replay of a delivered message (nonce_out_of_order)', async () => {
    const sent = await toB()
    const proof = await world.prove(a, sent.message)
    await world.must(RELAYER, b.endpoint, {
      deliver: { message: b64(sent.message), proof: b64(proof) },
    })
    expect(errorOf(await world.deliver(b, sent.message, proof))).toEqual({
      code: 'nonce_out_of_order',
      channel: channelOf(sent.message),
      expected: '2',
      actual: '1',
    })
    expect(world.chain.query(world.appB, { handled: {} })).toMatchObject({ count: 1 })
  })

  it('rejects nonce n+1 before n, then takes them in order', async () => {
    const first = await toB()
    const second = await toB()
    const channel = channelOf(first.message)
    expect(
      errorOf(await world.deliver(b, second.message, await world.prove(a, second.message))),
    ).toEqual({ code: 'nonce_out_of_order', channel: channel, expected: '1', actual: '2' })
    expect(world.query(b, { inbound_nonce: { channel } })).toEqual({ nonce: '0' })
    await world.relay(a, b, first.message)
    await world.relay(a, b, second.message)
    expect(world.query(b, { inbound_nonce: { channel } })).toEqual({ nonce: '2' })
  })

  it('bad proofs of a live message are rejected with the verifier error; it stays undelivered', async () => {
    const sent = await toB()
    const [v0, v1] = VALIDATOR_ADDRESSES
    const proofWith = (signers: number[]) => world.prove(a, sent.message, { signers })
    const sorted = decodeProof(await proofWith([0, 1, 2])).signatures
    const reordered = (signatures: Hex[]) => async () =>
      encodeProof({ ...decodeProof(await proofWith([0, 1, 2])), signatures })

    expect(errorOf(await world.deliver(b, sent.message, await proofWith([0, 1])))).toEqual({
      code: 'threshold_not_met',
      signatures: 2,
      threshold: 3,
    })
    expect(
      errorOf(
        await world.deliver(
          b,
          sent.message,
          await reordered([sorted[0]!, sorted[0]!, sorted[1]!])(),
        ),
      ),
    ).toEqual({ code: 'signers_not_ascending', previous: v0, signer: v0 })
    expect(
      errorOf(
        await world.deliver(
          b,
          sent.message,
          await reordered([sorted[1]!, sorted[0]!, sorted[2]!])(),
        ),
      ),
    ).toEqual({ code: 'signers_not_ascending', previous: v1, signer: v0 })
    const valid = decodeProof(await proofWith([0, 1, 2]))
    expect(
      errorOf(
        await world.deliver(
          b,
          sent.message,
          encodeProof({ ...valid, leafIndex: valid.checkpointIndex + 1 }),
        ),
      ),
    ).toEqual({
      code: 'leaf_index_too_high',
      leaf_index: valid.checkpointIndex + 1,
      checkpoint_index: valid.checkpointIndex,
    })
    expect(errorOf(await world.deliver(b, sent.message, '0x'))).toEqual({
      code: 'malformed_proof',
      length: 0,
    })
    expect(statusOnB(sent.message)).toBe(MessageStatus.None)
    await world.relay(a, b, sent.message)
    expect(statusOnB(sent.message)).toBe(MessageStatus.Executed)
  })

  it('rejects each of the 32 branch siblings mutated', async () => {
    // Three messages, so the branch mixes real siblings and zero hashes.
    await toB()
    await toB()
    const sent = await toB()
    const decoded = decodeProof(await world.prove(a, sent.message))
    for (let i = 0; i < 32; i++) {
      const branch = decoded.branch.map((node, j) => (j === i ? word(BigInt(node) ^ 1n) : node))
      const proof = encodeProof({ ...decoded, branch })
      const signer = await recoveredFrom(sent, proof)
      expect(VALIDATOR_ADDRESSES).not.toContain(signer)
      // Nonce 3 before 1 and 2 would fail first: deliver them, then try the mutations on leaf 2.
      if (i === 0) {
        await world.relay(a, b, a.sent[0]!.message)
        await world.relay(a, b, a.sent[1]!.message)
      }
      expect(errorOf(await world.deliver(b, sent.message, proof))).toEqual({
        code: 'signer_not_validator',
        signer: signer,
      })
    }
    await world.relay(a, b, sent.message)
  })

  it('rejects a signer that is not a validator', async () => {
    const sent = await toB()
    const outsiderKey: Hex = `0x${'77'.repeat(32)}`
    const valid = decodeProof(await world.prove(a, sent.message))
    const checkpoint = {
      origin: DOMAIN_A,
      originEndpoint: a.bytes32,
      root: a.tree.root(),
      index: valid.checkpointIndex,
    }
    const outsider = await signCheckpoint({ privateKey: outsiderKey, checkpoint })
    const proof = encodeProof({ ...valid, signatures: [outsider, ...valid.signatures] })
    const address = await recoveredFrom(sent, proof)
    expect(VALIDATOR_ADDRESSES).not.toContain(address)
    // Placed first, it passes the order check (nothing before it) and fails as an outsider.
    expect(errorOf(await world.deliver(b, sent.message, proof))).toEqual({
      code: 'signer_not_validator',
      signer: address,
    })
  })

  it('rejects a removed validator', async () => {
    const sent = await toB()
    await world.setOrigin(
      b,
      a,
      VALIDATORS.slice(1).map((v) => v.address),
      3,
    )
    expect(
      errorOf(await world.deliver(b, sent.message, await world.prove(a, sent.message))),
    ).toEqual({ code: 'signer_not_validator', signer: VALIDATOR_ADDRESSES[0] })
    await world.relay(a, b, sent.message, { signers: [1, 2, 3] })
  })

  it('rejects v = 0 and v = 1 (only 27 and 28), and v = 29', async () => {
    const sent = await toB()
    const valid = decodeProof(await world.prove(a, sent.message))
    const [first, ...rest] = valid.signatures
    for (const v of [0, 1, 29]) {
      const bad = concat(slice(first!, 0, 64), byte(v))
      expect(
        errorOf(
          await world.deliver(
            b,
            sent.message,
            encodeProof({ ...valid, signatures: [bad, ...rest] }),
          ),
        ),
      ).toEqual({ code: 'invalid_v', v: v })
    }
  })

  it('rejects a signature from which nothing is recovered (r = 0)', async () => {
    const sent = await toB()
    const valid = decodeProof(await world.prove(a, sent.message))
    const [first, ...rest] = valid.signatures
    const bad = concat(word(0n), slice(first!, 32, 65))
    expect(
      errorOf(
        await world.deliver(b, sent.message, encodeProof({ ...valid, signatures: [bad, ...rest] })),
      ),
    ).toEqual({ code: 'invalid_signature', index: 0 })
  })

  it('rejects the malleated twin of a valid signature as high-s', async () => {
    const sent = await toB()
    const valid = decodeProof(await world.prove(a, sent.message))
    const [first, ...rest] = valid.signatures
    const s = BigInt(slice(first!, 32, 64))
    const v = Number(BigInt(slice(first!, 64, 65)))
    const highS = word(SECP256K1_N - s)
    const twin = concat(slice(first!, 0, 32), highS, byte(v === 27 ? 28 : 27))
    expect(
      errorOf(
        await world.deliver(
          b,
          sent.message,
          encodeProof({ ...valid, signatures: [twin, ...rest] }),
        ),
      ),
    ).toEqual({ code: 'high_s', s: highS })
  })

  it('rejects a proof without signatures outside an execute that checked its checkpoint', async () => {
    const sent = await toB()
    const valid = decodeProof(await world.prove(a, sent.message))
    expect(
      errorOf(await world.deliver(b, sent.message, encodeProof({ ...valid, signatures: [] }))),
    ).toEqual({ code: 'threshold_not_met', signatures: 0, threshold: 3 })
  })

  it('enforces the threshold as set: 5 needs five signatures, 1 needs one', async () => {
    const sent = await toB()
    await world.must(OWNER, b.endpoint, { set_threshold: { origin: DOMAIN_A, threshold: 5 } })
    expect(
      errorOf(await world.deliver(b, sent.message, await world.prove(a, sent.message))),
    ).toEqual({ code: 'threshold_not_met', signatures: 3, threshold: 5 })
    await world.must(OWNER, b.endpoint, { set_threshold: { origin: DOMAIN_A, threshold: 1 } })
    await world.relay(a, b, sent.message, { signers: [4] })
  })

  it('deliver_batch: 10 messages under one checkpoint, signatures only on the first proof', async () => {
    const sent: Sent[] = []
    for (let i = 0; i < 10; i++) sent.push(await toB())
    const signed = await Promise.all(sent.map((s) => world.prove(a, s.message)))
    const proofs = signed.map((p, i) =>
      i === 0 ? p : encodeProof({ ...decodeProof(p), signatures: [] }),
    )
    const messages = sent.map((s) => b64(s.message))

    // Without a signed proof first, the checkpoint is unknown.
    const unsigned = [
      encodeProof({ ...decodeProof(signed[0]!), signatures: [] }),
      ...proofs.slice(1),
    ]
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          deliver_batch: { messages, proofs: unsigned.map(b64) },
        }),
      ),
    ).toEqual({ code: 'threshold_not_met', signatures: 0, threshold: 3 })
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          deliver_batch: { messages, proofs: proofs.slice(1).map(b64) },
        }),
      ),
    ).toEqual({ code: 'batch_length_mismatch', messages: 10, proofs: 9 })
    // One bad message fails the whole batch: nothing is delivered.
    const broken = [
      ...proofs.slice(0, 9),
      encodeProof({ ...decodeProof(proofs[9]!), leafIndex: 8 }),
    ].map(b64)
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, { deliver_batch: { messages, proofs: broken } }),
      ),
    ).toEqual({ code: 'threshold_not_met', signatures: 0, threshold: 3 })
    expect(world.chain.query(world.appB, { handled: {} })).toMatchObject({ count: 0 })

    const receipt = await world.must(RELAYER, b.endpoint, {
      deliver_batch: { messages, proofs: proofs.map(b64) },
    })
    const delivered = eventsOf(receipt, 'ferry_message_delivered')
    expect(delivered.map((d) => [d.nonce, d.status])).toEqual(
      sent.map((_, i) => [String(i + 1), '1']),
    )
    expect(world.chain.query(world.appB, { handled: {} })).toMatchObject({ count: 10 })
    // A later execute does not inherit the remembered checkpoint.
    const next = await toB()
    const nextProof = decodeProof(await world.prove(a, next.message))
    expect(
      errorOf(await world.deliver(b, next.message, encodeProof({ ...nextProof, signatures: [] }))),
    ).toEqual({ code: 'threshold_not_met', signatures: 0, threshold: 3 })
  })

  it('deliver_batch remembers a checkpoint per origin: the same root and index from another origin is not covered', async () => {
    // B also trusts origin 7003 (another endpoint address, the same validators). One tree holds a
    // message from A (leaf 0) and one from 7003 (leaf 1): both proofs claim the same
    // (checkpointIndex, root), but the digest binds the origin, so A's signatures do not cover
    // the 7003 proof.
    const c = new Side(7003, world.appA)
    await world.setOrigin(b, c)
    const first = await toB()
    const forged = encodeMessage({ ...decodeMessage(first.message), origin: 7003 })
    const ids = [first.id, getMessageId(forged)]
    const signed = await proveLeaves(a, ids, 0, SIGNING_KEYS)
    const unsigned = encodeProof({
      ...decodeProof(await proveLeaves(c, ids, 1, SIGNING_KEYS)),
      signatures: [],
    })
    expect(decodeProof(unsigned).checkpointIndex).toBe(decodeProof(signed).checkpointIndex)
    const batch = {
      deliver_batch: {
        messages: [b64(first.message), b64(forged)],
        proofs: [b64(signed), b64(unsigned)],
      },
    }
    expect(errorOf(await world.execute(RELAYER, b.endpoint, batch))).toEqual({
      code: 'threshold_not_met',
      signatures: 0,
      threshold: 3,
    })
    // Signed by 7003's validators too, the batch goes through.
    const both = {
      deliver_batch: {
        messages: [b64(first.message), b64(forged)],
        proofs: [b64(signed), b64(await proveLeaves(c, ids, 1, SIGNING_KEYS))],
      },
    }
    expect(
      eventsOf(await world.must(RELAYER, b.endpoint, both), 'ferry_message_delivered'),
    ).toHaveLength(2)
  })
})

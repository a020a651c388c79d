// Owner powers: pause, two-step ownership, validator sets per origin (threshold rules on every
// change), the per-app verifier override, migrate, and the views of an empty endpoint; the
// CosmWasm twins of Endpoint.admin.test.ts and MultisigVerifier.test.ts's configuration tests
// (packages/evm-contracts/test/).

import type { Hex } from '@ferry/cosmwasm-bindings'
import {
  account,
  b64,
  Chain,
  contractError,
  DENOM,
  DOMAIN_A,
  DOMAIN_B,
  errorOf,
  eventsOf,
  OWNER,
  RELAYER,
  type Side,
  World,
} from '@ferry/cosmwasm-bindings/harness'
import { bech32ToBytes32, decodeMessage, ZERO_HASHES } from '@ferry/protocol'
import { checkpointsVectors } from '@ferry/spec'
import { beforeEach, describe, expect, it } from 'vitest'

// The spec's vector validators sign every checkpoint these tests prove.
const VALIDATORS = checkpointsVectors.validators

const BOB = account(0x66)
const STRANGER = account(0x77)
const NOW = Math.floor(Date.now() / 1000) + 1_000_000
const VALIDATOR_ADDRESSES = VALIDATORS.map((v) => v.address.toLowerCase() as Hex)
const ZERO_ADDRESS: Hex = `0x${'00'.repeat(20)}`
const ZERO_BYTES32: Hex = `0x${'00'.repeat(32)}`

describe('endpoint administration', () => {
  let world: World
  let a: Side
  let b: Side

  beforeEach(async () => {
    world = await World.create({ validators: VALIDATORS })
    ;({ a, b } = world)
    world.chain.setTime(NOW)
  })

  const unauthorized = (who: string, role = 'owner') => ({
    code: 'unauthorized',
    sender: who,
    role,
  })
  const forward = (contract: string, msg: unknown) => ({
    forward: { contract, msg: Buffer.from(JSON.stringify(msg)).toString('base64') },
  })

  it('pause blocks send, deliver, deliver_batch, retry and timeout (paused); unpause resumes', async () => {
    const deadline = BigInt(NOW + 10_000)
    const failed = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB), {
      body: 'fail:x',
      deadline,
    })
    await world.relay(a, b, failed.message)
    const pending = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB))
    const proof = await world.prove(a, pending.message)

    expect(errorOf(await world.execute(STRANGER, b.endpoint, { pause: {} }))).toEqual(
      unauthorized(STRANGER),
    )
    const paused = await world.must(OWNER, b.endpoint, { pause: {} })
    expect(eventsOf(paused, 'ferry_paused')).toEqual([{ _contract_address: b.endpoint, by: OWNER }])
    await world.must(OWNER, a.endpoint, { pause: {} })
    expect(world.query(b, { config: {} })).toMatchObject({ paused: true })

    expect(
      errorOf(
        await world.execute(RELAYER, a.endpoint, {
          send: {
            destination: DOMAIN_B,
            recipient: bech32ToBytes32(world.appB),
            body: '',
            gas_limit: 1,
            ack_gas_limit: 0,
            deadline: '0',
          },
        }),
      ),
    ).toEqual({ code: 'paused' })
    expect(errorOf(await world.deliver(b, pending.message, proof))).toEqual({ code: 'paused' })
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          deliver_batch: { messages: [b64(pending.message)], proofs: [b64(proof)] },
        }),
      ),
    ).toEqual({ code: 'paused' })
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          retry: {
            message: b64(failed.message),
            gas_limit: decodeMessage(failed.message).gasLimit,
          },
        }),
      ),
    ).toEqual({ code: 'paused' })
    world.chain.setTime(NOW + 10_001)
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, { timeout: { message: b64(failed.message) } }),
      ),
    ).toEqual({ code: 'paused' })
    // Queries still answer.
    expect(world.query(b, { message_status: { message: b64(failed.message) } })).toEqual({
      status: 2,
    })

    expect(errorOf(await world.execute(STRANGER, b.endpoint, { unpause: {} }))).toEqual(
      unauthorized(STRANGER),
    )
    const unpaused = await world.must(OWNER, b.endpoint, { unpause: {} })
    expect(eventsOf(unpaused, 'ferry_unpaused')).toHaveLength(1)
    await world.must(RELAYER, b.endpoint, {
      deliver: { message: b64(pending.message), proof: b64(proof) },
    })
    await world.must(RELAYER, b.endpoint, { timeout: { message: b64(failed.message) } })
    expect(world.query(b, { stored_status: { id: failed.id } })).toEqual({ status: 3 })
  })

  it('transfers ownership in two steps', async () => {
    const { endpoint } = b
    const started = await world.must(OWNER, endpoint, { transfer_ownership: { new_owner: BOB } })
    expect(eventsOf(started, 'ferry_ownership_transfer_started')).toEqual([
      { _contract_address: endpoint, previous_owner: OWNER, new_owner: BOB },
    ])
    expect(world.query(b, { config: {} })).toMatchObject({ owner: OWNER, pending_owner: BOB })
    expect(errorOf(await world.execute(STRANGER, endpoint, { accept_ownership: {} }))).toEqual({
      code: 'unauthorized',
      sender: STRANGER,
      role: 'pending owner',
    })
    expect(
      errorOf(await world.execute(BOB, endpoint, { transfer_ownership: { new_owner: BOB } })),
    ).toEqual(unauthorized(BOB))
    const accepted = await world.must(BOB, endpoint, { accept_ownership: {} })
    expect(eventsOf(accepted, 'ferry_ownership_transferred')).toEqual([
      { _contract_address: endpoint, previous_owner: OWNER, new_owner: BOB },
    ])
    expect(world.query(b, { config: {} })).toMatchObject({ owner: BOB, pending_owner: null })
    // Accepting twice is not possible, and the old owner has no power left.
    expect(errorOf(await world.execute(BOB, endpoint, { accept_ownership: {} }))).toEqual({
      code: 'unauthorized',
      sender: BOB,
      role: 'pending owner',
    })
    expect(
      errorOf(await world.execute(OWNER, endpoint, { remove_origin: { origin: DOMAIN_A } })),
    ).toEqual(unauthorized(OWNER))
    await world.must(BOB, endpoint, { set_threshold: { origin: DOMAIN_A, threshold: 2 } })
    expect(world.query(b, { origin: { origin: DOMAIN_A } })).toMatchObject({ threshold: 2 })
  })

  it('a new transfer replaces the pending owner; an invalid new owner is refused', async () => {
    await world.must(OWNER, b.endpoint, { transfer_ownership: { new_owner: BOB } })
    await world.must(OWNER, b.endpoint, { transfer_ownership: { new_owner: STRANGER } })
    expect(errorOf(await world.execute(BOB, b.endpoint, { accept_ownership: {} }))).toEqual({
      code: 'unauthorized',
      sender: BOB,
      role: 'pending owner',
    })
    expect(
      errorOf(
        await world.execute(OWNER, b.endpoint, {
          transfer_ownership: { new_owner: 'cosmos1nope' },
        }),
      ),
    ).toMatchObject({ code: 'invalid_address', address: 'cosmos1nope' })
    await world.must(STRANGER, b.endpoint, { accept_ownership: {} })
    expect(world.query(b, { config: {} })).toMatchObject({ owner: STRANGER, pending_owner: null })
  })

  it('lets only the owner appoint the fee roles, each with an event', async () => {
    expect(
      errorOf(
        await world.execute(STRANGER, b.endpoint, { set_fee_manager: { address: STRANGER } }),
      ),
    ).toEqual(unauthorized(STRANGER))
    expect(
      errorOf(
        await world.execute(STRANGER, b.endpoint, { set_fee_collector: { address: STRANGER } }),
      ),
    ).toEqual(unauthorized(STRANGER))
    const manager = await world.must(OWNER, b.endpoint, { set_fee_manager: { address: BOB } })
    expect(eventsOf(manager, 'ferry_fee_manager_set')).toEqual([
      { _contract_address: b.endpoint, address: BOB },
    ])
    const collector = await world.must(OWNER, b.endpoint, {
      set_fee_collector: { address: STRANGER },
    })
    expect(eventsOf(collector, 'ferry_fee_collector_set')).toEqual([
      { _contract_address: b.endpoint, address: STRANGER },
    ])
    expect(world.query(b, { config: {} })).toEqual({
      local_domain: DOMAIN_B,
      denom: DENOM,
      owner: OWNER,
      pending_owner: null,
      fee_manager: BOB,
      fee_collector: STRANGER,
      paused: false,
    })
    // The owner is no longer the fee manager.
    expect(
      errorOf(await world.execute(OWNER, b.endpoint, { remove_fee_config: { domain: DOMAIN_A } })),
    ).toEqual({ code: 'unauthorized', sender: OWNER, role: 'fee manager' })
  })

  it('enforces 1 <= threshold <= set size on every change', async () => {
    const endpoint = a.bytes32
    const setOrigin = (
      origin: number,
      validators: string[],
      threshold: number,
      originEndpoint: Hex = endpoint,
    ) =>
      world.execute(OWNER, b.endpoint, {
        set_origin: { origin, origin_endpoint: originEndpoint, validators, threshold },
      })
    expect(errorOf(await setOrigin(7, VALIDATOR_ADDRESSES, 0))).toEqual({
      code: 'invalid_threshold',
      threshold: 0,
      size: 5,
    })
    expect(errorOf(await setOrigin(7, VALIDATOR_ADDRESSES, 6))).toEqual({
      code: 'invalid_threshold',
      threshold: 6,
      size: 5,
    })
    expect(errorOf(await setOrigin(7, [], 1))).toEqual({
      code: 'invalid_threshold',
      threshold: 1,
      size: 0,
    })
    expect(
      errorOf(
        await world.execute(OWNER, b.endpoint, {
          set_threshold: { origin: DOMAIN_A, threshold: 0 },
        }),
      ),
    ).toEqual({ code: 'invalid_threshold', threshold: 0, size: 5 })
    expect(
      errorOf(
        await world.execute(OWNER, b.endpoint, {
          set_threshold: { origin: DOMAIN_A, threshold: 6 },
        }),
      ),
    ).toEqual({ code: 'invalid_threshold', threshold: 6, size: 5 })
    expect(
      errorOf(
        await world.execute(OWNER, b.endpoint, { set_threshold: { origin: 7, threshold: 1 } }),
      ),
    ).toEqual({ code: 'unknown_origin', origin: 7 })
    expect(world.chain.queryError(b.endpoint, { origin: { origin: 7 } })).toEqual({
      code: 'unknown_origin',
      origin: 7,
    })
    // A smaller set keeps the rule: threshold 3 of a 2-validator set is refused.
    expect(errorOf(await setOrigin(DOMAIN_A, VALIDATOR_ADDRESSES.slice(0, 2), 3))).toEqual({
      code: 'invalid_threshold',
      threshold: 3,
      size: 2,
    })
    expect(world.query(b, { origin: { origin: DOMAIN_A } })).toEqual({
      origin_endpoint: endpoint,
      validators: VALIDATOR_ADDRESSES,
      threshold: 3,
    })
    const set = await world.must(OWNER, b.endpoint, {
      set_threshold: { origin: DOMAIN_A, threshold: 5 },
    })
    expect(eventsOf(set, 'ferry_threshold_set')).toEqual([
      { _contract_address: b.endpoint, origin: String(DOMAIN_A), threshold: '5' },
    ])
    expect(world.query(b, { origin: { origin: DOMAIN_A } })).toMatchObject({ threshold: 5 })
  })

  it('requires validators strictly ascending and non-zero, and a non-zero origin endpoint', async () => {
    const [v0, v1, v2] = VALIDATOR_ADDRESSES as [Hex, Hex, Hex]
    const setOrigin = (validators: string[], originEndpoint: Hex = a.bytes32) =>
      world.execute(OWNER, b.endpoint, {
        set_origin: { origin: 7, origin_endpoint: originEndpoint, validators, threshold: 1 },
      })
    expect(errorOf(await setOrigin([v1, v0, v2]))).toEqual({
      code: 'validators_not_ascending',
      previous: v1,
      validator: v0,
    })
    expect(errorOf(await setOrigin([v0, v0, v2]))).toEqual({
      code: 'validators_not_ascending',
      previous: v0,
      validator: v0,
    })
    expect(errorOf(await setOrigin([ZERO_ADDRESS, v0]))).toEqual({
      code: 'validators_not_ascending',
      previous: ZERO_ADDRESS,
      validator: ZERO_ADDRESS,
    })
    expect(errorOf(await setOrigin([v0], ZERO_BYTES32))).toEqual({
      code: 'zero_origin_endpoint',
      origin: 7,
    })
    expect(errorOf(await setOrigin([v0.slice(0, 41)]))).toEqual({
      code: 'invalid_json',
      path: 'set_origin.validators',
      problem: 'expected 0x and 40 hex digits',
    })
    // Addresses in any case are read; they are answered in lower case.
    const out = await world.must(OWNER, b.endpoint, {
      set_origin: {
        origin: 7,
        origin_endpoint: a.bytes32.toUpperCase().replace('0X', '0x'),
        validators: [v0.toUpperCase().replace('0X', '0x'), v1],
        threshold: 2,
      },
    })
    expect(eventsOf(out, 'ferry_origin_set')).toEqual([
      {
        _contract_address: b.endpoint,
        origin: '7',
        origin_endpoint: a.bytes32,
        validators: `${v0},${v1}`,
        threshold: '2',
      },
    ])
    expect(world.query(b, { origin: { origin: 7 } })).toEqual({
      origin_endpoint: a.bytes32,
      validators: [v0, v1],
      threshold: 2,
    })
  })

  it('lets only the owner configure origins', async () => {
    expect(
      errorOf(
        await world.execute(STRANGER, b.endpoint, {
          set_origin: {
            origin: 7,
            origin_endpoint: a.bytes32,
            validators: VALIDATOR_ADDRESSES,
            threshold: 1,
          },
        }),
      ),
    ).toEqual(unauthorized(STRANGER))
    expect(
      errorOf(
        await world.execute(STRANGER, b.endpoint, {
          set_threshold: { origin: DOMAIN_A, threshold: 1 },
        }),
      ),
    ).toEqual(unauthorized(STRANGER))
    expect(
      errorOf(await world.execute(STRANGER, b.endpoint, { remove_origin: { origin: DOMAIN_A } })),
    ).toEqual(unauthorized(STRANGER))
    expect(world.query(b, { origin: { origin: DOMAIN_A } })).toMatchObject({ threshold: 3 })
  })

  it('remove_origin: deliveries from it are refused until it is set again', async () => {
    const sent = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB))
    const removed = await world.must(OWNER, b.endpoint, { remove_origin: { origin: DOMAIN_A } })
    expect(eventsOf(removed, 'ferry_origin_removed')).toEqual([
      { _contract_address: b.endpoint, origin: String(DOMAIN_A) },
    ])
    expect(world.chain.queryError(b.endpoint, { origin: { origin: DOMAIN_A } })).toEqual({
      code: 'unknown_origin',
      origin: DOMAIN_A,
    })
    expect(
      errorOf(await world.execute(OWNER, b.endpoint, { remove_origin: { origin: DOMAIN_A } })),
    ).toEqual({ code: 'unknown_origin', origin: DOMAIN_A })
    expect(
      errorOf(
        await world.execute(OWNER, b.endpoint, {
          set_threshold: { origin: DOMAIN_A, threshold: 1 },
        }),
      ),
    ).toEqual({ code: 'unknown_origin', origin: DOMAIN_A })
    expect(
      errorOf(await world.deliver(b, sent.message, await world.prove(a, sent.message))),
    ).toEqual({ code: 'unknown_origin', origin: DOMAIN_A })
    await world.setOrigin(b, a)
    await world.relay(a, b, sent.message)
  })

  it('app verifier override: an app picks its own verifier per origin; null clears it', async () => {
    const verifier = await world.chain.recipient()
    const other = await world.chain.recipient()
    const appB = bech32ToBytes32(world.appB)
    const set = await world.must(
      RELAYER,
      world.appB,
      forward(b.endpoint, { set_app_verifier: { origin: DOMAIN_A, verifier } }),
    )
    expect(eventsOf(set, 'ferry_app_verifier_set')).toEqual([
      { _contract_address: b.endpoint, app: world.appB, origin: String(DOMAIN_A), verifier },
    ])
    expect(world.query(b, { app_verifier: { app: world.appB, origin: DOMAIN_A } })).toEqual({
      verifier,
    })
    expect(world.query(b, { app_verifier: { app: world.appB, origin: DOMAIN_B } })).toEqual({
      verifier: null,
    })
    expect(world.query(b, { app_verifier: { app: other, origin: DOMAIN_A } })).toEqual({
      verifier: null,
    })

    // The verifier answers {"valid":false}: even a proof the validators signed is rejected.
    const first = await world.sendFrom(world.appA, a, DOMAIN_B, appB)
    expect(
      errorOf(await world.deliver(b, first.message, await world.prove(a, first.message))),
    ).toEqual({ code: 'proof_rejected', id: first.id, verifier: verifier })
    // It answers {"valid":true}: delivered whatever the proof.
    await world.must(RELAYER, verifier, { set_valid: { valid: true } })
    const receipt = await world.deliver(b, first.message, '0x')
    expect(eventsOf(receipt, 'ferry_message_delivered')[0]?.status).toBe('1')

    // Other apps keep the built-in multisig verifier.
    const toOther = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(other))
    expect(errorOf(await world.deliver(b, toOther.message, '0x'))).toEqual({
      code: 'malformed_proof',
      length: 0,
    })
    await world.relay(a, b, toOther.message)

    // Clearing the override brings the multisig verifier back.
    const cleared = await world.must(
      RELAYER,
      world.appB,
      forward(b.endpoint, { set_app_verifier: { origin: DOMAIN_A, verifier: null } }),
    )
    expect(eventsOf(cleared, 'ferry_app_verifier_set')[0]).toMatchObject({ verifier: '' })
    expect(world.query(b, { app_verifier: { app: world.appB, origin: DOMAIN_A } })).toEqual({
      verifier: null,
    })
    const second = await world.sendFrom(world.appA, a, DOMAIN_B, appB)
    expect(errorOf(await world.deliver(b, second.message, '0x'))).toEqual({
      code: 'malformed_proof',
      length: 0,
    })
    await world.relay(a, b, second.message)
    expect(world.chain.query(world.appB, { handled: {} })).toMatchObject({ count: 2 })
  })

  it('an app verifier must be a valid address; one app cannot set another’s', async () => {
    expect(
      errorOf(
        await world.execute(RELAYER, b.endpoint, {
          set_app_verifier: { origin: DOMAIN_A, verifier: 'wasm1nope' },
        }),
      ),
    ).toMatchObject({ code: 'invalid_address', address: 'wasm1nope' })
    // The override is keyed by the caller: RELAYER setting one does not touch appB.
    await world.must(RELAYER, b.endpoint, {
      set_app_verifier: { origin: DOMAIN_A, verifier: world.appA },
    })
    expect(world.query(b, { app_verifier: { app: RELAYER, origin: DOMAIN_A } })).toEqual({
      verifier: world.appA,
    })
    expect(world.query(b, { app_verifier: { app: world.appB, origin: DOMAIN_A } })).toEqual({
      verifier: null,
    })
  })

  it('migrate keeps the state and takes only {}', async () => {
    const sent = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB), {
      ackGasLimit: 10_000,
    })
    const receipt = await world.relay(a, b, sent.message)
    expect(world.sentIn(receipt, b)).toHaveLength(1)
    const before = {
      config: world.query(b, { config: {} }),
      origin: world.query(b, { origin: { origin: DOMAIN_A } }),
      root: world.query(b, { merkle_root: {} }),
      count: world.query(b, { merkle_count: {} }),
      status: world.query(b, { message_status: { message: b64(sent.message) } }),
    }
    const rejected = await world.chain.app.wasm.migrateContract(
      OWNER,
      world.chain.endpointCode,
      b.endpoint,
      { keep: true },
    )
    expect(rejected.err && contractError(String(rejected.val))).toEqual({
      code: 'invalid_json',
      path: 'migrate',
      problem: 'unknown field',
      field: 'keep',
    })
    const migrated = await world.chain.app.wasm.migrateContract(
      OWNER,
      world.chain.endpointCode,
      b.endpoint,
      {},
    )
    expect(migrated.ok).toBe(true)
    expect({
      config: world.query(b, { config: {} }),
      origin: world.query(b, { origin: { origin: DOMAIN_A } }),
      root: world.query(b, { merkle_root: {} }),
      count: world.query(b, { merkle_count: {} }),
      status: world.query(b, { message_status: { message: b64(sent.message) } }),
    }).toEqual(before)
    // And it goes on working: the next message in the channel is delivered.
    const next = await world.sendFrom(world.appA, a, DOMAIN_B, bech32ToBytes32(world.appB))
    await world.relay(a, b, next.message)
  })

  it('views of an empty endpoint', async () => {
    const chain = await Chain.create()
    const empty = await chain.endpoint(7)
    expect(chain.query(empty, { merkle_count: {} })).toEqual({ count: 0 })
    expect(chain.query(empty, { merkle_root: {} })).toEqual({ root: ZERO_HASHES[32] })
    expect(chain.queryError(empty, { latest_checkpoint: {} })).toEqual({ code: 'empty_tree' })
    expect(chain.query(empty, { config: {} })).toEqual({
      local_domain: 7,
      denom: DENOM,
      owner: OWNER,
      pending_owner: null,
      fee_manager: OWNER,
      fee_collector: OWNER,
      paused: false,
    })
    expect(chain.query(empty, { inbound_nonce: { channel: ZERO_BYTES32 } })).toEqual({ nonce: '0' })
    expect(chain.query(empty, { stored_status: { id: ZERO_BYTES32 } })).toEqual({ status: 0 })
  })

  it('instantiate validates its owner and denom', async () => {
    const chain = await Chain.create()
    await expect(
      chain.instantiate(chain.endpointCode, { local_domain: 7, owner: 'wasm1nope', denom: DENOM }),
    ).rejects.toThrow('{"ferry_error":{"code":"invalid_address","address":"wasm1nope",')
    await expect(
      chain.instantiate(chain.endpointCode, { local_domain: 7, owner: OWNER, denom: '' }),
    ).rejects.toThrow('{"ferry_error":{"code":"invalid_denom","denom":""}}')
    await expect(
      chain.instantiate(chain.endpointCode, {
        local_domain: 7,
        owner: OWNER,
        denom: DENOM,
        extra: 1,
      }),
    ).rejects.toThrow(
      '{"ferry_error":{"code":"invalid_json","path":"instantiate","problem":"unknown field","field":"extra"}}',
    )
  })
})

// Regression tests of the fixes the embedded chain applies to the simulator
// (src/embedded/simulator/, fixes (a) to (h)). Each test asserts what a real CosmWasm chain
// (wasmd) does and the simulator alone gets wrong: all but the valid-signature case, the one
// whose limit is not applied and those named "(control)" fail without the fixes.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { beforeEach, describe, expect, test } from 'vitest'
import { createEmbeddedChain, type EmbeddedChain } from '../../src/embedded/createEmbeddedChain.ts'
import { EmbeddedChainError } from '../../src/embedded/errors.ts'
import { wasmPath } from '../../src/harness/wasmPath.ts'
import { predictInstantiate2Address } from '../../src/interchainAccounts/predictInstantiate2Address.ts'
import { account } from './fixtures/accounts.ts'
import { assembleWat } from './fixtures/assembleWat.ts'

const alice = account(1)
const probeWasm = assembleWat('probe.wat')
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

let chain: EmbeddedChain
let probe: string
let codeId: number

beforeEach(async () => {
  chain = createEmbeddedChain({ chainId: 'ferry-test', bech32Prefix: 'wasm' })
  codeId = await chain.storeCode(alice, probeWasm)
  probe = (await chain.instantiate(alice, codeId, {})).contractAddress
})

describe('fix (a): a failed execution leaves no writes in the contract VM cache', () => {
  test('the next execute does not commit the failed one’s writes', async () => {
    await expect(chain.execute(alice, probe, { fail: 1 })).rejects.toThrow('failed on purpose')
    expect(await chain.query(probe, { get: 'f' })).toBeNull()
    await chain.execute(alice, probe, { set: 1 })
    // Without the fix: the VM kept key "f" from the failed execute and this execute saved it.
    expect(await chain.query(probe, { get: 'f' })).toBeNull()
    expect(await chain.query(probe, { get: 's' })).toEqual({ set: 1 })
  })

  test('neither does a contract whose failing sub-message rolled back the transaction', async () => {
    const callee = (await chain.instantiate(alice, codeId, {})).contractAddress
    const failing = Buffer.from(JSON.stringify({ fail: 2 })).toString('base64')
    const pay = { wasm: { execute: { contract_addr: callee, msg: failing, funds: [] } } }
    await expect(chain.execute(alice, probe, { pay })).rejects.toThrow('failed on purpose')
    await chain.execute(alice, callee, { set: 2 })
    expect(await chain.query(callee, { get: 'f' })).toBeNull()
  })
})

describe('fix (b): JSON is written to the contract as UTF-8 bytes', () => {
  const text = 'héllo ✓ 🚀 ферри 渡し'

  test('a non-ASCII execute message arrives whole', async () => {
    // Without the fix: the region was sized by UTF-16 length and the write overflowed it.
    const msg = { set: text }
    const { data } = await chain.execute(alice, probe, msg)
    expect(new TextDecoder().decode(data)).toBe(JSON.stringify(msg))
    expect(await chain.query(probe, { get: 's' })).toEqual(msg)
  })

  test('non-ASCII instantiate and query messages arrive whole', async () => {
    const contract = (await chain.instantiate(alice, codeId, { name: text })).contractAddress
    expect(await chain.query(contract, { get: 'i', note: text })).toEqual({ name: text })
  })
})

describe('fix (c): secp256k1_recover_pubkey returns the VM’s error codes', () => {
  const privateKey = secp256k1.utils.randomSecretKey()
  const hash = new Uint8Array(32).fill(7)
  const signature = secp256k1.sign(hash, privateKey, { prehash: false, format: 'recovered' })
  const recovery = signature[0] ?? 0
  const rs = signature.subarray(1)

  /** Calls the host function through the probe; the u64 it returned and the bytes after it. */
  const recover = async (param: number, hashBytes: Uint8Array, signatureBytes: Uint8Array) => {
    const input = Uint8Array.from([param, hashBytes.length, ...hashBytes, ...signatureBytes])
    const { data } = await chain.execute(alice, probe, { recover: hex(input) })
    const view = new DataView(data!.buffer, data!.byteOffset, data!.byteLength)
    return { code: view.getUint32(0), region: view.getUint32(4), bytes: hex(data!.subarray(8)) }
  }

  test('a valid signature: code 0, the region holds the 65-byte uncompressed key', async () => {
    const result = await recover(recovery, hash, rs)
    expect(result.code).toBe(0)
    expect(result.region).not.toBe(0)
    expect(result.bytes).toBe(hex(secp256k1.getPublicKey(privateKey, false)))
  })

  // cosmwasm-crypto's CryptoError codes; cosmwasm-std maps them to RecoverPubkeyError.
  test.each([
    ['an unrecoverable signature (r = 0): GenericErr', 10, recovery, hash, new Uint8Array(64)],
    ['a 31-byte hash: InvalidHashFormat', 3, recovery, hash.subarray(1), rs],
    ['a 63-byte signature: InvalidSignatureFormat', 4, recovery, hash, rs.subarray(1)],
    ['recovery param 2: InvalidRecoveryParam', 6, 2, hash, rs],
  ])('%s is error code %i in the high half, no region', async (_, code, param, h, s) => {
    // Without the fix: code 0 and a region holding an error message, read as if it were the key.
    expect(await recover(param, h, s)).toEqual({ code, region: 0, bytes: '' })
  })

  test('a hash region over 32 bytes is a VM error, as cosmwasm-vm’s read_region makes it', async () => {
    const input = Uint8Array.from([recovery, 33, ...hash, 0, ...rs])
    await expect(chain.execute(alice, probe, { recover: hex(input) })).rejects.toThrow(
      'region length too big',
    )
  })
})

/** A SubMsg executing `msg` on `contract`, as a probe's `{"msg":…}` returns it. */
const subMsg = (
  contract: string,
  msg: object,
  options: { gasLimit?: number | null; replyOn: 'always' | 'success' | 'error' | 'never' },
) => ({
  msg: {
    id: 7,
    msg: {
      wasm: {
        execute: {
          contract_addr: contract,
          msg: Buffer.from(JSON.stringify(msg)).toString('base64'),
          funds: [],
        },
      },
    },
    gas_limit: options.gasLimit ?? null,
    reply_on: options.replyOn,
  },
})

/** Bytes of a protobuf message with one length-delimited field 1 (MsgExecuteContractResponse). */
const field1 = (bytes: Buffer) => Buffer.concat([Buffer.from([0x0a, bytes.length]), bytes])

describe('fix (d): a sub-message runs with at most its gas_limit, as wasmd’s limited gas meter', () => {
  // A burn of 1,000,000 loop iterations costs about 8.7 million of the simulator's gas.
  const burn = { burn: 1_000_000 }
  let metered: EmbeddedChain
  let caller: string
  let callee: string

  beforeEach(async () => {
    metered = createEmbeddedChain({
      chainId: 'ferry-test',
      bech32Prefix: 'wasm',
      metering: true,
      gasLimit: 5_000_000,
    })
    const code = await metered.storeCode(alice, probeWasm)
    caller = (await metered.instantiate(alice, code, {})).contractAddress
    callee = (await metered.instantiate(alice, code, {})).contractAddress
  })

  test('running out is a sub-message error for the reply; the caller pays the whole limit', async () => {
    const before = metered.app.gasUsed
    await metered.execute(
      alice,
      caller,
      subMsg(callee, burn, { gasLimit: 50_000, replyOn: 'always' }),
    )
    const spent = metered.app.gasUsed - before
    // Without the fix: the limit was ignored, the burn ran to its end and the reply got `ok`.
    expect(await metered.query(caller, { get: 'r' })).toEqual({
      id: 7,
      result: { error: 'SubMsg hit gas limit: out of gas' },
    })
    expect(await metered.query(callee, { get: 'b' })).toBeNull()
    expect(spent).toBeGreaterThan(50_000)
    expect(spent).toBeLessThan(100_000)
  })

  test('without a reply on error, running out fails the whole transaction', async () => {
    const msg = subMsg(callee, burn, { gasLimit: 50_000, replyOn: 'success' })
    await expect(metered.execute(alice, caller, msg)).rejects.toMatchObject({
      reason: 'SubMsg hit gas limit: out of gas',
    })
  })

  test('(control) a sub-message within its limit runs and replies ok', async () => {
    const msg = subMsg(callee, { burn: 100 }, { gasLimit: 200_000, replyOn: 'always' })
    await metered.execute(alice, caller, msg)
    expect(await metered.query(caller, { get: 'r' })).toMatchObject({ result: { ok: {} } })
    expect(await metered.query(callee, { get: 'b' })).toEqual({ burn: 100 })
  })

  test('a limit not below the gas left is not applied: running out fails the transaction', async () => {
    // wasmd limits the sub-call only when gas_limit < the gas remaining, so a caller giving the
    // transaction too little gas cannot make the sub-message fail on its own.
    const msg = subMsg(callee, burn, { gasLimit: 6_000_000, replyOn: 'always' })
    await expect(metered.execute(alice, caller, msg)).rejects.toThrow(EmbeddedChainError)
    expect(await metered.query(caller, { get: 'r' })).toBeNull()
  })
})

describe('fix (e): the reply to an execute sub-message carries wasmd’s SubMsgResponse', () => {
  let callee: string

  beforeEach(async () => {
    callee = (await chain.instantiate(alice, codeId, {})).contractAddress
  })

  test('data is MsgExecuteContractResponse { data = 1 }, also in msg_responses', async () => {
    const inner = { X: 'héllo' }
    await chain.execute(alice, probe, subMsg(callee, inner, { replyOn: 'success' }))
    const wrapped = field1(Buffer.from(JSON.stringify(inner))).toString('base64')
    // Without the fix: MsgInstantiateContractResponse { address = 1 (the callee), data = 2 }, no
    // msg_responses.
    expect(await chain.query(probe, { get: 'r' })).toMatchObject({
      id: 7,
      result: {
        ok: {
          data: wrapped,
          msg_responses: [
            { type_url: '/cosmwasm.wasm.v1.MsgExecuteContractResponse', value: wrapped },
          ],
        },
      },
    })
  })

  test('an execute without data: no data, an empty MsgExecuteContractResponse', async () => {
    // The callee returns no data: it only sends itself a sub-message that does not reply.
    const inner = subMsg(callee, { set: 1 }, { replyOn: 'never' })
    await chain.execute(alice, probe, subMsg(callee, inner, { replyOn: 'always' }))
    const reply = (await chain.query(probe, { get: 'r' })) as { result: { ok: object } }
    expect(reply.result.ok).toMatchObject({
      msg_responses: [{ type_url: '/cosmwasm.wasm.v1.MsgExecuteContractResponse', value: '' }],
    })
    expect(reply.result.ok).not.toHaveProperty('data', expect.anything())
  })

  test('the caller’s data is its own unless its reply sets some, not the sub-message’s', async () => {
    const outcome = await chain.execute(
      alice,
      probe,
      subMsg(callee, { X: 1 }, { replyOn: 'always' }),
    )
    // Without the fix: the callee's data leaked into the caller's response when the reply had none.
    expect(outcome.data).toBeUndefined()
  })
})

describe('fix (f): a sub-message to an address without a contract fails as a sub-message', () => {
  const nobody = account(9)

  test('the reply gets the error and the transaction goes on', async () => {
    // Without the fix: "Contract … not found" was thrown out of the whole execution.
    await chain.execute(alice, probe, subMsg(nobody, { set: 1 }, { replyOn: 'error' }))
    expect(await chain.query(probe, { get: 'r' })).toEqual({
      id: 7,
      result: { error: `no such contract: ${nobody}` },
    })
  })

  test('without a reply on error, and for a transaction, it is the chain’s error', async () => {
    await expect(
      chain.execute(alice, probe, subMsg(nobody, { set: 1 }, { replyOn: 'never' })),
    ).rejects.toMatchObject({ name: 'EmbeddedChainError', reason: `no such contract: ${nobody}` })
    await expect(chain.execute(alice, nobody, { set: 1 })).rejects.toMatchObject({
      name: 'EmbeddedChainError',
      reason: `no such contract: ${nobody}`,
    })
  })
})

describe('fix (g): instantiate2 as wasmd runs it', () => {
  const salt = Uint8Array.from([1, 2, 3, 4])
  const checksum = createHash('sha256').update(probeWasm).digest()
  const instantiate2 = (
    saltBytes: Uint8Array,
    funds: { denom: string; amount: string }[] = [],
  ) => ({
    wasm: {
      instantiate2: {
        admin: null,
        code_id: codeId,
        label: 'predictable',
        msg: Buffer.from(JSON.stringify({ made: 'by probe' })).toString('base64'),
        funds,
        salt: Buffer.from(saltBytes).toString('base64'),
      },
    },
  })
  const created = (
    events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[],
  ) =>
    events
      .filter((event) => event.type === 'instantiate')
      .map((event) => event.attributes.find((a) => a.key === '_contract_address')?.value)

  test("a contract's WasmMsg::Instantiate2 lands at BuildContractAddressPredictable(checksum, creator, salt, empty)", async () => {
    // Without the fix: the salt was parsed as base64 JSON (any real salt failed) and the
    // checksum read from a static cache this chain never filled.
    const expected = predictInstantiate2Address({ checksum, creator: probe, salt })
    const { events } = await chain.execute(alice, probe, { pay: instantiate2(salt) })
    expect(created(events)).toEqual([expected])
    expect(await chain.query(expected, { get: 'i' })).toEqual({ made: 'by probe' })
  })

  test('a top-level instantiate with a salt lands at the same predictable address', async () => {
    const { contractAddress } = await chain.instantiate(alice, codeId, {}, { salt })
    expect(contractAddress).toBe(predictInstantiate2Address({ checksum, creator: alice, salt }))
  })

  test('the same creator, code and salt again is an error, and the first contract stays', async () => {
    // Without the fix: the simulator overwrote the first contract's storage.
    await chain.execute(alice, probe, { pay: instantiate2(salt) })
    await expect(chain.execute(alice, probe, { pay: instantiate2(salt) })).rejects.toThrow(
      'contract address already exists, try a different combination of creator, checksum and salt',
    )
    const address = predictInstantiate2Address({ checksum, creator: probe, salt })
    expect(await chain.query(address, { get: 'i' })).toEqual({ made: 'by probe' })
  })

  test('an empty or a 65-byte salt is refused, as wasmd validates it', async () => {
    await expect(
      chain.execute(alice, probe, { pay: instantiate2(new Uint8Array()) }),
    ).rejects.toThrow('salt: is required')
    await expect(
      chain.execute(alice, probe, { pay: instantiate2(new Uint8Array(65)) }),
    ).rejects.toThrow('salt: cannot be longer than 64 characters')
    expect(
      (await chain.execute(alice, probe, { pay: instantiate2(new Uint8Array(64).fill(9)) })).events,
    ).toBeDefined()
  })

  test('funds sent to the address before it holds a contract stay there (control)', async () => {
    const address = predictInstantiate2Address({ checksum, creator: probe, salt })
    chain.setBalance(address, [{ denom: 'ustake', amount: '500' }])
    await chain.execute(alice, probe, { pay: instantiate2(salt) })
    expect(chain.getBalance(address, 'ustake')).toBe(500n)
  })
})

describe("fix (h): a smart query of a contract that errors is the querier's error, not an answer", () => {
  test('the querying contract sees the failure (query_failed), not an answer made of the error', async () => {
    // An interchain account (contract/ica/account.ts) asks its factory (whoever instantiated
    // it) for the router on each execute; a test recipient, made its factory, answers
    // {"config":{}} with an error (unknown query).
    const recipientCode = await chain.storeCode(alice, readFileSync(wasmPath('test-recipient')))
    const recipient = (await chain.instantiate(alice, recipientCode, {})).contractAddress
    const accountCode = await chain.storeCode(alice, readFileSync(wasmPath('ica-account')))
    const { contractAddress: address } = await chain.instantiate(recipient, accountCode, {
      origin: 1,
      owner: `0x${'00'.repeat(32)}`,
    })
    const error = await chain
      .execute(alice, address, { execute_calls: { payload: Buffer.from('[]').toString('base64') } })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EmbeddedChainError)
    // Without the fix: the account parsed the simulator's Err object as the factory's answer,
    // found no router in it and answered `unauthorized`.
    expect(String((error as EmbeddedChainError).reason)).toContain('"code":"query_failed"')
  })
})

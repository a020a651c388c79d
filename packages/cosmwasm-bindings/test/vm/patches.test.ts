// Regression tests of the pnpm patches of the embedded VM (patches/ at the repository root, each
// change commented "Ferry patch (a|b|c)"). Each test asserts what a real CosmWasm chain does and
// the unpatched package got wrong: all but the valid-signature case fail without the patches.
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { beforeEach, describe, expect, test } from 'vitest'
import { createEmbeddedChain, type EmbeddedChain } from '../../src/embedded/createEmbeddedChain.ts'
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

describe('patch (a): a failed execution leaves no writes in the contract VM cache', () => {
  test('the next execute does not commit the failed one’s writes', async () => {
    await expect(chain.execute(alice, probe, { fail: 1 })).rejects.toThrow('failed on purpose')
    expect(await chain.query(probe, { get: 'f' })).toBeNull()
    await chain.execute(alice, probe, { set: 1 })
    // Unpatched: the VM kept key "f" from the failed execute and this execute saved it.
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

describe('patch (b): JSON is written to the contract as UTF-8 bytes', () => {
  const text = 'héllo ✓ 🚀 ферри 渡し'

  test('a non-ASCII execute message arrives whole', async () => {
    // Unpatched: the region was sized by UTF-16 length and the write overflowed it.
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

describe('patch (c): secp256k1_recover_pubkey returns the VM’s error codes', () => {
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
    // Unpatched: code 0 and a region holding an error message, read as if it were the key.
    expect(await recover(param, h, s)).toEqual({ code, region: 0, bytes: '' })
  })

  test('a hash region over 32 bytes is a VM error, as cosmwasm-vm’s read_region makes it', async () => {
    const input = Uint8Array.from([recovery, 33, ...hash, 0, ...rs])
    await expect(chain.execute(alice, probe, { recover: hex(input) })).rejects.toThrow(
      'region length too big',
    )
  })
})

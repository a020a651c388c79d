import { DirectSecp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/proto-signing'
import { describe, expect, test } from 'vitest'
import { createSigner } from './createSigner.js'

// A valid BIP-39 test mnemonic (from cosmjs's tests) and a fixed key.
const MNEMONIC =
  'surround miss nominee dream gap cross assault thank captain prosper drop duty group candy wealth weather scale put'
const KEY = 'a'.repeat(64)

describe('createSigner', () => {
  test("a mnemonic derives the Cosmos HD account (m/44'/118'/0'/0/0) under the prefix", async () => {
    const [account] = await (await createSigner(`  ${MNEMONIC}\n`, 'wasm')).getAccounts()
    const [expected] = await (
      await DirectSecp256k1HdWallet.fromMnemonic(MNEMONIC, {
        prefix: 'wasm',
        hdPaths: [makeCosmoshubPath(0)],
      })
    ).getAccounts()
    expect(account?.address).toMatch(/^wasm1[02-9ac-hj-np-z]{38}$/)
    expect(account?.address).toBe(expected?.address)
  })

  test('a hex private key, with or without 0x, is the same account', async () => {
    const [plain] = await (await createSigner(KEY, 'wasm')).getAccounts()
    const [prefixed] = await (await createSigner(`0x${KEY.toUpperCase()}`, 'wasm')).getAccounts()
    expect(plain?.address).toMatch(/^wasm1/)
    expect(prefixed?.address).toBe(plain?.address)
  })

  test('anything else is refused as a mnemonic', async () => {
    await expect(createSigner('not a mnemonic', 'wasm')).rejects.toThrow()
  })
})

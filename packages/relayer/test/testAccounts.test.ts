import {
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_MNEMONIC,
} from '@ferry/testkit'
import { expect, test } from 'vitest'
import { createSigner } from '../src/chains/cosmwasm/createSigner.ts'

// The devnet and the test worlds give the relayer the test mnemonic: it must sign as the account
// the chains fund and the worlds name as the relayer's.
test('the relayer signs as its address when given the mnemonic', async () => {
  const signer = await createSigner(TEST_COSMWASM_MNEMONIC, TEST_COSMWASM_BECH32_PREFIX)
  expect((await signer.getAccounts())[0]?.address).toBe(TEST_COSMWASM_ACCOUNTS.relayer)
})

import { DirectSecp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/proto-signing'
import { privateKeyToAddress } from 'viem/accounts'
import { expect, test } from 'vitest'
import { devnetValidatorKey } from './devnetValidatorKey.js'
import {
  HARDHAT_KEYS,
  TEST_COSMWASM_ACCOUNTS,
  TEST_COSMWASM_BECH32_PREFIX,
  TEST_COSMWASM_HD_INDEX,
  TEST_COSMWASM_MNEMONIC,
  TEST_DEPLOYER_KEY,
  TEST_RELAYER_KEYS,
} from './testAccounts.js'
import { testValidatorKeys } from './testValidatorKeys.js'

test('the Hardhat keys are its default accounts 0–4', () => {
  expect(HARDHAT_KEYS.map((key) => privateKeyToAddress(key))).toEqual([
    '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
    '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
    '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
    '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
  ])
})

test('the CosmWasm addresses are the mnemonic’s accounts at their HD indexes', async () => {
  const { relayer, owner, user } = TEST_COSMWASM_HD_INDEX
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TEST_COSMWASM_MNEMONIC, {
    prefix: TEST_COSMWASM_BECH32_PREFIX,
    hdPaths: [relayer, owner, user].map((index) => makeCosmoshubPath(index)),
  })
  expect((await wallet.getAccounts()).map((account) => account.address)).toEqual([
    TEST_COSMWASM_ACCOUNTS.relayer,
    TEST_COSMWASM_ACCOUNTS.owner,
    TEST_COSMWASM_ACCOUNTS.user,
  ])
})

test('every key is distinct: deployer, relayers and the validators of each origin', () => {
  const domains = [31337, 31338, 7001, 7002]
  const keys = [
    TEST_DEPLOYER_KEY,
    ...TEST_RELAYER_KEYS,
    ...domains.flatMap((domain) => testValidatorKeys(domain)),
    ...domains.map((domain) => devnetValidatorKey(domain)),
  ]
  expect(new Set(keys).size).toBe(keys.length)
  expect(new Set(Object.values(TEST_COSMWASM_ACCOUNTS)).size).toBe(3)
})

test('validator keys are stable: the same origin always gets the same validators', () => {
  expect(testValidatorKeys(31337)).toEqual(testValidatorKeys(31337))
  expect(testValidatorKeys(31337, 5).slice(0, 3)).toEqual(testValidatorKeys(31337))
})

import { DirectSecp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/proto-signing'
import { expect, test } from 'vitest'
import { createSigner } from '../chains/cosmwasm/createSigner.js'
import {
  DEVNET_COSMWASM_BECH32_PREFIX,
  DEVNET_COSMWASM_HD_INDEX,
  DEVNET_COSMWASM_MNEMONIC,
  DEVNET_COSMWASM_OWNER,
  DEVNET_COSMWASM_RELAYER,
  DEVNET_COSMWASM_USER,
} from './devnetAccounts.js'

test('the CosmWasm addresses are the mnemonic’s accounts at their HD indexes', async () => {
  const { relayer, owner, user } = DEVNET_COSMWASM_HD_INDEX
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(DEVNET_COSMWASM_MNEMONIC, {
    prefix: DEVNET_COSMWASM_BECH32_PREFIX,
    hdPaths: [relayer, owner, user].map((index) => makeCosmoshubPath(index)),
  })
  expect((await wallet.getAccounts()).map((account) => account.address)).toEqual([
    DEVNET_COSMWASM_RELAYER,
    DEVNET_COSMWASM_OWNER,
    DEVNET_COSMWASM_USER,
  ])
})

test('the relayer signs as its address when given the mnemonic', async () => {
  const signer = await createSigner(DEVNET_COSMWASM_MNEMONIC, DEVNET_COSMWASM_BECH32_PREFIX)
  expect((await signer.getAccounts())[0]?.address).toBe(DEVNET_COSMWASM_RELAYER)
})

// The testing helpers on a real wasmd node (the bindings' localnet, built once into .cache/wasmd)
// through `deployerFromSigningClient`: the same helpers the embedded tests use deploy the endpoint
// and the test recipient, connect an origin, set fees, and send as the app, over cosmjs.
import { SigningCosmWasmClient } from '@cosmjs/cosmwasm-stargate'
import { DirectSecp256k1HdWallet, makeCosmoshubPath } from '@cosmjs/proto-signing'
import { GasPrice } from '@cosmjs/stargate'
import { config, feeConfig, origin, send } from '@ferry/cosmwasm-bindings'
import {
  connectOrigin,
  type DeployerFromSigningClientReturnType,
  deployEndpoint,
  deployerFromSigningClient,
  instantiateTestRecipient,
  setFeeConfigs,
  testRecipientHandled,
  viaTestRecipient,
} from '@ferry/cosmwasm-bindings/testing'
import { bech32ToBytes32, decodeMessage, evmAddressToBytes32 } from '@ferry/protocol'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startWasmdLocalnet, type WasmdLocalnet } from '../src/nodes/startWasmdLocalnet.ts'

const VALIDATOR = '0xC0FFEE254729296a45a3885639AC7E10F9d54979'
const EVM_ENDPOINT = evmAddressToBytes32('0x5FbDB2315678afecb367f032d93F642f64180aa3')

describe('the testing helpers on wasmd, through deployerFromSigningClient', () => {
  let node: WasmdLocalnet
  let client: SigningCosmWasmClient
  let deployer: DeployerFromSigningClientReturnType
  let owner: string
  let payer: string

  beforeAll(async () => {
    // One signer holds both accounts: the client signs as whichever an action names.
    const wallet = await DirectSecp256k1HdWallet.generate(12, {
      prefix: 'wasm',
      hdPaths: [makeCosmoshubPath(0), makeCosmoshubPath(1)],
    })
    ;[owner, payer] = (await wallet.getAccounts()).map((account) => account.address) as [
      string,
      string,
    ] // CAST: the wallet has the two accounts of its two HD paths
    node = await startWasmdLocalnet({ accounts: [owner, payer] })
    client = await SigningCosmWasmClient.connectWithSigner(node.rpcUrl, wallet, {
      gasPrice: GasPrice.fromString(`0${node.denom}`),
      // cosmjs polls for inclusion every 3 s by default; blocks here come every 200 ms.
      broadcastPollIntervalMs: 100,
    })
    deployer = deployerFromSigningClient(client, owner, { fee: 1.5 })
    // The first run builds wasmd (tools/wasmd/build.sh): minutes on a fresh machine, then cached.
  }, 900_000)

  afterAll(async () => {
    client?.disconnect()
    await node?.stop()
  })

  test('deploys endpoints and test recipients, storing each code once', async () => {
    const endpoint = await deployEndpoint(deployer, { domain: 7001, owner, denom: node.denom })
    const second = await deployEndpoint(deployer, { domain: 7002, owner, denom: node.denom })
    const app = await instantiateTestRecipient(deployer, { sender: owner })
    expect(await config(deployer, { contract: endpoint })).toMatchObject({
      localDomain: 7001,
      denom: node.denom,
      owner,
    })
    const codeOf = async (address: string) => (await client.getContract(address)).codeId
    expect(await codeOf(second)).toBe(await codeOf(endpoint))
    expect(await codeOf(app)).not.toBe(await codeOf(endpoint))
    expect(await testRecipientHandled(deployer, { app })).toEqual({ count: 0, last: '' })
  })

  test('connects an origin, sets fees, and the app sends as itself while the payer pays', async () => {
    const endpoint = await deployEndpoint(deployer, { domain: 7001, owner, denom: node.denom })
    const app = await instantiateTestRecipient(deployer, { sender: owner })
    await connectOrigin(deployer, {
      endpoint,
      owner,
      origin: 31337,
      originEndpoint: EVM_ENDPOINT,
      validators: [VALIDATOR],
      threshold: 1,
    })
    expect(await origin(deployer, { contract: endpoint, origin: 31337 })).toEqual({
      originEndpoint: EVM_ENDPOINT,
      validators: [VALIDATOR.toLowerCase()],
      threshold: 1,
    })
    await setFeeConfigs(deployer, { endpoint, feeManager: owner, domains: [31337, 7001] })
    expect((await feeConfig(deployer, { contract: endpoint, domain: 31337 })).gasPrice).toBe(1n)

    const balance = async (address: string) =>
      BigInt((await client.getBalance(address, node.denom)).amount)
    const before = await balance(payer)
    const sent = await send(viaTestRecipient(deployer, app), {
      contract: endpoint,
      sender: payer,
      destination: 31337,
      recipient: EVM_ENDPOINT,
      body: '0x6f6b3a6869', // "ok:hi"
      gasLimit: 100_000,
      ackGasLimit: 50_000,
    })
    expect(sent.nonce).toBe(1n)
    // The message is the app's: its sender is the test recipient, not the payer.
    expect(decodeMessage(sent.message).sender).toBe(bech32ToBytes32(app))
    expect(before - (await balance(payer))).toBeGreaterThan(0n)
    expect(await balance(app)).toBe(0n)
  })
})
